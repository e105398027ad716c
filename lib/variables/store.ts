import "server-only";
// Reading and sealing stored variables: ids, values, secrets. No permission checks here:
// lib/variables/service.ts checks them for people, the runtime needs none.
import { credentialsKey, open, seal } from "@/lib/credentials/crypto";
import { Variable, type VariableDoc } from "@/models/Variable";
import { sharedRead } from "@/lib/db/shared-read";
import { formatVariableValue, type VariableRow, type VariableType } from "./kinds";

export const GLOBAL = "global";

/** "global:<name>" or "<workflowId>:<name>". */
export const variableId = (workflowId: string | null, name: string) => `${workflowId ?? GLOBAL}:${name}`;

export const VARIABLE_ID = /^(global|[a-f0-9]{24}):[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export function sealVariable(id: string, value: unknown) {
  return seal(JSON.stringify(value), credentialsKey(), `variable:${id}`);
}

export function openVariable(doc: Pick<VariableDoc, "_id" | "sealed">): unknown {
  if (!doc.sealed) return undefined;
  return JSON.parse(open(doc.sealed, credentialsKey(), `variable:${doc._id}`));
}

/** A non-secret variable's value. */
export function plainValue(doc: Pick<VariableDoc, "value">): unknown {
  if (doc.value == null) return null;
  try {
    return JSON.parse(doc.value);
  } catch {
    return null;
  }
}

export function toVariableRow(doc: VariableDoc): VariableRow {
  const type = doc.type as VariableType;
  return {
    id: doc._id,
    name: doc.name,
    scope: doc.scope as VariableRow["scope"],
    type,
    secret: Boolean(doc.secret),
    value: doc.secret ? "" : formatVariableValue(type, plainValue(doc)),
    description: doc.description ?? "",
    updatedAt: doc.updatedAt ? new Date(doc.updatedAt).toISOString() : "",
  };
}

/** The global variables and the workflow's own; concurrent callers share one read (run starts in a burst). Not to be changed by callers. */
export async function variablesInScope(workflowId: string | null): Promise<VariableDoc[]> {
  return sharedRead(`variables:${workflowId ?? ""}`, () => {
    const query = workflowId ? Variable.find({ $or: [{ scope: "global" as const }, { workflowId }] }) : Variable.find({ scope: "global" as const });
    return query.lean<VariableDoc[]>().exec();
  });
}
