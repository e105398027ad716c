"use client";
// What every field of one node's config form needs, without threading it through each level.
import { createContext, useContext } from "react";
import type { Path } from "./config-paths";
import type { Suggestion } from "./suggestions";

export interface ConfigFormContextValue {
  /** Schema messages by dotted path. */
  issues: ReadonlyMap<string, string[]>;
  /** Which paths hold expressions, and of which kind. */
  expressions: ReadonlyMap<string, "jsonata" | "template">;
  /** Paths defaults leave blank on purpose, highlighted until filled. */
  blankRequired: ReadonlySet<string>;
  readOnly: boolean;
  /** The node's type: the credential picker offers the credential kinds it takes. */
  nodeType: string;
  /** The node being edited: the "try it" preview reads its latest run's data. */
  nodeId: string;
  idPrefix: string;
  change: (path: Path, value: unknown) => void;
  suggestions: () => Suggestion[];
  /** Values known to fit a text field, by dotted path (NodeDefinition.knownValues). */
  knownValues: Readonly<Record<string, readonly string[]>>;
}

export const ConfigFormContext = createContext<ConfigFormContextValue | null>(null);

export function useConfigForm(): ConfigFormContextValue {
  const value = useContext(ConfigFormContext);
  if (!value) throw new Error("useConfigForm must be used inside a config form");
  return value;
}

export const fieldId = (prefix: string, path: Path) => `${prefix}-${path.map(String).join("-")}`.replace(/[^A-Za-z0-9_-]/g, "_");
