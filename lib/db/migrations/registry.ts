// Every migration, in order. Add a new one at the end with the next number.
import type { Migration } from "./index";
import { graphArrays } from "./001-graph-arrays";
import { runFields } from "./002-run-fields";
import { rollupsReadable } from "./003-rollups-readable";
import { runIndex } from "./004-run-index";

export const MIGRATIONS: readonly Migration[] = [graphArrays, runFields, rollupsReadable, runIndex];
