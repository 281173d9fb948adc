import type { SipAccountDto } from "@/lib/sip-accounts/schemas";

// What every PBX config generator reads: the account's own values (never a password: the DTO
// has none), our public side, and the numbers bound to it. Isomorphic and pure, so the
// account page renders the configs in the browser and the tests parse them.

export type PbxConfigAccount = Pick<
  SipAccountDto,
  "id" | "accountName" | "sipServerAddress" | "sipTransport" | "allowedInboundIps" | "outboundUsername" | "outboundPasswordSet" | "inboundUsername" | "inboundPasswordSet"
>;

export type PbxConfigInput = {
  account: PbxConfigAccount;
  /** Our SIP gateway (`host[:port]`) and the addresses our outbound SIP comes from (`ip[:port]`). */
  platform: { domain: string; ips: string[] };
  /** The account's bound numbers, E.164. */
  numbers: string[];
};

/** Passwords stay in the console: the configs carry these, and the operator types the real ones. */
export const INBOUND_PASSWORD_PLACEHOLDER = "<inbound-password>";
export const OUTBOUND_PASSWORD_PLACEHOLDER = "<outbound-password>";

/** The trunk's name on the PBX: `switchboard-` and the account name in lowercase ASCII words. */
export function trunkName(account: Pick<PbxConfigAccount, "id" | "accountName">): string {
  const slug = account.accountName
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `switchboard-${slug || account.id.slice(-8).toLowerCase()}`;
}

/** `host[:port]` split; the port is absent when not written. */
export function splitHostPort(value: string): { host: string; port: number | undefined } {
  const match = /^(.*):(\d{1,5})$/.exec(value.trim());
  return match ? { host: match[1] ?? "", port: Number(match[2]) } : { host: value.trim(), port: undefined };
}

/** Firewalls and IP matches take addresses, not address:port. Unique, in the given order. */
export function ourAddresses(ips: string[]): string[] {
  return [...new Set(ips.map((ip) => splitHostPort(ip).host).filter((h) => h !== ""))];
}

/** The SIP port a server listens on when its address names none. */
export function defaultSipPort(transport: PbxConfigAccount["sipTransport"]): number {
  return transport === "tls" ? 5061 : 5060;
}

/** Whether each direction uses digest auth (a username is stored only with its password). */
export function authModes(account: PbxConfigAccount): { inbound: boolean; outbound: boolean } {
  return {
    inbound: account.inboundUsername !== null && account.inboundPasswordSet,
    outbound: account.outboundUsername !== null && account.outboundPasswordSet,
  };
}

/** `sip:host[:port]` of our gateway, with `;transport=` unless Auto. */
export function gatewayUri(input: PbxConfigInput): string {
  const transport = input.account.sipTransport;
  return `sip:${input.platform.domain}${transport === "auto" ? "" : `;transport=${transport}`}`;
}
