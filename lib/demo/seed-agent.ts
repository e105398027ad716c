import "server-only";
// The demo's agent and what its tools reach: the two tool workflows (one marked "Available to
// AI assistants" for /api/mcp), the designer's own API key in the designer's bearer credential, then the agent's
// workflow pointing at them. Published but not run by the seeder: its HTTP and MCP tools call
// this app, which does not serve while the seed runs.
import type { Actor } from "@/lib/auth/roles";
import { setAvailableToAi } from "@/lib/workflows/ai-availability";
import { API_GUIDE_NAME, apiGuideGraph } from "./api-guide";
import { ensureDemoMcpCredential } from "./mcp-access";
import { demoWorkflow } from "./publish";
import { EXPENSE_POLICY_NAME, MILEAGE_NAME, expensePolicyGraph, mileageGraph } from "./tool-workflows";

export interface DemoAgent {
  agentId: string;
  expensePolicyId: string;
  mileageId: string;
  credentialId: string;
}

export async function seedDemoAgent(people: { designer: Actor; admin: Actor }, origin?: string): Promise<DemoAgent> {
  const { designer } = people;
  const tags = ["ai", "demo"];
  const expensePolicyId = await demoWorkflow(designer, EXPENSE_POLICY_NAME, () => ({
    name: EXPENSE_POLICY_NAME,
    description: "Says the spending limit for a kind of expense and whether a receipt is needed. The demo agent's workflow tool.",
    tags,
    graph: expensePolicyGraph(),
  }));
  const mileageId = await demoWorkflow(designer, MILEAGE_NAME, () => ({
    name: MILEAGE_NAME,
    description: "Works out the allowance for kilometres driven with a private car (0.30 EUR per km).",
    tags,
    graph: mileageGraph(),
  }));
  const available = await setAvailableToAi(designer, { id: mileageId, available: true });
  if (!available.ok) throw new Error(`Offering "${MILEAGE_NAME}" to AI assistants failed: ${available.message}`);
  const credentialId = await ensureDemoMcpCredential(designer);
  const agentId = await demoWorkflow(designer, API_GUIDE_NAME, () => ({
    name: API_GUIDE_NAME,
    description: "An AI agent answers an expense question with three tools: the policy workflow, the mileage allowance through this app's MCP endpoint, and the app's API reference.",
    tags,
    graph: apiGuideGraph({ origin, expensePolicyId, mcpCredentialId: credentialId }),
  }));
  return { agentId, expensePolicyId, mileageId, credentialId };
}
