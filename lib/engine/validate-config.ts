// Per-node checks: the type is known, the config passes its schema, and every expression in
// it parses. Expressions are read from the stored config even when the schema fails, so the
// designer sees a syntax error while another field is still blank.
import { checkExpression } from "@/lib/expressions";
import type { GraphIndex } from "./graph-index";
import type { Problem } from "./problems";

const joinPath = (parts: readonly PropertyKey[]) => parts.map(String).join(".");

export function validateNodeConfigs(index: GraphIndex, problems: Problem[]): void {
  index.nodes.forEach((node, i) => {
    const definition = index.definitions[i];
    const name = index.names[i];
    if (!definition) {
      problems.push({ code: "unknown-node-type", severity: "error", nodeId: node.id, message: `${name} has an unknown type "${node.type}"` });
      return;
    }
    const config = node.data?.config;
    const parsed = definition.configSchema.safeParse(config);
    const invalidPaths = new Set<string>();
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = joinPath(issue.path);
        invalidPaths.add(path);
        problems.push({ code: "invalid-config", severity: "error", nodeId: node.id, path, message: `${name}: ${issue.message}` });
      }
    }
    for (const hint of definition.reviewHints?.(config) ?? []) {
      if (invalidPaths.has(hint.path)) continue;
      problems.push({ code: "needs-review", severity: "warning", nodeId: node.id, path: hint.path, message: `${name}: ${hint.message}` });
    }
    for (const ref of definition.expressions?.(config) ?? []) {
      // A blank value is the schema's to report ("… is required"), and once is enough.
      if (ref.source.trim() === "" || invalidPaths.has(ref.path)) continue;
      const error = checkExpression(ref.source, ref.kind);
      if (!error) continue;
      const where = error.position > 0 ? ` (at character ${error.position})` : "";
      problems.push({
        code: "expression-syntax",
        severity: "error",
        nodeId: node.id,
        path: ref.path,
        position: error.position,
        message: `${name}: the expression in ${ref.path} has an error${where}: ${error.message}`,
      });
    }
  });
}
