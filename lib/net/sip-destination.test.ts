import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpv4 } from "./ipv4";
import { isPublicAddress } from "./public-address";
import { resolveSipDestination, type Resolver } from "./sip-destination";

// DNS is injected: a name's answer is whatever the test says it is today.
const answers = (map: Record<string, string[]>): Resolver => async (host) => {
  const found = map[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return found;
};

describe("where a SIP server address sends calls", () => {
  it("refuses in production a name that resolves to loopback, private, CGNAT or metadata space", async () => {
    const dns = answers({ "pbx.example.com": ["127.0.0.1"], "a.example.com": ["81.2.69.142", "10.1.2.3"], "m.example.com": ["169.254.169.254"], "c.example.com": ["100.64.0.9"], "v6.example.com": ["::1"] });
    for (const host of ["pbx.example.com", "a.example.com:5060", "m.example.com", "c.example.com", "v6.example.com"]) {
      const r = await resolveSipDestination(host, "production", dns);
      expect(r.ok, host).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/not a public address/);
    }
  });

  it("refuses in production a name that does not resolve, saying so", async () => {
    const r = await resolveSipDestination("nowhere.example.com", "production", answers({}));
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/does not resolve/) });
  });

  it("gives every public address a name resolves to, once each", async () => {
    const r = await resolveSipDestination("pbx.example.com:5080", "production", answers({ "pbx.example.com": ["81.2.69.142", "81.2.69.143", "81.2.69.142"] }));
    expect(r).toEqual({ ok: true, host: "pbx.example.com", addresses: ["81.2.69.142", "81.2.69.143"] });
  });

  it("does not ask DNS for an IPv4 literal, and still applies the range rules to it", async () => {
    const never: Resolver = async () => {
      throw new Error("DNS asked for a literal");
    };
    expect(await resolveSipDestination("81.2.69.142:5060", "production", never)).toEqual({ ok: true, host: "81.2.69.142", addresses: ["81.2.69.142"] });
    expect((await resolveSipDestination("10.0.0.7", "production", never)).ok).toBe(false);
  });

  it("lets a local deployment dial its own machine by name", async () => {
    expect(await resolveSipDestination("localhost:5080", "local", answers({ localhost: ["127.0.0.1"] }))).toEqual({ ok: true, host: "localhost", addresses: ["127.0.0.1"] });
  });

  it("property: in production a name is refused exactly when one of its addresses is not public", async () => {
    const octets = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }));
    const refusedFirst = fc.constantFrom(0, 10, 127, 169, 224, 240, 255, 100, 172, 192);
    const anyAddress = fc.oneof(
      octets.map(([a, b, c, d]) => formatIpv4(((a << 24) | (b << 16) | (c << 8) | d) >>> 0)),
      fc.tuple(refusedFirst, octets).map(([a, [, b, c, d]]) => `${a}.${b}.${c}.${d}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyAddress, { minLength: 1, maxLength: 4 }), async (addresses) => {
        const r = await resolveSipDestination("pbx.example.com", "production", answers({ "pbx.example.com": addresses }));
        expect(r.ok).toBe(addresses.every(isPublicAddress));
      }),
      { numRuns: 500 },
    );
  });
});
