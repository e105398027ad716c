// GET /api/v1/workflows/{id}
import { serve } from "@/lib/api/endpoint";
import { getWorkflowEndpoint } from "@/lib/api/endpoints/workflows";

export const dynamic = "force-dynamic";
export const GET = serve(getWorkflowEndpoint);
