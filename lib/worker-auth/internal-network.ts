import ipaddr from "ipaddr.js";
import { addressAllowed } from "@/lib/net/address-in-list";

// The internal API (/api/internal/*: the agent worker, the SIP edge) answers only callers on
// the console's own network, on top of their bearer tokens: a leaked token is no use from the
// Internet. The caller's address is the last X-Forwarded-For entry: Next.js sets the header
// from the socket when a request has none, and the reverse proxy production runs behind
// appends the client's address (the same assumption as the sign-in limits, README "Going to
// production"). A request without the header (a handler called in-process) is not judged.

/** INTERNAL_API_ALLOWED_ADDRESSES: comma-separated IPv4 addresses or CIDR ranges. */
export function parseInternalNetwork(raw: string): string[] {
  const entries = raw.split(",").map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [base = "", prefix] = entry.split("/");
    const bits = prefix === undefined ? 32 : Number(prefix);
    if (!ipaddr.IPv4.isValidFourPartDecimal(base) || !Number.isInteger(bits) || bits < 0 || bits > 32) {
      throw new Error(`INTERNAL_API_ALLOWED_ADDRESSES: “${entry}” is not an IPv4 address or CIDR range`);
    }
  }
  return entries;
}

export function internalCallerAllowed(request: Request, network: readonly string[]): boolean {
  const forwarded = request.headers.get("x-forwarded-for");
  if (forwarded === null) return true;
  const last = (forwarded.split(",").at(-1) ?? "").trim();
  if (!ipaddr.isValid(last)) return false;
  // ::ffff:127.0.0.1 is judged as 127.0.0.1; any other IPv6 address is outside an IPv4 list.
  return addressAllowed(ipaddr.process(last).toString(), network);
}
