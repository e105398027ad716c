// GET /api/v1/runs/{id}
import { serve } from "@/lib/api/endpoint";
import { getRunEndpoint } from "@/lib/api/endpoints/runs";

export const dynamic = "force-dynamic";
export const GET = serve(getRunEndpoint);
