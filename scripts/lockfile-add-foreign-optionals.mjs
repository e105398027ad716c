// The registry this project installs from does not serve other platforms' prebuilt binaries
// (e.g. @next/swc-darwin-arm64), so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock as "out of sync". This adds a placeholder entry for each such
// optional dependency, marked optional with its platform, so `npm ci` accepts the lock and
// skips it on this machine. Run after changing dependencies: node scripts/lockfile-add-foreign-optionals.mjs
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./lib/paths.mjs";

const file = path.join(ROOT, "package-lock.json");
const lock = JSON.parse(readFileSync(file, "utf8"));
const OS = ["darwin", "linux", "win32", "freebsd", "android", "openbsd", "sunos", "aix", "netbsd", "wasi"];
const CPU = ["arm64", "x64", "arm", "ia32", "s390x", "ppc64", "riscv64", "loong64", "wasm32", "mips64el"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p) || p.startsWith("arm"));
  return { os: os === "wasi" ? undefined : os, cpu: cpu === "wasm32" ? "wasm32" : cpu };
}

let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
  for (const [dep, range] of Object.entries(pkg.optionalDependencies ?? {})) {
    // Resolve like Node: nested first, then hoisted at the root.
    const nested = `${key ? key + "/" : ""}node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[`node_modules/${dep}`]) continue;
    const { os, cpu } = platformOf(dep);
    const entry = { version: range.replace(/^[\^~=]/, ""), optional: true };
    if (os) entry.os = [os];
    if (cpu) entry.cpu = [cpu];
    lock.packages[`node_modules/${dep}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
console.log(`Added ${added} placeholder entries for other platforms' optional binaries.`);
