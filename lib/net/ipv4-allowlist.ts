import { describeIpv4Problem, formatIpv4, networkAddress, parseIpv4, refusedRange, type IpMode } from "./ipv4";

// The "Allowed inbound IPs" field. LiveKit's inbound allowlist fails open: it silently drops
// entries it cannot read and, when none is left, accepts INVITEs from every address. So the
// only entries that may ever reach LiveKit are the canonical ones this parser produces.
//
// Canonical forms: `a.b.c.d` for one address (a `/32` is written without the suffix, so the
// two spellings of one address collapse) and `a.b.c.d/n` with 8 <= n <= 31 and no host bits.

export const MAX_ALLOWLIST_ENTRIES = 100;
/** Guards the parser against pasted megabytes; 100 entries of the longest form fit easily. */
const MAX_INPUT_LENGTH = 5000;
const MIN_PREFIX = 8;

export type Ipv4AllowlistResult =
  | { ok: true; entries: string[]; notices: string[] }
  | { ok: false; errors: string[] };

type EntryResult = { ok: true; canonical: string; notice?: string } | { ok: false; error: string };

/**
 * Parses the field as typed: entries separated by commas or new lines, spaces around them
 * ignored. Empty input gives an empty list; whether that is acceptable is the schema's call.
 */
export function parseIpv4Allowlist(raw: string, options: { mode: IpMode }): Ipv4AllowlistResult {
  if (raw.length > MAX_INPUT_LENGTH) {
    return { ok: false, errors: [`The list is too long; enter at most ${MAX_ALLOWLIST_ENTRIES} addresses or ranges.`] };
  }
  // Empty pieces (a trailing comma, a blank line) are harmless and skipped.
  const pieces = raw
    .split(/[,\n\r]/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

  const errors: string[] = [];
  const notices: string[] = [];
  const entries: string[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const result = parseIpv4AllowlistEntry(piece, options.mode);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    if (result.notice) notices.push(result.notice);
    if (seen.has(result.canonical)) {
      notices.push(`${result.canonical} was listed more than once and is kept once.`);
      continue;
    }
    seen.add(result.canonical);
    entries.push(result.canonical);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (entries.length > MAX_ALLOWLIST_ENTRIES) {
    return {
      ok: false,
      errors: [`Enter at most ${MAX_ALLOWLIST_ENTRIES} addresses or ranges (there are ${entries.length}); use CIDR ranges to group them.`],
    };
  }
  return { ok: true, entries, notices };
}

/** One entry, already trimmed: an address or a CIDR range. */
export function parseIpv4AllowlistEntry(entry: string, mode: IpMode): EntryResult {
  const fail = (why: string): EntryResult => ({ ok: false, error: `“${entry}” ${why}.` });
  if (/\s/.test(entry)) return fail("contains a space; separate entries with commas");
  if (/^(?:sips?|https?|udp|tcp|tls):/i.test(entry)) return fail("is not an IP address; enter only the address, without “sip:” or other prefixes");

  const slash = entry.indexOf("/");
  const addressText = slash === -1 ? entry : entry.slice(0, slash);
  const prefixText = slash === -1 ? "32" : entry.slice(slash + 1);

  const addressProblem = describeIpv4Problem(addressText);
  if (addressProblem !== null) return fail(addressProblem);
  const address = parseIpv4(addressText);
  if (address === null) return fail("is not an IPv4 address");

  if (!/^(?:0|[1-9]\d?)$/.test(prefixText)) {
    return fail(`has an invalid prefix length; write a number from ${MIN_PREFIX} to 32 after “/”`);
  }
  const prefix = Number(prefixText);
  if (prefix > 32) return fail("has a prefix length above 32");
  if (prefix < MIN_PREFIX) {
    // /0 would allowlist the whole Internet; anything wider than /8 is never one operator's PBX.
    return fail(`is too wide; the shortest prefix allowed is /${MIN_PREFIX}`);
  }

  const refused = refusedRange(address, prefix, mode, "source");
  if (refused !== null) {
    const verb = prefix === 32 ? "is in" : "overlaps";
    return fail(
      refused.always
        ? `${verb} ${refused.label}, which never sends SIP traffic`
        : `${verb} ${refused.label}, which is not allowed in production`,
    );
  }

  const network = networkAddress(address, prefix);
  const canonical = prefix === 32 ? formatIpv4(address) : `${formatIpv4(network)}/${prefix}`;
  if (network !== address) {
    return { ok: true, canonical, notice: `${entry} was normalised to ${canonical}.` };
  }
  return { ok: true, canonical };
}

/** The stored list as the field shows it again. */
export function formatIpv4Allowlist(entries: readonly string[]): string {
  return entries.join(", ");
}
