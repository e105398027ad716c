// Brings stored data up to the current shape (lib/db/migrations): `npm start` runs it before the
// app starts, and every worker process runs it too. Idempotent.
import mongoose from "mongoose";
import { migrate } from "../lib/db/migrations";

async function main() {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error("MONGODB_URI is not set. Run this through `npm start`, or set MONGODB_URI to your database.");
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000 });
  const reports = await migrate(mongoose.connection.db!);
  for (const r of reports) console.log(`Migration ${r.id} (${r.title}): ${r.changed} document(s) converted.`);
  await mongoose.disconnect();
}

main().catch((error: unknown) => {
  console.error(`Migrating the stored data failed: ${(error as Error).message}`);
  process.exit(1);
});
