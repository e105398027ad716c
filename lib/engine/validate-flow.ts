// Rules about how a run can move through the graph: one start, every node reachable from it,
// an end reachable from every node, loops only through decisions, decisions with a fallback,
// joins with something to join. All linear in nodes + edges.
import { DEFAULT_BRANCH } from "@/lib/nodes/handles";
import { cyclicComponents, reachableFrom } from "./graph-algorithms";
import type { GraphIndex } from "./graph-index";
import { listNames, type Problem } from "./problems";

const typeIs = (index: GraphIndex, i: number, type: string) => index.nodes[i].type === type;

function checkStartAndEnd(index: GraphIndex, problems: Problem[]) {
  const starts: number[] = [];
  const ends: number[] = [];
  index.nodes.forEach((_, i) => {
    if (typeIs(index, i, "start")) starts.push(i);
    else if (typeIs(index, i, "end")) ends.push(i);
  });
  if (starts.length === 0) {
    problems.push({ code: "missing-start", severity: "error", message: "Add a Start node: every run begins there" });
  } else if (starts.length > 1) {
    problems.push({
      code: "multiple-starts",
      severity: "error",
      nodeIds: starts.map((i) => index.nodes[i].id),
      message: `A workflow has exactly one Start node; this one has ${starts.length} (${listNames(starts.map((i) => index.names[i]))})`,
    });
  }
  if (ends.length === 0) {
    problems.push({ code: "missing-end", severity: "error", message: "Add an End node: every run must be able to finish" });
  }

  // With no start (or no end) every node would fail the matching rule: one problem is enough.
  const fromStart = starts.length > 0 ? reachableFrom(index.out, starts) : undefined;
  const toEnd = ends.length > 0 ? reachableFrom(index.in, ends) : undefined;
  index.nodes.forEach((node, i) => {
    const name = index.names[i];
    const reached = !fromStart || fromStart[i];
    const finishes = !toEnd || toEnd[i];
    if (!reached && !finishes && index.in[i].length === 0 && index.out[i].length === 0) {
      problems.push({ code: "disconnected", severity: "error", nodeId: node.id, message: `${name} is not connected to anything` });
      return;
    }
    if (!reached) {
      problems.push({ code: "unreachable", severity: "error", nodeId: node.id, message: `${name} cannot be reached from the Start node` });
    }
    if (!finishes) {
      problems.push({ code: "dead-end", severity: "error", nodeId: node.id, message: `No path leads from ${name} to an End node, so a run there could never finish` });
    }
  });
}

function checkCycles(index: GraphIndex, problems: Problem[]) {
  // A loop that avoids every decision has no way out: find loops in the graph without them.
  const components = cyclicComponents(index.out, (i) => !typeIs(index, i, "decision"));
  for (const component of components) {
    const names = component.map((i) => index.names[i]);
    const loop = component.length === 1 ? `${names[0]} is connected to itself` : `${listNames(names)} form a loop`;
    problems.push({
      code: "cycle-without-decision",
      severity: "error",
      nodeId: index.nodes[component[0]].id,
      nodeIds: component.map((i) => index.nodes[i].id),
      message: `${loop} with no decision on it, so it would never end; route the loop through a Decision node`,
    });
  }
}

function checkOutputs(index: GraphIndex, problems: Problem[]) {
  index.nodes.forEach((node, i) => {
    const name = index.names[i];
    const used = new Set<string>();
    for (const e of index.outEdges[i]) {
      const handle = index.edges[e].handle;
      if (handle) used.add(handle.id);
    }
    if (node.type === "decision" && !used.has(DEFAULT_BRANCH)) {
      problems.push({
        code: "decision-default-unconnected",
        severity: "error",
        nodeId: node.id,
        message: `Connect the "Otherwise" output of ${name}: runs take it when no branch matches`,
      });
    }
    if (node.type === "parallel" && index.definitions[i]) {
      const join = (node.data?.config as { mode?: unknown } | undefined)?.mode === "join";
      if (join && index.in[i].length < 2) {
        problems.push({ code: "join-needs-inputs", severity: "error", nodeId: node.id, message: `The join ${name} needs at least two incoming connections; it has ${index.in[i].length}` });
      }
      if (!join && index.out[i].length < 2) {
        problems.push({ code: "split-needs-outputs", severity: "warning", nodeId: node.id, message: `The split ${name} has ${index.out[i].length} outgoing connection(s); a split is for running two or more branches at once` });
      }
    }
    // A node with no outgoing edge at all is already a dead end; do not say it twice.
    if (index.outEdges[i].length === 0) return;
    for (const handle of index.outputs[i]) {
      const reported = node.type === "decision" && handle.id === DEFAULT_BRANCH; // an error above
      if (handle.kind === "error" || used.has(handle.id) || reported) continue;
      problems.push({
        code: "unconnected-output",
        severity: "warning",
        nodeId: node.id,
        message: `Nothing is connected to the "${handle.label}" output of ${name}`,
      });
    }
  });
}

export function validateFlow(index: GraphIndex, problems: Problem[]): void {
  checkStartAndEnd(index, problems);
  checkCycles(index, problems);
  checkOutputs(index, problems);
}
