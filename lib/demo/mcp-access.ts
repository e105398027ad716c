import "server-only";
// The demo agent's way into this app's own MCP endpoint (/api/mcp): an API key of the demo
// designer, who owns and runs the demo workflows, kept in a bearer credential of the designer's
// own (the kind an MCP tool sends as Authorization: Bearer). Not the admin's and not shared: a
// run may only do what its starter may, and a shared admin key would let every designer's HTTP
// step act as the admin.
// Made once: a later seed finds the credential by name and leaves it (and the key) alone.
// The key only passes from createApiKey to the sealed credential; it is never printed.
import type { Actor } from "@/lib/auth/roles";
import { createApiKey } from "@/lib/api-keys/service";
import { createCredential } from "@/lib/credentials/service";
import { Credential } from "@/models/Credential";

export const DEMO_MCP_CREDENTIAL = "Switchyard MCP (demo agent)";
export const DEMO_MCP_KEY_NAME = "Demo agent (MCP tools)";

/** The credential's id, creating the key and the credential on the first seed. */
export async function ensureDemoMcpCredential(designer: Actor): Promise<string> {
  const existing = await Credential.findOne({ name: DEMO_MCP_CREDENTIAL, owner: designer.id }, { _id: 1 }).lean();
  if (existing) return String(existing._id);
  const key = await createApiKey(designer, { name: DEMO_MCP_KEY_NAME, expiresIn: "never" });
  if (!key.ok) throw new Error(`Creating the demo agent's API key failed: ${key.message}`);
  const created = await createCredential(designer, {
    name: DEMO_MCP_CREDENTIAL,
    type: "bearer",
    description: `The demo designer's API key "${DEMO_MCP_KEY_NAME}", for the demo agent's MCP tool (this app's /api/mcp).`,
    fields: { token: key.key },
  });
  if (!created.ok || !created.id) throw new Error(`Storing the demo agent's API key as a credential failed: ${created.message ?? "no id"}`);
  return created.id;
}
