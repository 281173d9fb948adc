// Strict IPv4 primitives shared by the allowlist and SIP address parsers. Isomorphic: no
// Node APIs, so the drawer form and the server give the same answer.
//
// Why our own parser: inet_aton-style parsers (ipaddr.js, many C libraries) read `010.0.0.1`
// as octal (8.0.0.1), `0x7f.1` as hex and `127.1` as a short form. What LiveKit and the
// operator's firewall make of such strings is anyone's guess, so we accept only the one
// canonical spelling: four decimal numbers 0-255 without leading zeros.

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)";
const CANONICAL_IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

export type IpMode = "local" | "production";

/** Parses canonical dotted decimal into an unsigned 32-bit number; anything else is null. */
export function parseIpv4(text: string): number | null {
  if (!CANONICAL_IPV4.test(text)) return null;
  // The regex guarantees four parts of 0-255.
  return text.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/** First address of the prefix (host bits cleared). `prefix` is 0..32. */
export function networkAddress(value: number, prefix: number): number {
  if (prefix === 0) return 0;
  // `>>> 0` keeps the result unsigned; JS bit operators work on signed 32-bit integers.
  return (value & (~0 << (32 - prefix))) >>> 0;
}

/** Last address of the prefix (host bits set). */
function lastAddress(value: number, prefix: number): number {
  return networkAddress(value, prefix) + 2 ** (32 - prefix) - 1;
}

/**
 * Explains in plain language why `text` is not a canonical IPv4 address, or returns null
 * when it is one. Messages name no entry: callers add that context.
 */
export function describeIpv4Problem(text: string): string | null {
  if (parseIpv4(text) !== null) return null;
  if (text === "") return "is empty";
  if (/\s/.test(text)) return "contains a space";
  if (text.includes(":")) {
    return text.split(":").length > 2 || text.includes("[")
      ? "is an IPv6 address; only IPv4 is supported"
      : "has a port; enter the address without “:port”";
  }
  if (/0x/i.test(text)) return "uses hexadecimal; write four decimal numbers such as 203.0.113.7";
  if (/^\d+$/.test(text)) return "is a single number; write four numbers separated by dots, such as 203.0.113.7";
  if (/^[\d.]+$/.test(text)) {
    const parts = text.split(".");
    if (parts.some((p) => p === "")) return "has an empty part; write four numbers separated by dots";
    if (parts.length !== 4) return "needs exactly four numbers separated by dots, such as 203.0.113.7";
    if (parts.some((p) => p.length > 1 && p.startsWith("0"))) {
      // No suggestion on purpose: `010` may mean 10 or (as octal) 8; only the operator knows.
      return "has a number with a leading zero, which some systems read as octal; remove the leading zeros";
    }
    return "has a number above 255";
  }
  if (/^[a-z0-9.-]+$/i.test(text)) return "is not an IP address (host names are not allowed here)";
  return "is not an IPv4 address";
}

/**
 * What an address is checked for: a `source` of SIP traffic (Allowed inbound IPs) or a
 * `destination` we send SIP to on a tenant's behalf (the SIP server address).
 */
export type AddressUse = "source" | "destination";

/** A named block of addresses that is never a legitimate source of SIP traffic. */
interface SpecialRange {
  readonly base: number;
  readonly prefix: number;
  readonly label: string;
  /** Refused in local mode too (not only in production). */
  readonly always: boolean;
  /** Refused only as a destination (private space is a fine source behind a VPN or interconnect). */
  readonly destinationOnly?: boolean;
}

function range(cidr: string, label: string, always: boolean, destinationOnly = false): SpecialRange {
  const [addr = "", prefix = ""] = cidr.split("/");
  const base = parseIpv4(addr);
  if (base === null) throw new Error(`bad built-in range ${cidr}`);
  return { base, prefix: Number(prefix), label, always, destinationOnly };
}

// Production refuses every range below. Local mode keeps loopback, private and test ranges usable (the local stack runs on
// 127.0.0.1 or inside network namespaces), but an address that can never send a packet
// (0/8, multicast, class E, broadcast) is refused everywhere.
const SPECIAL_RANGES: readonly SpecialRange[] = [
  range("0.0.0.0/8", "“this network” (0.0.0.0/8)", true),
  range("224.0.0.0/4", "multicast (224.0.0.0/4)", true),
  range("240.0.0.0/4", "reserved (240.0.0.0/4, including the broadcast address)", true),
  range("127.0.0.0/8", "loopback (127.0.0.0/8)", false),
  // Private and carrier-grade NAT space as a destination: a hosted gateway dialling it would
  // send SIP into its own provider's network on a tenant's behalf. As a source it is fine (a
  // PBX reaching the edge over a private interconnect; the seed's own example allows 10/24).
  range("10.0.0.0/8", "private space (10.0.0.0/8)", false, true),
  range("100.64.0.0/10", "carrier-grade NAT space (100.64.0.0/10)", false, true),
  range("172.16.0.0/12", "private space (172.16.0.0/12)", false, true),
  range("192.168.0.0/16", "private space (192.168.0.0/16)", false, true),
  range("169.254.0.0/16", "link-local (169.254.0.0/16, with the clouds’ metadata service)", false),
  range("192.0.0.0/24", "reserved for IETF protocols (192.0.0.0/24)", false),
  range("192.0.2.0/24", "reserved for documentation (192.0.2.0/24)", false),
  range("192.88.99.0/24", "reserved (192.88.99.0/24, former 6to4 relay)", false),
  range("198.18.0.0/15", "reserved for benchmarking (198.18.0.0/15)", false),
  range("198.51.100.0/24", "reserved for documentation (198.51.100.0/24)", false),
  range("203.0.113.0/24", "reserved for documentation (203.0.113.0/24)", false),
];

/**
 * The first refused range that overlaps `value/prefix` in this mode, or null. Overlap (not
 * containment) on purpose: 0.0.0.0/7 must not sneak 0/8 in.
 */
export function refusedRange(value: number, prefix: number, mode: IpMode, use: AddressUse): { label: string; always: boolean } | null {
  const first = networkAddress(value, prefix);
  const last = lastAddress(value, prefix);
  for (const r of SPECIAL_RANGES) {
    if (!r.always && mode === "local") continue;
    if (r.destinationOnly && use === "source") continue;
    const rFirst = r.base;
    const rLast = lastAddress(r.base, r.prefix);
    if (first <= rLast && rFirst <= last) return { label: r.label, always: r.always };
  }
  return null;
}
