// Builds the embedded FerretDB into .tools/ (what `npm start` and `npm test` do on first use).
import { ensureFerretDB } from "../lib/db/ferretdb.mjs";
import { TOOLS_DIR } from "./lib/paths.mjs";

console.log(`FerretDB ready at ${ensureFerretDB({ toolsDir: TOOLS_DIR })}`);
