// Webhook triggers: /api/hooks/<id> (lib/triggers/webhook/handle.ts does the work and documents
// every answer). Every method is routed there so a method the trigger does not accept gets a
// 405 with Allow instead of Next's bare one.
import { handleWebhook } from "@/lib/triggers/webhook/handle";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

async function handler(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return handleWebhook(request, id);
}

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
