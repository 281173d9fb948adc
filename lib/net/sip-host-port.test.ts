import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatSipHostPort, parseSipHostPort } from "./sip-host-port";

const production = { mode: "production" } as const;
const local = { mode: "local" } as const;

function error(raw: string, options: { mode: "local" | "production" } = production): string {
  const r = parseSipHostPort(raw, options);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${r.canonical}`);
  return r.error;
}

describe("parseSipHostPort: accepted", () => {
  it.each([
    ["vpbx400312852.mangosip.ru", "vpbx400312852.mangosip.ru", undefined],
    ["PBX.Example.COM:5060", "pbx.example.com:5060", 5060],
    ["  pbx.example.com  ", "pbx.example.com", undefined],
    ["203.0.113.10:5080", null, 5080], // documentation range: refused in production, see below
    ["81.2.69.142:1", "81.2.69.142:1", 1],
    ["81.2.69.142:65535", "81.2.69.142:65535", 65535],
    ["sip-1.a-b.example", "sip-1.a-b.example", undefined],
    ["xn--80ak6aa92e.xn--p1ai", "xn--80ak6aa92e.xn--p1ai", undefined],
    ["10.0.0.5", null, undefined], // private: a local deployment's PBX, refused in production (see below)
  ])("%j", (raw, canonical, port) => {
    const r = parseSipHostPort(raw, canonical === null ? local : production);
    expect(r.ok).toBe(true);
    if (!r.ok || r.value === null) return;
    if (canonical !== null) expect(r.canonical).toBe(canonical);
    expect(r.value.port).toBe(port);
  });

  it("treats empty input as outbound disabled", () => {
    expect(parseSipHostPort("", production)).toEqual({ ok: true, value: null, canonical: null });
    expect(parseSipHostPort("   ", production)).toEqual({ ok: true, value: null, canonical: null });
  });

  it("allows localhost and loopback in local mode only", () => {
    expect(parseSipHostPort("localhost:5060", local)).toMatchObject({ ok: true, canonical: "localhost:5060" });
    expect(parseSipHostPort("127.0.0.1:5070", local)).toMatchObject({ ok: true, canonical: "127.0.0.1:5070" });
    expect(error("localhost:5060")).toMatch(/localhost is not allowed in production/);
    expect(error("pbx.localhost")).toMatch(/localhost/);
    expect(error("127.0.0.1:5060")).toMatch(/loopback.*production/);
    expect(error("10.0.0.5")).toMatch(/private space.*production/);
    expect(error("192.168.1.20:5060")).toMatch(/private space.*production/);
    expect(error("100.64.1.1")).toMatch(/carrier-grade NAT.*production/);
    expect(error("169.254.169.254")).toMatch(/metadata/);
  });
});

describe("parseSipHostPort: refused, with the reason", () => {
  it.each([
    ["sip:pbx.example.com", /Remove “sip:”/],
    ["SIPS:pbx.example.com", /Remove “SIPS:”/],
    ["udp://pbx.example.com", /“:\/\/”/],
    ["user@pbx", /user part.*Outbound SIP username/],
    ["pbx;transport=tcp", /“;” parameters.*SIP transport/],
    ["pbx.example.com:5060;transport=tcp", /parameters/],
    ["pbx:0", /1 to 65535/],
    ["pbx:65536", /1 to 65535/],
    ["pbx:05060", /leading zeros/],
    ["pbx.example.com:", /Enter a port/],
    ["pbx.example.com:sip", /must be a number/],
    ["pbx.example.com:-1", /must be a number/],
    [":5060", /Enter the host/],
    ["pbx example.com", /spaces/],
    ["pbx.example.com/path", /path/],
    ["[2001:db8::1]:5060", /IPv6/],
    ["2001:db8::1", /IPv6/],
    ["pbx", /full host name/],
    ["pbx:5060", /full host name/],
    ["010.0.0.1", /leading zero/],
    ["10.1:5060", /four numbers/],
    ["256.1.1.1", /above 255/],
    ["0x7f.0.0.1", /hexadecimal/],
    ["224.0.0.1", /multicast/],
    ["0.0.0.0", /this network/],
    ["-pbx.example.com", /hyphen/],
    ["pbx-.example.com", /hyphen/],
    ["pbx..example.com", /empty part/],
    ["pbx.example.com.", /trailing dot/],
    ["pbx_1.example.com", /letters, digits, hyphens/],
    ["пбх.пример.рф", /punycode/],
    ["pbx.123", /last part.*letter/],
    ["1.2.3.4a", /last part.*letter/],
    [`${"a".repeat(64)}.example.com`, /63/],
    [`${"a.".repeat(127)}com`, /253/],
  ])("%j", (raw, message) => {
    expect(error(raw)).toMatch(message);
  });

  it("refuses multicast and 0.0.0.0 in local mode too", () => {
    expect(error("224.0.0.1", local)).toMatch(/can't receive calls/);
    expect(error("0.0.0.0:5060", local)).toMatch(/this network/);
  });
});

describe("properties", () => {
  const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,10}[a-z0-9])?$/);
  const tld = fc.stringMatching(/^[a-z][a-z0-9]{1,6}$/);
  const hostname = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), tld).map(([ls, t]) => [...ls, t].join("."));
  const port = fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined });

  it("canonical output re-parses to itself (idempotent), whatever the case typed", () => {
    fc.assert(
      fc.property(hostname, port, fc.boolean(), (host, p, upper) => {
        const typed = (upper ? host.toUpperCase() : host) + (p === undefined ? "" : `:${p}`);
        const r = parseSipHostPort(typed, production);
        expect(r.ok).toBe(true);
        if (!r.ok || r.value === null) return;
        expect(r.value).toEqual(p === undefined ? { host } : { host, port: p });
        expect(formatSipHostPort(r.value)).toBe(r.canonical);
        expect(parseSipHostPort(r.canonical, production)).toEqual(r);
      }),
    );
  });

  it("accepts any canonical public IPv4 with a port", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(fc.tuple(fc.constantFrom(8, 45, 81, 151, 212), octet, octet, octet), fc.integer({ min: 1, max: 65535 }), (o, p) => {
        const text = `${o.join(".")}:${p}`;
        expect(parseSipHostPort(text, production)).toMatchObject({ ok: true, canonical: text });
      }),
    );
  });

  it("never returns a canonical form carrying sip:, @, ;, spaces or a path", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (raw) => {
        const r = parseSipHostPort(raw, local);
        if (r.ok && r.canonical !== null) expect(r.canonical).toMatch(/^[a-z0-9.-]+(:[1-9]\d{0,4})?$/);
      }),
    );
  });
});
