// Test helper: every stored record of the runs in the database (executions with their step
// records, checkpoints, events, histories, messages) as one text, to prove a secret never
// reaches any of them.
import mongoose from "mongoose";

const RUN_COLLECTIONS = ["workflow_executions", "live_runs", "event_logs", "execution_histories", "run_messages", "run_graphs"];

export async function allRunRecordsText(): Promise<string> {
  const db = mongoose.connection.db!;
  const parts: string[] = [];
  for (const name of RUN_COLLECTIONS) parts.push(JSON.stringify(await db.collection(name).find({}).toArray()));
  return parts.join("\n");
}
