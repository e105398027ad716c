// GET and POST /api/v1/workflows/{id}/runs
import { serve } from "@/lib/api/endpoint";
import { listRunsEndpoint, startRunEndpoint } from "@/lib/api/endpoints/runs";

export const dynamic = "force-dynamic";
export const GET = serve(listRunsEndpoint);
export const POST = serve(startRunEndpoint);
