"use client";
// Why the server refused something (a publish, a run): its message and the graph problems it
// listed. With onProblem, each problem that names a node is a button (the designer focuses it).

export interface RefusalProblem {
  message: string;
  nodeId?: string;
  edgeId?: string;
}

export function RefusalAlert({ message, problems, testId, onProblem }: { message: string; problems: readonly RefusalProblem[]; testId: string; onProblem?: (problem: RefusalProblem) => void }) {
  return (
    <div role="alert" data-testid={testId} className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-500/10 dark:text-red-300">
      <p>{message}</p>
      {problems.length > 0 && (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-xs">
          {problems.slice(0, 20).map((p, i) => (
            <li key={i}>
              {p.nodeId && onProblem ? (
                <button type="button" className="text-left underline decoration-dotted" onClick={() => onProblem(p)}>
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
