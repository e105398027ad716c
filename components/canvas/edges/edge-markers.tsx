// Arrowheads for edges, defined once per canvas (edges reference them by id).
export const ARROW_ID = "switchyard-arrow";
export const ARROW_ERROR_ID = "switchyard-arrow-error";

export function EdgeMarkers() {
  return (
    <svg aria-hidden className="absolute size-0">
      <defs>
        {[
          [ARROW_ID, "#a1a1aa"],
          [ARROW_ERROR_ID, "#dc2626"],
        ].map(([id, color]) => (
          <marker key={id} id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill={color} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
