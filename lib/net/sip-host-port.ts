import { describeIpv4Problem, parseIpv4, refusedRange, type IpMode } from "./ipv4";

// The "SIP server address" field: where LiveKit sends our outbound INVITEs. LiveKit takes
// `host` or `host:port` and nothing else: a `sip:` prefix, a user part or `;params` produce
// a trunk that never connects, so they are refused here with a message saying where the
// information belongs instead.
//
// In production an IPv4 literal in loopback, link-local or reserved space is refused: the
// gateway would send SIP to its own machine or network on a tenant's behalf. Host names are
// checked for syntax only (this module is isomorphic and does no DNS).

export interface SipHostPort {
  /** Lowercased host name or canonical IPv4. */
  host: string;
  port?: number;
}

export type SipHostPortResult =
  | { ok: true; value: SipHostPort; canonical: string }
  /** Empty input: outbound calling is disabled for the account. */
  | { ok: true; value: null; canonical: null }
  | { ok: false; error: string };

const EXAMPLE = "such as pbx.example.com or pbx.example.com:5060";
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

export function parseSipHostPort(raw: string, options: { mode: IpMode }): SipHostPortResult {
  const text = raw.trim();
  if (text === "") return { ok: true, value: null, canonical: null };
  const fail = (error: string): SipHostPortResult => ({ ok: false, error });

  if (/\s/.test(text)) return fail(`Remove the spaces; enter host or host:port, ${EXAMPLE}.`);
  if (/^sips?:/i.test(text)) return fail(`Remove “${text.slice(0, text.indexOf(":") + 1)}”; enter only host or host:port, ${EXAMPLE}.`);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return fail(`Remove the “://” prefix; enter only host or host:port, ${EXAMPLE}.`);
  if (text.includes("@")) {
    return fail("Remove the user part before “@”; the username goes in the Outbound SIP username field.");
  }
  if (text.includes(";")) {
    return fail("Remove the “;” parameters; choose the transport in the SIP transport field instead.");
  }
  if (/[/?#]/.test(text)) return fail(`Remove the path; enter only host or host:port, ${EXAMPLE}.`);
  if (/[[\]]/.test(text) || text.split(":").length > 2) {
    return fail("IPv6 addresses are not supported; enter a host name or an IPv4 address.");
  }

  const colon = text.indexOf(":");
  const hostText = colon === -1 ? text : text.slice(0, colon);
  let port: number | undefined;
  if (colon !== -1) {
    const parsed = parsePort(text.slice(colon + 1));
    if (typeof parsed === "string") return fail(parsed);
    port = parsed;
  }
  if (hostText === "") return fail("Enter the host before “:port”.");

  const host = parseHost(hostText.toLowerCase(), options.mode);
  if (!host.ok) return fail(host.error);
  const value: SipHostPort = port === undefined ? { host: host.value } : { host: host.value, port };
  return { ok: true, value, canonical: formatSipHostPort(value) };
}

export function formatSipHostPort(value: SipHostPort): string {
  return value.port === undefined ? value.host : `${value.host}:${value.port}`;
}

/** The port as a number, or the message explaining what is wrong with it. */
function parsePort(text: string): number | string {
  if (text === "") return "Enter a port after “:”, or remove the colon.";
  if (!/^\d+$/.test(text)) return "The port must be a number from 1 to 65535.";
  if (text.length > 1 && text.startsWith("0")) return "Write the port without leading zeros.";
  const port = Number(text);
  if (port < 1 || port > 65535) return "The port must be a number from 1 to 65535.";
  return port;
}

function parseHost(host: string, mode: IpMode): { ok: true; value: string } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });

  // Numbers (decimal, or inet_aton-style hex) and dots: it can only be meant as an IPv4
  // address, so hold it to that.
  if (host.split(".").every((part) => /^(?:\d+|0x[0-9a-f]*)$/.test(part))) {
    const problem = describeIpv4Problem(host);
    if (problem !== null) return fail(`“${host}” ${problem}.`);
    const address = parseIpv4(host);
    const refused = address === null ? null : refusedRange(address, 32, mode, "destination");
    if (refused !== null) {
      return fail(
        refused.always
          ? `“${host}” is in ${refused.label} and can't receive calls.`
          : `“${host}” is in ${refused.label}, which is not allowed in production.`,
      );
    }
    return { ok: true, value: host };
  }

  if (/[^\x00-\x7f]/.test(host)) {
    return fail("Write an internationalised host name in its xn-- (punycode) form.");
  }
  if (host.length > 253) return fail("The host name is longer than 253 characters.");
  if (host.endsWith(".")) return fail("Remove the trailing dot from the host name.");
  const labels = host.split(".");
  if (labels.some((l) => l === "")) return fail("The host name has an empty part between dots.");
  if (labels.some((l) => l.length > 63)) return fail("Each part of the host name must be at most 63 characters.");
  for (const label of labels) {
    if (!LABEL.test(label)) {
      return fail(
        /^[a-z0-9-]+$/.test(label)
          ? "Parts of the host name can't start or end with a hyphen."
          : "Use only letters, digits, hyphens and dots in the host name.",
      );
    }
  }
  const isLocalhost = host === "localhost" || host.endsWith(".localhost");
  if (labels.length === 1 && !isLocalhost) {
    return fail(`Enter a full host name with its domain, ${EXAMPLE}.`);
  }
  // Real top-level domains start with a letter (or xn--); `1.2.3.4a` is a typo, not a host.
  if (!/^[a-z]/.test(labels[labels.length - 1] ?? "")) {
    return fail("The last part of the host name must start with a letter.");
  }
  if (isLocalhost && mode === "production") return fail("localhost is not allowed in production.");
  return { ok: true, value: host };
}
