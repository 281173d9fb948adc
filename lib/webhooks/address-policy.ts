import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { lookup as dnsLookupAll } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

// Where a webhook may be sent. In production mode only to public unicast addresses: never
// loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10),
// link-local (169.254/16 with the clouds' metadata service, fe80::/10), unspecified,
// multicast or reserved ranges. Checked on save and again on every send, by resolving the
// name then and connecting only to the addresses that were checked (a name that resolved to
// a public address on save and to 127.0.0.1 later is refused at send time).
//
// ipaddr.js classifies addresses here: they come from DNS in canonical form, so its lenient
// parsing of odd spellings (lib/net/ipv4.ts says why we avoid it for operator input) does
// not apply.

export type AddressMode = "local" | "production";

export const NOT_PUBLIC = "resolves to an address that is not public (loopback, private, link-local or metadata)";

/** Whether `address` is a public unicast address (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

/** Why `url` may not receive webhooks in `mode`, or null when it may. Resolves the host name. */
export async function webhookUrlProblem(url: string, mode: AddressMode): Promise<string | null> {
  if (mode === "local") return null;
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await dnsLookupAll(host, { all: true })).map((a) => a.address);
  } catch {
    return `The host ${host} could not be resolved.`;
  }
  return addresses.every(isPublicAddress) ? null : `The host ${host} ${NOT_PUBLIC}.`;
}

/**
 * A `lookup` for node:http(s) that connects only to public addresses in production mode:
 * the send-time check and the connection use the same answer, so DNS cannot change between them.
 */
export function lookupFor(mode: AddressMode): LookupFunction | undefined {
  if (mode === "local") return undefined;
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const refused = addresses.find((a) => !isPublicAddress(a.address));
      if (refused || addresses.length === 0) {
        return callback(Object.assign(new Error(`${hostname} ${NOT_PUBLIC}`), { code: "ENOTPUBLIC" }), "", 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}
