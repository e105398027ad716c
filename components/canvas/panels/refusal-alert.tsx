"use client";
// Why the server refused a publish or a run: its message and the graph problems, each one that
// names a node a link that closes the dialog and focuses that node on the canvas.
import { useCanvasActions } from "../hooks/use-canvas-actions";

export interface RefusalProblem {
  message: string;
  nodeId?: string;
  edgeId?: string;
}

export function RefusalAlert({ message, problems, testId, onLeave }: { message: string; problems: readonly RefusalProblem[]; testId: string; onLeave: () => void }) {
  const { focus } = useCanvasActions();
  return (
    <div role="alert" data-testid={testId} className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-300">
      <p>{message}</p>
      {problems.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-xs">
          {problems.slice(0, 20).map((p, i) => (
            <li key={i}>
              {p.nodeId ? (
                <button
                  type="button"
                  className="text-left underline decoration-dotted"
                  onClick={() => {
                    onLeave();
                    focus([p.nodeId!], p.edgeId ? [p.edgeId] : []);
                  }}
                >
                  {p.message}
                </button>
              ) : (
                p.message
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
