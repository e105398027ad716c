// GET /api/v1/workflows
import { serve } from "@/lib/api/endpoint";
import { listWorkflowsEndpoint } from "@/lib/api/endpoints/workflows";

export const dynamic = "force-dynamic";
export const GET = serve(listWorkflowsEndpoint);
