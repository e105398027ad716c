// The address a request came from, for sign-in throttling and the event log's metadata.
//
// The socket's peer address is the only one a client cannot choose. Next.js does not hand it to
// route handlers or server actions, so our server (scripts/server.mjs, started by `npm start`)
// writes it into the PEER_HEADER of every request, replacing whatever the client sent, and says
// so by setting SWITCHYARD_PEER_HEADER=1 in its own environment. Only then is that header read.
//
// `X-Forwarded-For` is read only when SWITCHYARD_TRUSTED_PROXIES lists the proxies in front of
// the app (comma-separated addresses or CIDR ranges, e.g. "10.0.0.0/8,::1"). Walking from the
// right, every hop that is a trusted proxy is skipped; the first address that is not one is the
// client. Without that setting a client could name any address and so dodge per-address limits.
import { BlockList, isIP } from "node:net";

export const PEER_HEADER = "x-switchyard-peer";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

export interface ClientIpSettings {
  /** Whether PEER_HEADER was written by our server (never by the client). */
  peerHeaderTrusted: boolean;
  /** The proxies allowed to report the client's address in X-Forwarded-For. */
  trustedProxies: BlockList | null;
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an IP address → null. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  if (value.toLowerCase().startsWith("::ffff:") && isIP(value.slice(7)) === 4) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/** Parses SWITCHYARD_TRUSTED_PROXIES; throws with the entry that is not an address or a range. */
export function parseTrustedProxies(value: string | undefined): BlockList | null {
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, extra] = entry.split("/");
    const ip = normalizeAddress(address);
    const family = ip && isIP(ip) === 6 ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? (family === "ipv6" ? 128 : 32) : Number(bits);
    if (!ip || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === "ipv6" ? 128 : 32)) {
      throw new Error(`SWITCHYARD_TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range like 10.0.0.0/8`);
    }
    list.addSubnet(ip, prefix, family);
  }
  return list;
}

let cached: { key: string; settings: ClientIpSettings } | null = null;

/** The settings from the environment, parsed once per value. */
export function clientIpSettings(env: NodeJS.ProcessEnv = process.env): ClientIpSettings {
  const key = `${env.SWITCHYARD_PEER_HEADER ?? ""}|${env.SWITCHYARD_TRUSTED_PROXIES ?? ""}`;
  if (cached?.key !== key) {
    cached = { key, settings: { peerHeaderTrusted: env.SWITCHYARD_PEER_HEADER === "1", trustedProxies: parseTrustedProxies(env.SWITCHYARD_TRUSTED_PROXIES) } };
  }
  return cached.settings;
}

function isTrusted(list: BlockList, address: string): boolean {
  return list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address, or null when unknown. Behind trusted proxies, the right-most address in
 * X-Forwarded-For that is not a trusted proxy.
 */
export function clientIp(headers: HeaderBag, settings: ClientIpSettings = clientIpSettings()): string | null {
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  // Without our server, Next.js itself puts the socket's address in X-Forwarded-For when the
  // client sent none; a client that sends one replaces it (README "Security").
  const peer = settings.peerHeaderTrusted ? normalizeAddress(header(headers, PEER_HEADER)) : normalizeAddress(forwarded.at(-1));
  if (!settings.trustedProxies || !peer) return peer;
  const hops = settings.peerHeaderTrusted ? [...forwarded, peer] : forwarded;
  let client: string | null = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) break; // a garbled entry: stop at the last address we could trust
    client = hop;
    if (!isTrusted(settings.trustedProxies, hop)) break;
  }
  return client;
}
