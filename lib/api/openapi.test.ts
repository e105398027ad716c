// The OpenAPI document is valid JSON of version 3.1 and lists every route file under
// app/api/v1 with each HTTP method it exports, so a new route cannot go undocumented.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";

const ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "app/api/v1/workflows/[id]/runs/route.ts" → "/workflows/{id}/runs". */
function openApiPath(file: string): string {
  const rel = path.relative(ROOT, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/${rel.map((part) => part.replace(/^\[(.+)\]$/, "{$1}")).join("/")}`;
}

function exportedMethods(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1].toLowerCase());
}

describe("the OpenAPI document", () => {
  it("is served as JSON of OpenAPI 3.1 and documents every route file's methods", async () => {
    const response = await GET(new Request("http://127.0.0.1:3000/api/v1/openapi.json"));
    expect(response.status).toBe(200);
    const doc = JSON.parse(await response.text());
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toBe("http://127.0.0.1:3000/api/v1");

    const files = routeFiles(ROOT);
    expect(files.length).toBeGreaterThanOrEqual(8);
    const documented: string[] = [];
    for (const file of files) {
      const route = openApiPath(file);
      const methods = exportedMethods(file);
      expect(methods.length, `${file} exports no HTTP method`).toBeGreaterThan(0);
      for (const method of methods) {
        expect(doc.paths[route]?.[method], `${method.toUpperCase()} ${route} is not in the document`).toBeDefined();
        documented.push(`${method} ${route}`);
      }
    }
    // Nothing in the document that no route serves.
    const inDoc = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`));
    expect(inDoc.sort()).toEqual(documented.sort());
  });

  it("describes parameters, bodies, success and error responses, and a curl example for each operation", async () => {
    const doc = await (await GET(new Request("http://localhost:3000/api/v1/openapi.json"))).json();
    const start = doc.paths["/workflows/{id}/runs"].post;
    expect(start.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
    expect(start.requestBody.content["application/json"].schema.properties.mode.enum).toEqual(["test", "published"]);
    expect(Object.keys(start.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "404", "409", "413", "415", "422", "429"]));
    expect(start["x-codeSamples"][0].source).toContain('curl -X POST "http://localhost:3000/api/v1/workflows/<id>/runs"');

    const runs = doc.paths["/workflows/{id}/runs"].get;
    expect(runs.parameters.map((p: { name: string }) => p.name)).toEqual(["id", "status", "limit", "offset"]);
    expect(runs.parameters.find((p: { name: string }) => p.name === "limit").schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100, default: 20 });

    const complete = doc.paths["/tasks/{id}/complete"].post;
    expect(complete.requestBody.content["application/json"].schema.required).toContain("decision");
    expect(doc.components.responses.unauthorized.content["application/json"].schema.$ref).toBe("#/components/schemas/Error");
    for (const ops of Object.values(doc.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)) {
      for (const op of Object.values(ops)) expect(op.responses["200"] ?? op.responses["201"]).toBeDefined();
    }
  });
});
