"use client";
// The inspector's debugging section for one node (issue 13): test it alone, pin its output, run
// from here. For editors only: a viewer's inspector is read-only. Steps that wait for the world
// (a person, a time, a child run) say why they cannot be tested alone; they can still be pinned.
import { getNodeDefinition } from "@/lib/nodes/registry";
import type { Autosaver } from "../store/autosaver";
import { useReadOnly } from "../store/context";
import { Group } from "./field-parts";
import { PinnedOutput } from "./pinned-output";
import { RunFromHere } from "./run-from-here";
import { StepTestPanel } from "./step-test-panel";

/** Types whose output is nothing of their own: the start passes the run input, an end finishes. */
const NOTHING_TO_PIN = new Set(["start", "end"]);

export function StepTools({ nodeId, type, autosaver }: { nodeId: string; type: string; autosaver?: Autosaver }) {
  const readOnly = useReadOnly();
  const definition = getNodeDefinition(type);
  if (readOnly || !definition) return null;
  return (
    <Group legend="Debug this step">
      <div data-testid="step-tools" className="space-y-3">
        {definition.notTestableAlone ? (
          <p data-testid="step-test-unavailable" className="text-xs text-zinc-600 dark:text-zinc-400">
            {definition.notTestableAlone}
          </p>
        ) : (
          <StepTestPanel nodeId={nodeId} autosaver={autosaver} />
        )}
        {!NOTHING_TO_PIN.has(type) && <PinnedOutput nodeId={nodeId} />}
        {type !== "start" && <RunFromHere nodeId={nodeId} autosaver={autosaver} />}
      </div>
    </Group>
  );
}
