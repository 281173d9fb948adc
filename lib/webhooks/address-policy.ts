import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { lookup as dnsLookupAll } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { isPublicAddress } from "@/lib/net/public-address";

// Where a webhook may be sent. In production mode only to public unicast addresses
// (lib/net/public-address.ts). Checked on save and again on every send, by resolving the
// name then and connecting only to the addresses that were checked (a name that resolved to
// a public address on save and to 127.0.0.1 later is refused at send time).

export type AddressMode = "local" | "production";

export const NOT_PUBLIC = "resolves to an address that is not public (loopback, private, link-local or metadata)";

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
