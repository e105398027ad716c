// The embedded database: FerretDB 1.24 on its SQLite backend, built from its Go module
// into a project-local tools folder and started as a child process.
// Plain ESM so the start script, the Vitest global setup and Playwright can all share it.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, cpSync, chmodSync, readFileSync, writeFileSync, renameSync, rmSync, readdirSync, statSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { MongoClient } from "mongodb";

export const FERRETDB_MODULE = "github.com/FerretDB/FerretDB";
export const FERRETDB_VERSION = "v1.24.2";

export class EmbeddedDatabaseError extends Error {}

function goAvailable() {
  try {
    execFileSync("go", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The one change we make to FerretDB's source. Its SQLite backend builds the unique `_id` index
 * on the expression `_ferretdb_sjson->"_id"` (metadata/registry.go, indexesCreate) but queries,
 * updates and deletes by `_id` with `IDColumn`, `_ferretdb_sjson->'$._id'`. SQLite matches an
 * index on an expression only when the query has the very same expression, so it never used the
 * index: every read, update and delete by `_id` scanned the whole table (100k documents: a find
 * by _id ~180–250 ms). With the constant spelled like the index, SQLite searches the index
 * (EXPLAIN QUERY PLAN: "SEARCH … USING INDEX …__id_"), and both expressions select the same
 * value, so no stored data changes. FerretDB v1 is no longer maintained, so there is no upstream
 * release to wait for.
 */
export const ID_INDEX_PATCH = {
  file: "internal/backends/sqlite/metadata/metadata.go",
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: `IDColumn = DefaultColumn + "->\\"_id\\""`,
};

/** The binary's name says what it is, so a stock build left in the tools folder is never reused. */
export function ferretdbBinaryPath(toolsDir) {
  return path.join(toolsDir, `ferretdb-${FERRETDB_VERSION.slice(1)}-idx`);
}

/** Applies ID_INDEX_PATCH to a source tree; refuses, naming the file, when the line is not there exactly once. */
export function applyIdIndexPatch(srcDir) {
  const file = path.join(srcDir, ID_INDEX_PATCH.file);
  const source = existsSync(file) ? readFileSync(file, "utf8") : "";
  const count = source.split(ID_INDEX_PATCH.from).length - 1;
  if (count !== 1) {
    throw new EmbeddedDatabaseError(
      `Refusing to build FerretDB ${FERRETDB_VERSION}: the line to patch was ${source ? `found ${count} times` : "not found (the file is missing)"} in ${ID_INDEX_PATCH.file}.\n` +
        `  Expected exactly one: ${ID_INDEX_PATCH.from}\n` +
        "  Without this change every read by _id scans its whole collection (see README, \"Notes on choices\").",
    );
  }
  writeFileSync(file, source.replace(ID_INDEX_PATCH.from, ID_INDEX_PATCH.to));
}

/**
 * Returns the path of the FerretDB binary, building it first when it is not there yet.
 *
 * Why not a plain `go install …/cmd/ferretdb@v1.24.2`: on this module proxy that command
 * stops at "loading deprecation … @v/list: 403 Forbidden", and a binary built from the
 * module zip panics at start because the zip lacks build/version/version.txt (FerretDB's
 * own build writes it with `task gen-version`). So we download the same module with
 * `go mod download`, write version.txt, apply ID_INDEX_PATCH and `go build` its command:
 * the same source but for that one line, the same compiler, no other network.
 */
export function ensureFerretDB({ toolsDir, log = console.log }) {
  const binary = ferretdbBinaryPath(toolsDir);
  if (existsSync(binary)) return binary;
  if (!goAvailable()) {
    throw new EmbeddedDatabaseError(
      "Switchyard needs a database and found neither MONGODB_URI nor Go.\n" +
        "  • To use your own MongoDB (6 or newer): set MONGODB_URI=mongodb://host:27017/switchyard,\n" +
        "    NEXTAUTH_SECRET and CREDENTIALS_KEY, then run `npm start` again.\n" +
        "  • To use the embedded database: install Go 1.22 or newer (https://go.dev/dl/) so that\n" +
        "    `go version` works, then run `npm start` again; Switchyard builds FerretDB " + FERRETDB_VERSION + " itself.",
    );
  }
  log(`Building the embedded database (FerretDB ${FERRETDB_VERSION}, _id index patch) into ${toolsDir} — once, about a minute…`);
  mkdirSync(toolsDir, { recursive: true });
  const info = JSON.parse(
    execFileSync("go", ["mod", "download", "-json", `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      cwd: toolsDir,
      encoding: "utf8",
      env: { ...process.env, GOFLAGS: "-mod=mod" },
    }),
  );
  if (!info.Dir) throw new EmbeddedDatabaseError(`go mod download gave no source folder: ${JSON.stringify(info)}`);
  const src = path.join(toolsDir, `ferretdb-src-${process.pid}`);
  rmSync(src, { recursive: true, force: true });
  try {
    cpSync(info.Dir, src, { recursive: true });
    makeWritable(src);
    writeFileSync(path.join(src, "build/version/version.txt"), `${FERRETDB_VERSION}\n`);
    applyIdIndexPatch(src);
    const tmp = `${binary}.${process.pid}.tmp`;
    execFileSync("go", ["build", "-o", tmp, "./cmd/ferretdb"], { cwd: src, stdio: ["ignore", "inherit", "inherit"] });
    renameSync(tmp, binary); // atomic, so a parallel caller never sees half a binary
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
  return binary;
}

function makeWritable(dir) {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) makeWritable(p);
    else chmodSync(p, 0o644);
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Whether `port` can be bound on `host` (null: every interface, as `next start` binds). */
export function portIsFree(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    const done = () => srv.close(() => resolve(true));
    if (host === null) srv.listen(port, done);
    else srv.listen(port, host, done);
  });
}

async function waitForPing(uri, child, deadline) {
  let lastError;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 500, directConnection: true });
    try {
      await client.connect();
      await client.db("admin").command({ ping: 1 });
      return;
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, 150));
    } finally {
      await client.close().catch(() => {});
    }
  }
  throw new EmbeddedDatabaseError(
    `The embedded database did not accept connections at ${uri}` +
      (child.exitCode !== null ? ` (FerretDB exited with code ${child.exitCode})` : "") +
      (lastError ? `: ${lastError.message}` : ""),
  );
}

/**
 * SQLite's `synchronous` setting for the embedded database. "normal" (our default) does not
 * fsync the write-ahead log on every commit: a commit survives the app or the database process
 * being killed (the OS holds it), and only an OS crash or power loss can lose the last moments —
 * the promise MongoDB makes by default (w:1, journal flushed every 100 ms). Measured on this
 * 2-core machine (`npm run bench:db-sync`, load 1.7): 50 concurrent inserters 870–1,080 writes/s
 * with "full" vs 2,883–3,384/s with "normal"; one insert p50 0.8–1.0 ms vs 0.4–0.6 ms.
 * `SWITCHYARD_DB_SYNC=full` fsyncs every commit for those who need power-loss durability.
 */
export function sqliteSyncMode(value = process.env.SWITCHYARD_DB_SYNC) {
  const mode = (value ?? "normal").trim().toLowerCase() || "normal";
  if (mode !== "normal" && mode !== "full") {
    throw new EmbeddedDatabaseError(`SWITCHYARD_DB_SYNC must be "normal" or "full" (got "${value}").`);
  }
  return mode;
}

/**
 * Go's garbage collector settings for the FerretDB process. FerretDB decodes and encodes every
 * document it touches, so with Go's default (GOGC=100: collect whenever the heap doubles) a
 * fifth to a quarter of its CPU went to collecting (pprof under the webhook benchmark), and its
 * CPU is what every command waits for on this 2-core machine. GOGC=400 lets the heap grow to five
 * times what is live (FerretDB's live heap is tens of MB) before collecting; GOMEMLIMIT makes Go
 * collect harder before the process passes 1 GiB. Measured with `npm run bench:runtime-ops`,
 * alternating the two settings on a quiet machine: GOGC=100 36–39 runs/s with 27–32 ms of FerretDB
 * CPU per run, GOGC=400 52–54 runs/s with 16.5–17 ms. A GOGC or GOMEMLIMIT already in the
 * environment wins.
 */
export function ferretdbGcEnv(env = process.env) {
  return { GOGC: env.GOGC ?? "400", GOMEMLIMIT: env.GOMEMLIMIT ?? "1GiB" };
}

/**
 * Starts FerretDB with its data in `dataDir` and resolves once it answers a ping.
 * `stop()` ends it with SIGTERM (SIGKILL after 5 s) and resolves when it has exited.
 */
export async function startFerretDB({ binary, dataDir, port, dbName = "switchyard", quiet = true, timeoutMs = 30_000, sync = sqliteSyncMode() }) {
  mkdirSync(dataDir, { recursive: true });
  const listenPort = port ?? (await freePort());
  if (!(await portIsFree(listenPort))) {
    throw new EmbeddedDatabaseError(`Port ${listenPort} on 127.0.0.1 is taken, so the embedded database cannot start there.`);
  }
  const dir = path.resolve(dataDir);
  const child = spawn(
    binary,
    [
      "--handler=sqlite",
      `--sqlite-url=file:${dir}/?_pragma=synchronous(${sqliteSyncMode(sync)})`,
      `--state-dir=${dir}`,
      `--listen-addr=127.0.0.1:${listenPort}`,
      "--debug-addr=-",
      "--telemetry=disable",
      "--log-level=warn",
    ],
    { stdio: ["ignore", quiet ? "ignore" : "inherit", "pipe"], env: { ...process.env, ...ferretdbGcEnv() } },
  );
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr = (stderr + d.toString()).slice(-4000);
    if (!quiet) process.stderr.write(d);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const uri = `mongodb://127.0.0.1:${listenPort}/${dbName}`;
  try {
    await waitForPing(uri, child, Date.now() + timeoutMs);
  } catch (err) {
    child.kill("SIGKILL");
    throw new EmbeddedDatabaseError(`${err.message}\n${stderr.trim()}`);
  }
  return {
    uri,
    port: listenPort,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
