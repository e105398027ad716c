// POST /api/v1/runs/{id}/cancel
import { serve } from "@/lib/api/endpoint";
import { cancelRunEndpoint } from "@/lib/api/endpoints/runs";

export const dynamic = "force-dynamic";
export const POST = serve(cancelRunEndpoint);
