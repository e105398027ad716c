// Creates one demo user per role and prints their generated passwords once.
// `npm start` runs it on the embedded database's first start; against MONGODB_URI run it
// yourself: `npm run seed:demo`.
// `npm run seed:demo -- --runs 200 [--days 90]` also runs the demo workflows 200 times through
// the real engine, spread over the last 90 days, so the dashboard has honest figures
// (lib/demo/seed-runs.ts). Stop the app's server first: its worker would pick up the demo runs
// and stamp them with the present time. `SWITCHYARD_DEMO_RUNS=200 npm start` does it on a
// first start, before the server starts.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import mongoose from "mongoose";
import { User } from "../models/User";
import { hashPassword } from "../lib/auth/password";
import { z } from "zod";
import { ROLES, ROLE_LABELS, type Role } from "../lib/auth/roles";
import { seedDemoRuns } from "../lib/demo/seed-runs";

const argsSchema = z.object({
  runs: z.coerce.number({ error: "--runs must be a number" }).int({ error: "--runs must be a whole number" }).min(0).max(20_000, { error: "--runs may be at most 20000" }).default(0),
  days: z.coerce.number({ error: "--days must be a number" }).int().min(1, { error: "--days must be 1 or more" }).max(365, { error: "--days may be at most 365" }).default(90),
});

function parseArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(runs|days)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`Unknown argument "${argv[i]}". Use --runs N and --days D.`);
    raw[m[1]] = m[2] ?? argv[++i] ?? "";
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return parsed.data;
}

interface DemoUser {
  email: string;
  name: string;
  roles: Role[];
  password: string;
}

const NAMES: Record<Role, string> = {
  admin: "Ada Admin",
  designer: "Dana Designer",
  approver: "Avery Approver",
  manager: "Morgan Manager",
};

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error("MONGODB_URI is not set. Run this through `npm start`, or set MONGODB_URI to your database.");
  await mongoose.connect(uri, { serverSelectionTimeoutMS: 5000 });
  await User.init();

  const created: DemoUser[] = [];
  const kept: string[] = [];
  for (const role of ROLES) {
    const email = `${role}@switchyard.local`;
    if (await User.exists({ email })) {
      kept.push(email);
      continue;
    }
    const password = randomBytes(12).toString("base64url");
    await User.create({ email, name: NAMES[role], roles: [role], passwordHash: await hashPassword(password), active: true });
    created.push({ email, name: NAMES[role], roles: [role], password });
  }

  if (created.length) {
    const lines = created.map((u) => `  ${ROLE_LABELS[u.roles[0]].padEnd(9)} ${u.email.padEnd(28)} ${u.password}`);
    console.log(`\nDemo workspace — sign in with one of these (shown once):\n${lines.join("\n")}\n`);
    const dataDir = process.env.SWITCHYARD_DATA_DIR;
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(path.join(dataDir, "demo-users.json"), JSON.stringify(created, null, 2) + "\n", { mode: 0o600 });
      writeFileSync(path.join(dataDir, "demo-users.txt"), `Switchyard demo users\n${lines.join("\n")}\n`, { mode: 0o600 });
      console.log(`Saved to ${path.join(dataDir, "demo-users.txt")}\n`);
    }
  }
  if (kept.length) console.log(`Already there, left unchanged: ${kept.join(", ")}`);

  if (args.runs > 0) {
    const users = await User.find({ email: { $in: ROLES.map((r) => `${r}@switchyard.local`) } }).lean();
    const actorOf = (role: Role) => {
      const u = users.find((x) => x.email === `${role}@switchyard.local`);
      if (!u) throw new Error(`The demo ${role} is missing`);
      return { id: String(u._id), roles: [role], active: true };
    };
    console.log(`Running the demo workflows ${args.runs} times over the last ${args.days} days…`);
    const started = Date.now();
    const statuses = await seedDemoRuns(
      { admin: actorOf("admin"), designer: actorOf("designer"), manager: actorOf("manager"), approver: actorOf("approver"), emails: users.map((u) => u.email) },
      { runs: args.runs, days: args.days, log: (line) => process.stdout.write(`\r${line}   `) },
    );
    console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s: ${Object.entries(statuses).map(([k, v]) => `${v} ${k}`).join(", ")}.`);
  }
  await mongoose.disconnect();
}

main().then(() => process.exit(0)).catch((err) => {
  console.error(`Could not create the demo users: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
