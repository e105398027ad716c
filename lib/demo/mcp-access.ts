import "server-only";
// The demo agent's way into this app's own MCP endpoint (/api/mcp): an API key of the demo
// admin, kept in a bearer credential of the admin's (the kind an MCP tool sends as
// Authorization: Bearer), shared with the designer role so the designers' runs may use it.
// Made once: a later seed finds the credential by name and leaves it (and the key) alone.
// The key only passes from createApiKey to the sealed credential; it is never printed.
import type { Actor } from "@/lib/auth/roles";
import { createApiKey } from "@/lib/api-keys/service";
import { shareCredential } from "@/lib/credentials/sharing";
import { createCredential } from "@/lib/credentials/service";
import { Credential } from "@/models/Credential";

export const DEMO_MCP_CREDENTIAL = "Switchyard MCP (demo agent)";
export const DEMO_MCP_KEY_NAME = "Demo agent (MCP tools)";

/** The credential's id, creating the key and the credential on the first seed. */
export async function ensureDemoMcpCredential(admin: Actor): Promise<string> {
  const existing = await Credential.findOne({ name: DEMO_MCP_CREDENTIAL, owner: admin.id }, { _id: 1 }).lean();
  if (existing) return String(existing._id);
  const key = await createApiKey(admin, { name: DEMO_MCP_KEY_NAME, expiresIn: "never" });
  if (!key.ok) throw new Error(`Creating the demo agent's API key failed: ${key.message}`);
  const created = await createCredential(admin, {
    name: DEMO_MCP_CREDENTIAL,
    type: "bearer",
    description: `The demo admin's API key "${DEMO_MCP_KEY_NAME}", for the demo agent's MCP tool (this app's /api/mcp).`,
    fields: { token: key.key },
  });
  if (!created.ok || !created.id) throw new Error(`Storing the demo agent's API key as a credential failed: ${created.message ?? "no id"}`);
  const shared = await shareCredential(admin, created.id, { roles: ["designer"] });
  if (!shared.ok) throw new Error(`Sharing the demo agent's credential with designers failed: ${shared.message}`);
  return created.id;
}
