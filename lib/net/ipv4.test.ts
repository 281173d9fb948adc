import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { describeIpv4Problem, formatIpv4, networkAddress, parseIpv4, refusedRange } from "./ipv4";

const octet = fc.integer({ min: 0, max: 255 });
const address = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));

describe("parseIpv4", () => {
  it.each([
    ["0.0.0.0", 0],
    ["255.255.255.255", 2 ** 32 - 1],
    ["10.0.0.1", 0x0a000001],
    ["192.168.1.200", 0xc0a801c8],
  ])("reads %s", (text, value) => {
    expect(parseIpv4(text)).toBe(value);
  });

  it.each(["010.0.0.1", "0x0A.0.0.1", "0x7f.0.0.1", "10.1", "127.1", "167772161", "256.0.0.1", "1.2.3.4.5", "1.2.3.", ".1.2.3", " 1.2.3.4", "1.2.3.4 ", "1..2.3", "1.2.3.-4", "１.2.3.4", "::1", "a.b.c.d", ""])(
    "refuses %j",
    (text) => {
      expect(parseIpv4(text)).toBeNull();
      expect(describeIpv4Problem(text)).not.toBeNull();
    },
  );

  it("explains the common mistakes", () => {
    expect(describeIpv4Problem("010.0.0.1")).toMatch(/leading zero/);
    expect(describeIpv4Problem("0x0A.0.0.1")).toMatch(/hexadecimal/);
    expect(describeIpv4Problem("10.1")).toMatch(/four numbers/);
    expect(describeIpv4Problem("167772161")).toMatch(/single number/);
    expect(describeIpv4Problem("256.1.1.1")).toMatch(/above 255/);
    expect(describeIpv4Problem("1.2.3.4:5060")).toMatch(/port/);
    expect(describeIpv4Problem("2001:db8::1")).toMatch(/IPv6/);
    expect(describeIpv4Problem("pbx.example.com")).toMatch(/host names/);
    expect(describeIpv4Problem("1.2.3.4")).toBeNull();
  });

  it("accepts every canonical address and gives it back unchanged", () => {
    fc.assert(
      fc.property(address, (text) => {
        const value = parseIpv4(text);
        expect(value).not.toBeNull();
        expect(formatIpv4(value!)).toBe(text);
      }),
    );
  });

  it("refuses any address with a leading zero in some octet", () => {
    fc.assert(
      fc.property(fc.tuple(octet, octet, octet, octet), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 2 }), (octets, at, zeros) => {
        const parts = octets.map(String);
        parts[at] = "0".repeat(zeros) + parts[at];
        expect(parseIpv4(parts.join("."))).toBeNull();
      }),
    );
  });

  it("agrees with ipaddr.js on canonical input", () => {
    fc.assert(
      fc.property(address, (text) => {
        const bytes = ipaddr.IPv4.parse(text).toByteArray();
        expect(parseIpv4(text)).toBe(((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0);
      }),
    );
  });
});

describe("networkAddress", () => {
  it("clears host bits", () => {
    expect(formatIpv4(networkAddress(parseIpv4("10.0.0.1")!, 24))).toBe("10.0.0.0");
    expect(formatIpv4(networkAddress(parseIpv4("255.255.255.255")!, 8))).toBe("255.0.0.0");
    expect(formatIpv4(networkAddress(parseIpv4("1.2.3.4")!, 32))).toBe("1.2.3.4");
    expect(networkAddress(parseIpv4("1.2.3.4")!, 0)).toBe(0);
  });
});

describe("refusedRange", () => {
  const at = (text: string) => parseIpv4(text)!;

  it("refuses unusable sources in both modes", () => {
    for (const mode of ["local", "production"] as const) {
      expect(refusedRange(at("0.0.0.0"), 32, mode, "source")?.always).toBe(true);
      expect(refusedRange(at("224.0.0.1"), 32, mode, "source")?.label).toMatch(/multicast/);
      expect(refusedRange(at("255.255.255.255"), 32, mode, "source")).not.toBeNull();
      expect(refusedRange(at("8.0.0.0"), 6, mode, "source")).toBeNull(); // 8.0.0.0-11.255.255.255
    }
  });

  it("allows loopback only in local mode", () => {
    expect(refusedRange(at("127.0.0.1"), 32, "local", "source")).toBeNull();
    expect(refusedRange(at("127.0.0.1"), 32, "production", "source")?.label).toMatch(/loopback/);
  });

  it("refuses a range that merely overlaps a refused one", () => {
    expect(refusedRange(at("0.0.0.0"), 7, "local", "source")).not.toBeNull();
    expect(refusedRange(at("192.0.0.0"), 8, "production", "source")).not.toBeNull();
    expect(refusedRange(at("192.0.0.0"), 8, "local", "source")).toBeNull();
  });

  // Addresses inside each range ipaddr.js knows, so the small /24s are actually exercised.
  // SpecialRanges is not in its type declarations, hence the cast.
  const prototype = ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, [ipaddr.IPv4, number][]> };
  const specialBlocks = Object.values(prototype.SpecialRanges).flat();
  const nearSpecial = fc
    .tuple(fc.constantFrom(...specialBlocks), fc.integer({ min: 0, max: 2 ** 32 - 1 }))
    .map(([[base, prefix], noise]) => {
      const b = base.toByteArray();
      const start = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
      return formatIpv4((start + (noise % 2 ** (32 - prefix))) >>> 0);
    });

  it("refuses in production every source ipaddr.js calls special, except private, CGNAT and anycast services", () => {
    fc.assert(
      fc.property(fc.oneof(address, nearSpecial), (text) => {
        const kind = ipaddr.IPv4.parse(text).range();
        // private and CGNAT can be a PBX across a VPN; as112/amt are ordinary anycast services.
        const allowed = ["unicast", "private", "carrierGradeNat", "as112", "amt"].includes(kind);
        expect(refusedRange(parseIpv4(text)!, 32, "production", "source") === null).toBe(allowed);
      }),
      { numRuns: 2000 },
    );
  });

  it("refuses in production every destination ipaddr.js calls special, private and CGNAT included", () => {
    fc.assert(
      fc.property(fc.oneof(address, nearSpecial), (text) => {
        const kind = ipaddr.IPv4.parse(text).range();
        const allowed = ["unicast", "as112", "amt"].includes(kind);
        expect(refusedRange(parseIpv4(text)!, 32, "production", "destination") === null).toBe(allowed);
      }),
      { numRuns: 2000 },
    );
  });

  it("lets a local deployment dial private and loopback destinations", () => {
    for (const text of ["10.0.0.5", "192.168.1.10", "172.16.0.1", "100.64.0.1", "127.0.0.1"]) {
      expect(refusedRange(at(text), 32, "local", "destination"), text).toBeNull();
    }
  });
});
