import ipaddr from "ipaddr.js";

// Whether an address answered by DNS is somewhere a hosted deployment may send to: public
// unicast only. Never loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
// carrier-grade NAT (100.64/10), link-local (169.254/16 with the clouds' metadata service,
// fe80::/10), unspecified, multicast, documentation or other reserved ranges.
//
// ipaddr.js classifies here: the input comes from DNS in canonical form, so its lenient
// parsing of odd spellings (lib/net/ipv4.ts says why we avoid it for operator input) does
// not apply.

/** Whether `address` is a public unicast address (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}
