// Every migration, in order. Add a new one at the end with the next number.
import type { Migration } from "./index";
import { runFields } from "./002-run-fields";

export const MIGRATIONS: readonly Migration[] = [runFields];
