// Creates one demo user per role and prints their generated passwords once.
// `npm start` runs it on the embedded database's first start; against MONGODB_URI run it
// yourself: `npm run seed:demo`.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import mongoose from "mongoose";
import { User } from "../models/User";
import { hashPassword } from "../lib/auth/password";
import { ROLES, ROLE_LABELS, type Role } from "../lib/auth/roles";

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
  await mongoose.disconnect();

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
}

main().catch((err) => {
  console.error(`Could not create the demo users: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
