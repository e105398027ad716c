// Palette search: every word of the query must appear in a type's label, type name, category
// or description. Pure.
import type { PaletteGroup } from "@/lib/nodes/registry";

export function filterPalette(groups: readonly PaletteGroup[], query: string): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups
    .map((group) => ({
      ...group,
      items: group.items.filter((d) => {
        const text = `${d.label} ${d.type} ${group.label} ${d.description}`.toLowerCase();
        return words.every((w) => text.includes(w));
      }),
    }))
    .filter((group) => group.items.length > 0);
}
