import { describe, expect, it } from "vitest";
import { clientIp, normalizeAddress, parseTrustedProxies, PEER_HEADER } from "./client-ip";

const direct = { peerHeaderTrusted: true, trustedProxies: null };
const behind = (proxies: string) => ({ peerHeaderTrusted: true, trustedProxies: parseTrustedProxies(proxies) });

describe("clientIp", () => {
  it("takes the socket's address and ignores X-Forwarded-For without trusted proxies", () => {
    expect(clientIp({ [PEER_HEADER]: "::ffff:198.51.100.4", "x-forwarded-for": "203.0.113.1" }, direct)).toBe("198.51.100.4");
  });

  it("reads X-Forwarded-For only from a trusted proxy, skipping trusted hops from the right", () => {
    const headers = { [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.9" };
    expect(clientIp(headers, behind("10.0.0.0/8"))).toBe("198.51.100.4");
    expect(clientIp(headers, behind("10.0.0.2"))).toBe("10.0.0.9");
    // A request that did not come through the proxy: its X-Forwarded-For is the client's own claim.
    expect(clientIp({ [PEER_HEADER]: "203.0.113.8", "x-forwarded-for": "1.2.3.4" }, behind("10.0.0.0/8"))).toBe("203.0.113.8");
    expect(clientIp(new Headers({ [PEER_HEADER]: "::1", "x-forwarded-for": "2001:db8::5" }), behind("::1"))).toBe("2001:db8::5");
  });

  it("never trusts a peer header the client could have sent itself", () => {
    const settings = { peerHeaderTrusted: false, trustedProxies: null };
    expect(clientIp({ [PEER_HEADER]: "1.1.1.1", "x-forwarded-for": "198.51.100.4" }, settings)).toBe("198.51.100.4");
    expect(clientIp({}, settings)).toBeNull();
  });

  it("refuses a setting that is not an address or a range, naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.local")).toThrow('"proxy.local" is not an IP address');
    expect(() => parseTrustedProxies("10.0.0.0/40")).toThrow("10.0.0.0/40");
    expect(normalizeAddress("[::1]")).toBe("::1");
    expect(normalizeAddress("not-an-ip")).toBeNull();
  });
});
