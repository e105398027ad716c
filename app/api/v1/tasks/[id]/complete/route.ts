// POST /api/v1/tasks/{id}/complete
import { serve } from "@/lib/api/endpoint";
import { completeTaskEndpoint } from "@/lib/api/endpoints/tasks";

export const dynamic = "force-dynamic";
export const POST = serve(completeTaskEndpoint);
