// An append-only log of small rows per UTC day, stored so that the embedded FerretDB only ever
// reads it by exact _id (the one read it serves from an index; any filter decodes the whole
// collection, DESIGN.md). A day is a series of chunk documents "<day>:<k>" (k = 0, 1, 2…), each
// claimed by its insert — two writers that pick the same k are told apart by the duplicate key,
// the only atomic decision FerretDB 1.24 makes — plus, once rebuilt, parts "<day>:c:<p>" holding
// many rows each and saying which chunk comes next. A reader walks the parts, then the chunks
// until the first one missing, and keeps what it read: past days never change, so after the
// first read only today and yesterday are looked at again, and only their new chunks.
//
// Writers group rows: rows appended within `flushMs` of each other in one process share one
// insert, and append() resolves only once its chunk is stored, so a caller that goes on after it
// knows its row is durable (a process that dies before that never went on).

/** What a day log needs of its mongoose model (models/RunStartLog.ts, models/RunEndLog.ts). */
export interface DayLogModel {
  create(doc: object): Promise<unknown>;
  findById(id: string, projection?: object): { lean<T>(): PromiseLike<T | null> };
  deleteOne(filter: { _id: string }): PromiseLike<{ deletedCount: number }>;
}

const K_DIGITS = 6;
const READ_AHEAD = 8;
const DAY_MS = 86_400_000;
/** Rows per rebuilt part: far below the 16 MB document limit even for long error messages. */
export const PART_ROWS = 4_000;

export const chunkId = (day: string, k: number) => `${day}:${String(k).padStart(K_DIGITS, "0")}`;
export const partId = (day: string, p: number) => `${day}:c:${String(p).padStart(K_DIGITS, "0")}`;

export function utcDay(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 10);
}

interface StoredChunk<Row> {
  _id: string;
  day: string;
  rows: Row[];
  /** Parts only: the first chunk not folded into the parts. */
  next?: number;
}

interface CachedDay<Row> {
  rows: Row[];
  /** The next chunk to look for. */
  next: number;
}

interface Batch<Row> {
  rows: Row[];
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

export interface DayLogOptions {
  /** How long a row waits for others to share its insert. */
  flushMs?: number;
  /** A batch this big is written at once. */
  maxRows?: number;
}

export class DayLog<Row extends object> {
  private readonly cache = new Map<string, CachedDay<Row>>();
  private readonly reading = new Map<string, Promise<Row[]>>();
  private readonly pending = new Map<string, Batch<Row>>();
  private readonly nextK = new Map<string, number>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly flushMs: number;
  private readonly maxRows: number;

  constructor(
    private readonly model: DayLogModel,
    options: DayLogOptions = {},
  ) {
    this.flushMs = options.flushMs ?? 5;
    this.maxRows = options.maxRows ?? 200;
  }

  /** Adds the row to the day's log; resolves once it is stored. */
  append(day: string, row: Row): Promise<void> {
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(day);
      if (!batch) this.pending.set(day, (batch = { rows: [], waiters: [] }));
      batch.rows.push(row);
      batch.waiters.push({ resolve, reject });
      if (batch.rows.length >= this.maxRows) void this.flush(day);
      else this.timer ??= setTimeout(() => this.flushAll(), this.flushMs);
    });
  }

  private flushAll(): void {
    this.timer = null;
    for (const day of [...this.pending.keys()]) void this.flush(day);
  }

  private async flush(day: string): Promise<void> {
    const batch = this.pending.get(day);
    if (!batch) return;
    this.pending.delete(day);
    try {
      await this.insertChunk(day, batch.rows);
      for (const w of batch.waiters) w.resolve();
    } catch (error) {
      for (const w of batch.waiters) w.reject(error);
    }
  }

  private async insertChunk(day: string, rows: Row[]): Promise<void> {
    let k = this.nextK.get(day) ?? this.cache.get(day)?.next ?? (await this.firstChunkAfterParts(day));
    for (;;) {
      try {
        await this.model.create({ _id: chunkId(day, k), day, rows, at: new Date() });
        this.nextK.set(day, k + 1);
        return;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        k += 1; // another writer has this one: try the next
      }
    }
  }

  private async firstChunkAfterParts(day: string): Promise<number> {
    let next = 0;
    for (let p = 0; ; p++) {
      const part = await this.model.findById(partId(day, p), { next: 1 }).lean<StoredChunk<Row>>();
      if (!part) return next;
      next = part.next ?? next;
    }
  }

  /** Every row of the day, oldest first; a row appended twice (a retried write) once, its last copy. */
  async rowsOf(day: string, now = Date.now()): Promise<Row[]> {
    const cached = this.cache.get(day);
    // Days before yesterday are complete: nothing is appended to them any more.
    if (cached && day < utcDay(now - DAY_MS)) return cached.rows;
    const inFlight = this.reading.get(day);
    if (inFlight) return inFlight;
    const read = this.readDay(day, cached).finally(() => this.reading.delete(day));
    this.reading.set(day, read);
    return read;
  }

  private async readDay(day: string, cached: CachedDay<Row> | undefined): Promise<Row[]> {
    let rows = cached?.rows ?? [];
    let next = cached?.next ?? 0;
    if (!cached) {
      for (let p = 0; ; p++) {
        const part = await this.model.findById(partId(day, p)).lean<StoredChunk<Row>>();
        if (!part) break;
        rows = rows.concat(part.rows);
        next = part.next ?? next;
      }
    }
    const fresh: Row[] = [];
    for (;;) {
      const ids = Array.from({ length: READ_AHEAD }, (_, i) => chunkId(day, next + i));
      const chunks = await Promise.all(ids.map((id) => this.model.findById(id).lean<StoredChunk<Row>>()));
      let found = 0;
      for (const chunk of chunks) {
        if (!chunk) break;
        fresh.push(...chunk.rows);
        found += 1;
      }
      next += found;
      if (found < READ_AHEAD) break;
    }
    const all = fresh.length > 0 ? lastCopies(rows.concat(fresh)) : rows;
    this.cache.set(day, { rows: all, next });
    return all;
  }

  /**
   * Replaces the day's log with `rows` as parts (the rebuild from the durable records, e.g. a
   * migration): chunks are deleted by exact _id. Only while nothing appends to that day.
   */
  async rewriteDay(day: string, rows: Row[]): Promise<void> {
    for (let k = await this.firstChunkAfterParts(day); ; k++) {
      const gone = await this.model.deleteOne({ _id: chunkId(day, k) });
      if (gone.deletedCount === 0) break;
    }
    for (let p = 0; ; p++) {
      const gone = await this.model.deleteOne({ _id: partId(day, p) });
      if (gone.deletedCount === 0) break;
    }
    for (let p = 0; p * PART_ROWS < Math.max(rows.length, 1); p++) {
      await this.model.create({ _id: partId(day, p), day, rows: rows.slice(p * PART_ROWS, (p + 1) * PART_ROWS), next: 0, at: new Date() }).catch((error: { code?: number }) => {
        // Another process rebuilding the same day at the same moment (two starting at once, each
        // running the migration) wrote this part from the same stored runs.
        if (error.code !== 11000) throw error;
      });
    }
    this.cache.delete(day);
    this.nextK.delete(day);
  }

  /** Forgets what this process read (tests, and after a rebuild elsewhere). */
  forget(): void {
    this.cache.clear();
    this.nextK.clear();
  }
}

/** Keeps the last copy of each row by its key field, in the order of those last copies. */
function lastCopies<Row extends object>(rows: Row[]): Row[] {
  const key = (row: Row) => (row as { runId?: string }).runId;
  const last = new Map<string | undefined, number>();
  rows.forEach((row, i) => last.set(key(row) ?? `#${i}`, i));
  if (last.size === rows.length) return rows;
  return rows.filter((row, i) => last.get(key(row) ?? `#${i}`) === i);
}
