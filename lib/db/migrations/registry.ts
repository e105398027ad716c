// Every migration, in order. Add a new one at the end with the next number.
import { graphArrays } from "./001-graph-arrays";
import type { Migration } from "./index";

export const MIGRATIONS: readonly Migration[] = [graphArrays];
