import "server-only";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import type { IpMode } from "./ipv4";
import { isPublicAddress } from "./public-address";
import { parseSipHostPort } from "./sip-host-port";

// Where a SIP server address sends our INVITEs, by DNS, at the moment it matters: on save,
// before provisioning and before each dial. A name that resolved to a public address when
// it was saved may point at 127.0.0.1 or a cloud's metadata service later, so the answer is
// never kept. In production every address the name resolves to must be public; the
// addresses also feed host ownership (lib/sip-accounts/host-ownership.ts).

export type Resolver = (host: string) => Promise<string[]>;

/** The system resolver (getaddrinfo: /etc/hosts, then DNS), every address it answers. */
export const systemResolver: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

export type SipDestination =
  | { ok: true; host: string; addresses: string[] }
  | { ok: false; error: string };

/**
 * Resolves a stored or typed `host[:port]`. In production a name that does not resolve, or
 * that resolves to any address that is not public, is refused with a message for the
 * operator (the field's error); in local mode only the syntax rules apply and the addresses
 * are still returned when DNS answers.
 */
export async function resolveSipDestination(hostPort: string, mode: IpMode, resolve: Resolver = systemResolver): Promise<SipDestination> {
  const parsed = parseSipHostPort(hostPort, { mode });
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.value === null) return { ok: false, error: "Enter the SIP server address." };
  const host = parsed.value.host;
  if (ipaddr.IPv4.isValidFourPartDecimal(host)) return { ok: true, host, addresses: [host] };

  let addresses: string[];
  try {
    addresses = [...new Set(await resolve(host))];
  } catch {
    addresses = [];
  }
  if (mode === "local") return { ok: true, host, addresses };
  if (addresses.length === 0) return { ok: false, error: `“${host}” does not resolve to an address. Check the name, or enter the PBX’s public IPv4 address.` };
  const refused = addresses.find((a) => !isPublicAddress(a));
  if (refused) {
    return { ok: false, error: `“${host}” resolves to ${refused}, which is not a public address (loopback, private, link-local or metadata), so calls may not be sent there.` };
  }
  return { ok: true, host, addresses };
}
