import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const TOOLS_DIR = path.join(ROOT, ".tools");
export const NEXT_BIN = path.join(ROOT, "node_modules/.bin/next");
export const TSX_BIN = path.join(ROOT, "node_modules/.bin/tsx");
