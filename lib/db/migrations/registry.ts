// Every migration, in order. Add a new one at the end with the next number.
import type { Migration } from "./index";

export const MIGRATIONS: readonly Migration[] = [];
