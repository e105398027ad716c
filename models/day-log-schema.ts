import { Schema } from "mongoose";

// One chunk of a day log (lib/db/day-log.ts): `_id` "<YYYY-MM-DD>:<k>", k = 0, 1, 2… claimed by
// insert, holding the rows one process wrote in one flush. Rows are readable subdocuments.
export function dayLogSchema(collection: string, row: Schema) {
  return new Schema(
    {
      _id: { type: String, required: true },
      day: { type: String, required: true },
      rows: { type: [row], default: [] },
      at: { type: Date, required: true },
    },
    { collection, versionKey: false },
  );
}
