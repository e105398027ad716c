// Every migration, in order. Add a new one at the end with the next number.
import type { Migration } from "./index";
import { rollupsReadable } from "./003-rollups-readable";

export const MIGRATIONS: readonly Migration[] = [rollupsReadable];
