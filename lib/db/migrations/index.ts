// Versioned migrations of stored data. Each one has a stable id, is recorded in `migrations`
// (_id = its id) when it has run, and is idempotent: it converts only documents still in the old
// shape, so two processes starting at once, or a run cut short by a crash, do no harm (the next
// start finishes the work). They use the driver, not the models: a migration must keep
// working after the models move on.
import type { Db } from "mongodb";
import { MIGRATIONS } from "./registry";

export interface Migration {
  /** Stable and ordered: "001-graph-arrays". */
  id: string;
  /** One line, printed when it runs. */
  title: string;
  /** Converts what is left in the old shape; returns how many documents it changed. */
  run(db: Db): Promise<number>;
}

export interface MigrationReport {
  id: string;
  title: string;
  changed: number;
}

/** Runs every migration not yet recorded, in id order. */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport[]> {
  const done = db.collection<{ _id: string; title: string; changed: number; at: Date }>("migrations");
  const reports: MigrationReport[] = [];
  for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
    if (await done.findOne({ _id: migration.id }, { projection: { _id: 1 } })) continue;
    const changed = await migration.run(db);
    try {
      await done.insertOne({ _id: migration.id, title: migration.title, changed, at: new Date() });
    } catch (error) {
      // Another process recorded it first: it ran the same idempotent conversion.
      if ((error as { code?: number }).code !== 11000) throw error;
    }
    reports.push({ id: migration.id, title: migration.title, changed });
  }
  return reports;
}
