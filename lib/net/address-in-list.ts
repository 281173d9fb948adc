import ipaddr from "ipaddr.js";

/**
 * True when the IPv4 `address` is in one of `allowlist`'s canonical IPv4 / CIDR entries (as
 * lib/net/ipv4-allowlist produces them). The one matcher for Allowed inbound IPs at the edge,
 * the route tester, number claims and the internal API's network.
 */
export function addressAllowed(address: string, allowlist: readonly string[]): boolean {
  if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return false;
  const ip = ipaddr.IPv4.parse(address);
  return allowlist.some((entry) => {
    const [base = "", prefix = "32"] = entry.split("/");
    return ipaddr.IPv4.isValidFourPartDecimal(base) && ip.match(ipaddr.IPv4.parse(base), Number(prefix));
  });
}
