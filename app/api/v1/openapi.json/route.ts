// GET /api/v1/openapi.json: the API described as OpenAPI 3.1, public like any API reference
// (it holds no data), generated from the same schemas the handlers parse with.
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin), { headers: { "Cache-Control": "public, max-age=300" } });
}
