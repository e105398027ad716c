// GET /api/v1/tasks
import { serve } from "@/lib/api/endpoint";
import { listTasksEndpoint } from "@/lib/api/endpoints/tasks";

export const dynamic = "force-dynamic";
export const GET = serve(listTasksEndpoint);
