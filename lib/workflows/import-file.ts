import "server-only";
// Importing a workflow file: everything is checked first (size, JSON, format, structure, node
// types and configs, ids, edges, storability) and nothing is saved unless all of it passes.
import { withoutPins } from "@/lib/engine/pins";
import { z } from "zod";
import type { Actor } from "@/lib/auth/roles";
import { MAX_IMPORT_PROBLEMS, parseImport } from "@/lib/workflow/import";
import type { Outcome, PathProblem } from "./contract";
import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from "./export-format";
import { MAX_PAYLOAD_BYTES, tooLargeMessage } from "./limits";
import { insertWorkflow } from "./new-workflow";
import { issueProblems } from "./refusals";
import { importSchema, tagsSchema } from "./schema";
import { toStorableGraph } from "./storable";
import { assertCanCreate } from "./store";

const headerSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `This is not a Switchyard workflow file (format must be "${EXPORT_FORMAT}")` }).optional(),
  formatVersion: z
    .number({ error: "formatVersion must be a number" })
    .int()
    .max(EXPORT_FORMAT_VERSION, {
      error: `This file was written by a newer Switchyard (format version above ${EXPORT_FORMAT_VERSION}); update Switchyard to import it`,
    })
    .optional(),
  tags: tagsSchema.optional(),
});

function refuse(problems: PathProblem[], truncated = false): Outcome<{ id: string }> {
  const count = truncated ? `more than ${problems.length}` : String(problems.length);
  return {
    ok: false,
    message: `The file was not imported: ${problems.length === 1 && !truncated ? "1 problem" : `${count} problems`}. Nothing was saved.`,
    problems,
    truncated,
  };
}

function nameFromFile(fileName: string | undefined): string | undefined {
  const base = fileName?.replace(/\.json$/i, "").trim();
  return base ? base.slice(0, 200) : undefined;
}

export async function importWorkflow(actor: Actor, input: unknown): Promise<Outcome<{ id: string }>> {
  assertCanCreate(actor);
  const parsed = importSchema.safeParse(input);
  if (!parsed.success) return refuse([{ path: "", message: parsed.error.issues[0].message }]);
  const { text, fileName } = parsed.data;
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_PAYLOAD_BYTES) return refuse([{ path: "", message: tooLargeMessage("The file", bytes) }]);

  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const result = parseImport(text); // says what is wrong with the JSON, in its words
    return refuse(result.ok ? [{ path: "", message: "The file is not valid JSON" }] : result.problems);
  }
  const header = headerSchema.safeParse(json && typeof json === "object" && !Array.isArray(json) ? json : {});
  if (!header.success) {
    const { problems, truncated } = issueProblems(header.error);
    return refuse(problems, truncated);
  }
  const result = parseImport(json);
  if (!result.ok) return refuse(result.problems, result.truncated);

  // Pins are never exported; one in a hand-made file would name someone else as pinnedBy: dropped.
  const storable = toStorableGraph(withoutPins(result.workflow), MAX_IMPORT_PROBLEMS);
  if (!storable.ok) return refuse(storable.problems, storable.truncated);
  const name = result.workflow.name?.trim() || nameFromFile(fileName) || "Imported workflow";
  const id = await insertWorkflow(actor, {
    name,
    description: result.workflow.description ?? "",
    tags: header.data.tags ?? [],
    graph: storable.graph,
    settings: result.workflow.settings,
  });
  return { ok: true, id, message: `Imported "${name}".` };
}
