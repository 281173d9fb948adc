import { defaultSipPort, ourAddresses, splitHostPort, type PbxConfigInput } from "./input";

// iptables lines for the PBX's firewall: our addresses (never address:port, which iptables
// refuses) to the PBX's SIP port over the account's transport. With Auto, LiveKit may use
// UDP or TCP, so both are opened.

/** Asterisk's default RTP range (rtp.conf); the comment tells the operator to use theirs. */
export const DEFAULT_RTP_PORTS = "10000:20000";

export function iptablesRules(input: PbxConfigInput): string {
  const { account } = input;
  const port = (account.sipServerAddress ? splitHostPort(account.sipServerAddress).port : undefined) ?? defaultSipPort(account.sipTransport);
  const protocols = account.sipTransport === "auto" ? ["udp", "tcp"] : [account.sipTransport === "udp" ? "udp" : "tcp"];
  const addresses = ourAddresses(input.platform.ips);
  const lines = [
    `# Switchboard "${account.accountName}": let our SIP (${addresses.join(", ")}) reach the PBX on port ${port}.`,
    ...addresses.flatMap((ip) => protocols.map((p) => `iptables -A INPUT -s ${ip} -p ${p} --dport ${port} -j ACCEPT`)),
    `# Audio (RTP) comes from the same addresses; ${DEFAULT_RTP_PORTS} is Asterisk's default range, use your PBX's.`,
    ...addresses.map((ip) => `iptables -A INPUT -s ${ip} -p udp --dport ${DEFAULT_RTP_PORTS} -j ACCEPT`),
    "",
  ];
  if (!account.sipServerAddress) lines.splice(1, 0, "# Outbound calls are off for this account (no SIP server address): these matter once you set one.");
  return lines.join("\n");
}
