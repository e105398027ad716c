// Rebuilds every dashboard roll-up from execution_histories: `npm run rollups:rebuild`
// (against MONGODB_URI; with the embedded database, run it while `npm start` is running and
// set MONGODB_URI to the address it prints). Safe while runs end: see lib/rollups/rebuild.ts.
import mongoose from "mongoose";
import { rebuildRollups } from "../lib/rollups/rebuild";

async function main() {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error("MONGODB_URI is not set. Set it to the database (`npm start` prints the embedded one's address).");
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000 });
  const started = Date.now();
  const { runs, days } = await rebuildRollups({ log: (line) => console.log(line) });
  console.log(`Rebuilt ${days} day roll-ups from ${runs} ended runs in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  await mongoose.disconnect();
}

main().then(() => process.exit(0)).catch((err) => {
  console.error(`Could not rebuild the roll-ups: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
