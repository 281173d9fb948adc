import { describe, expect, it } from "vitest";
import { iptablesRules } from "./iptables";
import { digestBothWays, ipTrustInboundOnly } from "./test-accounts";

/** The rules as iptables reads them: every non-comment line must be `iptables -A INPUT -s ADDR -p PROTO --dport PORT -j ACCEPT`. */
function parseRules(text: string) {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((line) => {
      const m = /^iptables -A INPUT -s (\S+) -p (udp|tcp) --dport (\d+(?::\d+)?) -j ACCEPT$/.exec(line);
      if (!m) throw new Error(`not an iptables rule: ${line}`);
      return { source: m[1] ?? "", protocol: m[2] ?? "", port: m[3] ?? "" };
    });
}

describe("iptablesRules", () => {
  it("opens the PBX's SIP port to our addresses, never address:port", () => {
    const rules = parseRules(iptablesRules(digestBothWays));
    const sip = rules.filter((r) => !r.port.includes(":"));
    expect(sip).toEqual([
      { source: "78.47.123.164", protocol: "tcp", port: "5070" },
      { source: "78.47.123.165", protocol: "tcp", port: "5070" },
    ]);
    expect(rules.every((r) => !r.source.includes(":"))).toBe(true);
    expect(rules.filter((r) => r.port.includes(":")).map((r) => r.source)).toEqual(["78.47.123.164", "78.47.123.165"]);
  });

  it("opens UDP and TCP on the default port when the transport is Auto", () => {
    const sip = parseRules(iptablesRules(ipTrustInboundOnly)).filter((r) => !r.port.includes(":"));
    expect(sip.map((r) => `${r.source}/${r.protocol}/${r.port}`)).toEqual(["78.47.123.164/udp/5060", "78.47.123.164/tcp/5060", "78.47.123.165/udp/5060", "78.47.123.165/tcp/5060"]);
    expect(iptablesRules(ipTrustInboundOnly)).toContain("Outbound calls are off");
  });

  it("uses 5061 for TLS without a port", () => {
    const tls = { ...digestBothWays, account: { ...digestBothWays.account, sipTransport: "tls" as const, sipServerAddress: "pbx.example.com" } };
    expect(parseRules(iptablesRules(tls)).filter((r) => !r.port.includes(":")).map((r) => `${r.protocol}/${r.port}`)).toEqual(["tcp/5061", "tcp/5061"]);
  });
});
