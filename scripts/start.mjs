// `npm start`: the embedded database (or MONGODB_URI), secrets, demo users, a build when the
// sources changed, then the Next.js server — and everything stopped together on exit.
import { spawn } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { MongoClient } from "mongodb";
import { ensureFerretDB, startFerretDB, portIsFree, EmbeddedDatabaseError } from "../lib/db/ferretdb.mjs";
import { ROOT, TOOLS_DIR, NEXT_BIN, TSX_BIN } from "./lib/paths.mjs";
import { loadOrCreateSecrets } from "./lib/secrets.mjs";
import { run } from "./lib/run.mjs";

const dev = process.argv.includes("--dev");
const dataDir = path.resolve(process.env.SWITCHYARD_DATA_DIR ?? path.join(ROOT, ".data"));
const port = Number(process.env.PORT ?? 3000);

function fail(message) {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, name)));
  return newest;
}

function needsBuild() {
  const buildId = path.join(ROOT, ".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "models", "public", "proxy.ts", "next.config.ts", "package-lock.json", "instrumentation.ts"];
  return sources.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

async function pingExternal(uri) {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    await client.db().command({ ping: 1 });
  } catch (err) {
    fail(`Cannot reach the database named by MONGODB_URI: ${err.message}\n  Check that the server is running and that MONGODB_URI is right, or unset it to use the embedded database.`);
  } finally {
    await client.close().catch(() => {});
  }
}

async function main() {
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number from 1 to 65535, not "${process.env.PORT}".`);
  if (!(await portIsFree(port, null))) {
    fail(`Port ${port} is already in use, so Switchyard cannot listen there.\n  Stop what is using it, or choose another port: PORT=${port + 1} npm start`);
  }

  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  let database = null;

  if (process.env.MONGODB_URI) {
    const missing = ["NEXTAUTH_SECRET", "CREDENTIALS_KEY"].filter((k) => !process.env[k]);
    if (missing.length) {
      fail(
        `MONGODB_URI is set, so Switchyard uses that database and needs its secrets from the environment, but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing.\n` +
          "  Generate them with:\n" +
          "    export NEXTAUTH_SECRET=$(openssl rand -base64 32)\n" +
          "    export CREDENTIALS_KEY=$(openssl rand -base64 32)\n" +
          "  and keep them: CREDENTIALS_KEY decrypts the stored credentials.",
      );
    }
    if (Buffer.from(process.env.CREDENTIALS_KEY, "base64").length !== 32) {
      fail("CREDENTIALS_KEY must be 32 random bytes in base64 (44 characters). Generate one with: openssl rand -base64 32");
    }
    await pingExternal(process.env.MONGODB_URI);
    console.log("Using the database named by MONGODB_URI.");
  } else {
    const secrets = loadOrCreateSecrets(dataDir);
    let binary;
    try {
      binary = ensureFerretDB({ toolsDir: TOOLS_DIR });
      database = await startFerretDB({
        binary,
        dataDir: path.join(dataDir, "db"),
        port: process.env.SWITCHYARD_DB_PORT ? Number(process.env.SWITCHYARD_DB_PORT) : undefined,
      });
    } catch (err) {
      if (err instanceof EmbeddedDatabaseError) fail(`The embedded database could not start.\n${err.message}`);
      throw err;
    }
    Object.assign(env, secrets, { MONGODB_URI: database.uri, SWITCHYARD_EMBEDDED: "1" });
    console.log(`Embedded database (FerretDB on SQLite) at ${database.uri}, data in ${path.join(dataDir, "db")}`);
    // First start: one demo user per role, printed once and kept in the data folder.
    if (!existsSync(path.join(dataDir, "demo-users.json"))) {
      // SWITCHYARD_DEMO_RUNS=N: also run the demo workflows N times (before the server and its worker start).
      const demoRuns = process.env.SWITCHYARD_DEMO_RUNS ? ["--runs", process.env.SWITCHYARD_DEMO_RUNS] : [];
      const code = await run(TSX_BIN, ["--conditions=react-server", path.join(ROOT, "scripts/seed-demo.ts"), ...demoRuns], {
        env: { ...env, SWITCHYARD_DATA_DIR: dataDir },
        cwd: ROOT,
      });
      if (code !== 0) {
        await database.stop();
        fail("Creating the demo workspace failed (see above).");
      }
    }
  }

  const stopDatabase = async () => {
    if (database) await database.stop();
  };

  // Stored data in an older shape is converted before anything reads it (lib/db/migrations).
  if ((await run(TSX_BIN, ["--conditions=react-server", path.join(ROOT, "scripts/migrate.ts")], { env, cwd: ROOT })) !== 0) {
    await stopDatabase();
    fail("Migrating the stored data failed (see above); nothing was changed beyond what it printed.");
  }

  if (!dev && needsBuild()) {
    console.log("Building the app (first start or changed sources)…");
    const code = await run(NEXT_BIN, ["build"], { env, cwd: ROOT });
    if (code !== 0) {
      await stopDatabase();
      fail("The build failed (see above).");
    }
  }

  // Production runs scripts/server.mjs (Next.js behind a server that passes on the socket's address, README "Security").
  const server = dev
    ? spawn(NEXT_BIN, ["dev", "-p", String(port)], { env, cwd: ROOT, stdio: "inherit" })
    : spawn(process.execPath, [path.join(ROOT, "scripts/server.mjs")], { env, cwd: ROOT, stdio: "inherit" });
  console.log(`\nSwitchyard is starting at http://localhost:${port}\n`);

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) server.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  server.on("exit", async (code) => {
    await stopDatabase();
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

main().catch(async (err) => {
  console.error(err);
  process.exit(1);
});
