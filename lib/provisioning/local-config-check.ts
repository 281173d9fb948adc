import type { IpMode } from "@/lib/net/ipv4";
import { parseIpv4Allowlist } from "@/lib/net/ipv4-allowlist";
import { parseSipHostPort } from "@/lib/net/sip-host-port";
import { isCountryCode } from "@/lib/geo/countries";
import { failed, FIX_EDIT, ok, type VerifyCheck } from "./verify-checks";

// "Local config": is the account, as stored, something provisioning can turn into valid
// trunks? Rows can drift from the form's rules (a restored backup, a manual SQL edit, a key
// rotated away), so this re-checks everything instead of trusting the write path.

export type StoredAccountConfig = {
  name: string;
  sipServerAddress: string | null;
  destinationCountry: string;
  allowedInboundIps: string[];
  outboundUsername: string | null;
  outboundPasswordEnc: string | null;
  inboundUsername: string | null;
  inboundPasswordEnc: string | null;
};

export function checkLocalConfig(row: StoredAccountConfig, mode: IpMode, passwordsReadable: { inbound: boolean; outbound: boolean }): VerifyCheck {
  const problems: string[] = [];
  if (row.name.trim() === "") problems.push("the account has no name");
  if (!isCountryCode(row.destinationCountry)) problems.push(`the destination country "${row.destinationCountry}" is not an ISO 3166 code`);
  for (const direction of ["outbound", "inbound"] as const) {
    const user = row[`${direction}Username`];
    const pass = row[`${direction}PasswordEnc`];
    if (user && !pass) problems.push(`${direction} username is set without a password`);
    if (!user && pass) problems.push(`${direction} password is set without a username`);
    if (pass && !passwordsReadable[direction]) problems.push(`the stored ${direction} password cannot be decrypted with the current CREDENTIALS_KEYS`);
  }
  const ips = parseIpv4Allowlist(row.allowedInboundIps.join(","), { mode });
  if (!ips.ok) problems.push(`allowed inbound IPs are not valid: ${ips.errors.join(" ")}`);
  else if (ips.entries.join(",") !== row.allowedInboundIps.join(",")) problems.push("allowed inbound IPs are not in canonical form");
  if (row.allowedInboundIps.length === 0 && !row.inboundUsername) {
    problems.push("inbound has neither allowed IPs nor authentication, so LiveKit would accept calls from anywhere");
  }
  if (row.sipServerAddress !== null) {
    const address = parseSipHostPort(row.sipServerAddress, { mode });
    if (!address.ok) problems.push(`the SIP server address is not valid: ${address.error}`);
  }
  if (problems.length > 0) return failed("Local config", `The saved account is not consistent: ${problems.join("; ")}.`, FIX_EDIT);
  return ok("Local config", "Required fields are set and consistent.");
}
