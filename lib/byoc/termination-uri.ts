import type { IpMode } from "@/lib/net/ipv4";
import { parseSipHostPort } from "@/lib/net/sip-host-port";

// The BYOC API's terminationUri: what a carrier's console shows as the SIP termination URI
// (your-trunk.pstn.twilio.com, sip:trunk.example.com:5061;transport=tls, sips:...). It is
// split into what a Custom SIP account stores: the SIP server address (host[:port], held to
// the console's own rules) and the transport. Isomorphic: pure string work, no DNS.

export type SipTransportName = "auto" | "udp" | "tcp" | "tls";
export type Termination = { sipServerAddress: string; sipTransport: SipTransportName };
export type TerminationResult = ({ ok: true } & Termination) | { ok: false; error: string };

const EXAMPLE = "such as your-trunk.pstn.twilio.com or sip:trunk.example.com:5061;transport=tls";
const TRANSPORTS = ["udp", "tcp", "tls"] as const;

export function parseTerminationUri(raw: string, options: { mode: IpMode }): TerminationResult {
  const fail = (error: string): TerminationResult => ({ ok: false, error });
  let text = raw.trim();
  if (text === "") return fail(`Enter your carrier's SIP termination URI, ${EXAMPLE}.`);

  const scheme = /^(sips?):(?:\/\/)?/i.exec(text);
  const secure = scheme?.[1]?.toLowerCase() === "sips";
  if (scheme) text = text.slice(scheme[0].length);
  if (text.includes("@")) return fail("Remove the user part before “@”: send the username as sipUsername.");

  const [hostPort = "", ...params] = text.split(";");
  let transport: SipTransportName | undefined;
  for (const param of params) {
    const [name = "", value = ""] = param.split("=", 2).map((p) => p.trim().toLowerCase());
    if (name === "") continue;
    if (name !== "transport") return fail(`Remove “;${param}”: the only parameter understood is ;transport=udp, tcp or tls.`);
    if (!(TRANSPORTS as readonly string[]).includes(value)) return fail("The transport must be udp, tcp or tls.");
    if (transport !== undefined && transport !== value) return fail("Give the transport once.");
    transport = value as SipTransportName;
  }
  if (secure && transport !== undefined && transport !== "tls") return fail("A sips: URI always uses TLS: remove the transport or use sip:.");

  const address = parseSipHostPort(hostPort, options);
  if (!address.ok) return fail(address.error);
  if (address.canonical === null) return fail(`Enter the carrier's host, ${EXAMPLE}.`);
  return { ok: true, sipServerAddress: address.canonical, sipTransport: transport ?? (secure ? "tls" : "auto") };
}

/** The URI the API shows back: host[:port], with ;transport= unless it is automatic. */
export function formatTerminationUri(sipServerAddress: string | null, sipTransport: SipTransportName): string | null {
  if (sipServerAddress === null) return null;
  return sipTransport === "auto" ? sipServerAddress : `${sipServerAddress};transport=${sipTransport}`;
}

/** The host alone (no port): what a Custom SIP account made for the carrier is named after. */
export function hostOf(sipServerAddress: string): string {
  return sipServerAddress.split(":")[0] ?? sipServerAddress;
}
