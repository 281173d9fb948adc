import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIpv4Allowlist, MAX_ALLOWLIST_ENTRIES, parseIpv4Allowlist } from "./ipv4-allowlist";

const production = { mode: "production" } as const;
const local = { mode: "local" } as const;

function ok(raw: string, options: { mode: "local" | "production" } = production) {
  const r = parseIpv4Allowlist(raw, options);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(raw)} to parse, got ${r.errors.join(" | ")}`);
  return r;
}
function errors(raw: string, options: { mode: "local" | "production" } = production) {
  const r = parseIpv4Allowlist(raw, options);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${r.entries.join(", ")}`);
  return r.errors;
}

describe("parseIpv4Allowlist: accepted input", () => {
  it("reads the product example", () => {
    expect(ok("1.2.3.4, 10.0.0.0/24")).toEqual({ ok: true, entries: ["1.2.3.4", "10.0.0.0/24"], notices: [] });
  });

  it("accepts commas, new lines and spaces around them; skips empty pieces", () => {
    expect(ok(" 1.2.3.4 ,\n5.6.7.8\r\n, ,9.9.9.0/24,").entries).toEqual(["1.2.3.4", "5.6.7.8", "9.9.9.0/24"]);
  });

  it("gives an empty list for empty input (the schema decides whether that is allowed)", () => {
    expect(ok("").entries).toEqual([]);
    expect(ok(" ,\n ").entries).toEqual([]);
  });

  it("normalises host bits with a visible notice", () => {
    expect(ok("10.0.0.1/24")).toEqual({ ok: true, entries: ["10.0.0.0/24"], notices: ["10.0.0.1/24 was normalised to 10.0.0.0/24."] });
  });

  it("writes /32 as the plain address, silently (same meaning)", () => {
    expect(ok("1.2.3.4/32")).toEqual({ ok: true, entries: ["1.2.3.4"], notices: [] });
  });

  it("collapses duplicates, including spellings of the same entry, and says so", () => {
    const r = ok(" 1.2.3.4 , 1.2.3.4 ");
    expect(r.entries).toEqual(["1.2.3.4"]);
    expect(r.notices).toEqual(["1.2.3.4 was listed more than once and is kept once."]);
    expect(ok("1.2.3.4, 1.2.3.4/32").entries).toEqual(["1.2.3.4"]);
    expect(ok("10.0.0.0/24, 10.0.0.7/24").entries).toEqual(["10.0.0.0/24"]);
  });

  it("keeps an address and a wider range that contains it (not identical entries)", () => {
    expect(ok("10.0.0.5, 10.0.0.0/24").entries).toEqual(["10.0.0.5", "10.0.0.0/24"]);
  });

  it("accepts the /8 boundary and private ranges in production", () => {
    expect(ok("10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16").entries).toHaveLength(3);
  });

  it("accepts exactly 100 distinct entries", () => {
    const list = Array.from({ length: MAX_ALLOWLIST_ENTRIES }, (_, i) => `198.${Math.floor(i / 250)}.${i % 250}.1`);
    expect(ok(list.join(",")).entries).toHaveLength(100);
  });
});

describe("parseIpv4Allowlist: refused input names the entry", () => {
  it.each([
    ["010.0.0.1", /“010\.0\.0\.1”.*leading zero/],
    ["0x0A.0.0.1", /“0x0A\.0\.0\.1”.*hexadecimal/],
    ["0x7f.0.0.1", /hexadecimal/],
    ["10.1", /“10\.1”.*four numbers/],
    ["127.1", /four numbers/],
    ["167772161", /single number/],
    ["1.2.3.4/33", /“1\.2\.3\.4\/33”.*above 32/],
    ["0.0.0.0/0", /too wide/],
    ["10.0.0.0/7", /“10\.0\.0\.0\/7”.*too wide/],
    ["1.2.3.4/", /invalid prefix/],
    ["1.2.3.4/024", /invalid prefix/],
    ["1.2.3.4/24/8", /invalid prefix/],
    ["224.0.0.1", /multicast/],
    ["239.1.1.0/24", /multicast/],
    ["0.0.0.0", /this network/],
    ["255.255.255.255", /broadcast/],
    ["169.254.1.1", /link-local.*production/],
    ["192.0.2.10", /documentation.*production/],
    ["198.18.0.1", /benchmarking/],
    ["127.0.0.1", /loopback.*production/],
    ["2001:db8::1", /IPv6/],
    ["::1", /IPv6/],
    ["[::1]", /not an IPv4|IPv6/],
    ["1.2.3.4:5060", /port/],
    ["pbx.example.com", /host names/],
    ["sip:1.2.3.4", /without “sip:”/],
    ["1.2.3.4 5.6.7.8", /contains a space; separate entries with commas/],
    ["1.2.3 .4", /contains a space/],
    ["1.2.3.4;x", /not an IPv4/],
    ["*", /not an IPv4/],
  ])("%j", (raw, message) => {
    const errs = errors(raw);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(message);
  });

  it("reports every bad entry, not only the first", () => {
    expect(errors("1.2.3.4, 010.0.0.1, 10.1, 5.6.7.8")).toHaveLength(2);
  });

  it("refuses 101 distinct entries", () => {
    const list = Array.from({ length: 101 }, (_, i) => `198.${Math.floor(i / 250)}.${i % 250}.1`);
    expect(errors(list.join(","))[0]).toMatch(/at most 100/);
  });

  it("counts entries after collapsing duplicates", () => {
    const list = Array.from({ length: 150 }, (_, i) => `198.51.${i % 50}.1`);
    expect(ok(list.join(","), local).entries).toHaveLength(50);
  });

  it("refuses a pasted megabyte without parsing it", () => {
    expect(errors("1.2.3.4,".repeat(10_000))[0]).toMatch(/too long/);
  });
});

describe("modes", () => {
  it("allows loopback in local mode only", () => {
    expect(ok("127.0.0.1", local).entries).toEqual(["127.0.0.1"]);
    expect(ok("127.0.0.0/8", local).entries).toEqual(["127.0.0.0/8"]);
    expect(errors("127.0.0.1", production)[0]).toMatch(/loopback/);
  });

  it("still refuses multicast and 0.0.0.0 in local mode", () => {
    expect(errors("224.0.0.1", local)[0]).toMatch(/multicast/);
    expect(errors("0.0.0.0", local)[0]).toMatch(/this network/);
    expect(errors("0.0.0.0/8", local)[0]).toMatch(/this network/);
  });

  it("refuses in production a CIDR that overlaps a refused range", () => {
    expect(errors("127.0.0.0/16")[0]).toMatch(/overlaps loopback/);
    expect(errors("192.0.0.0/8")[0]).toMatch(/overlaps/);
  });
});

describe("properties", () => {
  const octet = fc.integer({ min: 0, max: 255 });
  // Public unicast first octets only, so range rules do not interfere.
  const publicAddress = fc
    .tuple(fc.constantFrom(8, 11, 23, 45, 81, 100, 151, 185, 212), octet, octet, octet)
    .map((o) => o.join("."));
  const entry = fc.oneof(
    publicAddress,
    fc.tuple(publicAddress, fc.integer({ min: 8, max: 32 })).map(([a, p]) => `${a}/${p}`),
  );
  const separator = fc.constantFrom(",", ", ", " ,", "\n", ",\n", " , ");

  it("canonical output re-parses to itself with no notices (idempotent)", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), fc.array(separator, { minLength: 30, maxLength: 30 }), (entries, seps) => {
        const raw = entries.map((e, i) => (i === 0 ? e : seps[i]! + e)).join("");
        const first = ok(raw);
        const again = ok(formatIpv4Allowlist(first.entries));
        expect(again.entries).toEqual(first.entries);
        expect(again.notices).toEqual([]);
        expect(new Set(first.entries).size).toBe(first.entries.length);
      }),
    );
  });

  it("every canonical entry has no host bits and a prefix of 8-31 (or none)", () => {
    fc.assert(
      fc.property(entry, (e) => {
        const [canonical] = ok(e).entries;
        expect(canonical).toMatch(/^(\d{1,3}\.){3}\d{1,3}(\/([89]|[12]\d|3[01]))?$/);
      }),
    );
  });

  it("refuses any entry with a leading-zero octet", () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 3 }), (octets, at) => {
        const parts = octets.map(String);
        parts[at] = `0${parts[at]}`;
        expect(parseIpv4Allowlist(parts.join("."), local).ok).toBe(false);
      }),
    );
  });

  it("never returns an entry LiveKit would drop (space, comma, ;, +, *, brackets, ://)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        const r = parseIpv4Allowlist(raw, local);
        if (r.ok) for (const e of r.entries) expect(e).not.toMatch(/[\s,;+*[\]]|:\/\//);
      }),
    );
  });
});
