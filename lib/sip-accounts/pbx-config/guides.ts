import { authModes, defaultSipPort, gatewayUri, INBOUND_PASSWORD_PLACEHOLDER, ourAddresses, OUTBOUND_PASSWORD_PLACEHOLDER, splitHostPort, trunkName, type PbxConfigInput } from "./input";

// Field-by-field guides for PBXs configured through a web admin: the field as the PBX names
// it, and what to enter there from this account.

export type GuideField = { field: string; value: string };
export type PbxGuide = { id: "freepbx" | "3cx" | "cloud"; title: string; where: string; fields: GuideField[] };

const NONE = "(leave empty)";

function transportLabel(input: PbxConfigInput): string {
  const t = input.account.sipTransport;
  return t === "auto" ? "UDP (Auto: UDP or TCP both work)" : t.toUpperCase();
}

function calledNumbers(input: PbxConfigInput): string {
  return input.numbers.length > 0 ? input.numbers.join(", ") : "the number you bind, in E.164 with the +";
}

export function freepbxGuide(input: PbxConfigInput): PbxGuide {
  const { account } = input;
  const gateway = splitHostPort(input.platform.domain);
  const auth = authModes(account);
  return {
    id: "freepbx",
    title: "FreePBX",
    where: "Connectivity → Trunks → Add Trunk → Add SIP (chan_pjsip) Trunk",
    fields: [
      { field: "General → Trunk Name", value: trunkName(account) },
      { field: "pjsip Settings → Authentication", value: auth.inbound ? "Outbound" : "None" },
      { field: "pjsip Settings → Registration", value: "None" },
      { field: "pjsip Settings → Username", value: auth.inbound ? (account.inboundUsername ?? "") : NONE },
      { field: "pjsip Settings → Secret", value: auth.inbound ? INBOUND_PASSWORD_PLACEHOLDER : NONE },
      { field: "pjsip Settings → SIP Server", value: gateway.host },
      { field: "pjsip Settings → SIP Server Port", value: String(gateway.port ?? 5060) },
      { field: "pjsip Settings → Transport", value: transportLabel(input) },
      { field: "pjsip Settings → Context", value: "from-trunk" },
      { field: "Advanced → Match (Permit)", value: ourAddresses(input.platform.ips).join(", ") },
      { field: "Outbound Routes → Dial Patterns", value: `${calledNumbers(input)} → trunk ${trunkName(account)}` },
      {
        field: "Our outbound calls (Inbound auth on the PBX)",
        value: auth.outbound ? `a PJSIP extension ${account.outboundUsername ?? ""} with secret ${OUTBOUND_PASSWORD_PLACEHOLDER}` : "none: the PBX trusts our addresses (IP-trust)",
      },
    ],
  };
}

export function threeCxGuide(input: PbxConfigInput): PbxGuide {
  const { account } = input;
  const gateway = splitHostPort(input.platform.domain);
  const auth = authModes(account);
  return {
    id: "3cx",
    title: "3CX",
    where: "SIP Trunks → Add SIP Trunk → Generic → Generic SIP Trunk (IP based)",
    fields: [
      { field: "Name of Trunk", value: trunkName(account) },
      { field: "Registrar/Server/Gateway Hostname or IP", value: gateway.host },
      { field: "Registrar port", value: String(gateway.port ?? 5060) },
      { field: "Type of Authentication", value: auth.inbound ? "Do not register - Account based" : "Do not require - IP Based" },
      { field: "Authentication ID", value: auth.inbound ? (account.inboundUsername ?? "") : NONE },
      { field: "Authentication Password", value: auth.inbound ? INBOUND_PASSWORD_PLACEHOLDER : NONE },
      { field: "Main Trunk No", value: input.numbers[0] ?? "the number you bind, with the +" },
      { field: "Transport (Options)", value: transportLabel(input) },
      { field: "Inbound parameters → IP addresses of the provider", value: ourAddresses(input.platform.ips).join(", ") },
      { field: "Outbound Rules → calls to numbers", value: `${calledNumbers(input)} → route 1: ${trunkName(account)}, no digits stripped` },
    ],
  };
}

export function cloudPbxGuide(input: PbxConfigInput): PbxGuide {
  const { account } = input;
  const auth = authModes(account);
  const server = account.sipServerAddress ? splitHostPort(account.sipServerAddress) : null;
  return {
    id: "cloud",
    title: "Cloud PBX (Mango Office and others)",
    where: "SIP trunk / Outbound routes / IP whitelist in the provider's admin panel",
    fields: [
      { field: "SIP trunk destination (URI)", value: gatewayUri(input) },
      { field: "Transport", value: transportLabel(input) },
      { field: "Authentication to the destination", value: auth.inbound ? `username ${account.inboundUsername ?? ""}, password ${INBOUND_PASSWORD_PLACEHOLDER}` : "none (we accept your calls by source address)" },
      { field: "Your PBX must send from", value: account.allowedInboundIps.length > 0 ? account.allowedInboundIps.join(", ") : "any address (digest auth protects the trunk)" },
      { field: "Called number format", value: `E.164 with the +, exactly as bound: ${calledNumbers(input)}` },
      { field: "IP whitelist (our outbound calls)", value: ourAddresses(input.platform.ips).join(", ") },
      { field: "Our outbound calls arrive at", value: server ? `${server.host}:${server.port ?? defaultSipPort(account.sipTransport)}` : "nowhere yet: set a SIP server address on the account" },
      { field: "SIP account for our outbound calls", value: auth.outbound ? `username ${account.outboundUsername ?? ""}, password ${OUTBOUND_PASSWORD_PLACEHOLDER}` : "none (IP-trust)" },
    ],
  };
}

export function pbxGuides(input: PbxConfigInput): PbxGuide[] {
  return [freepbxGuide(input), threeCxGuide(input), cloudPbxGuide(input)];
}

/** The guide as plain text, for the copy button. */
export function guideText(guide: PbxGuide): string {
  return [`${guide.title}: ${guide.where}`, ...guide.fields.map((f) => `${f.field}: ${f.value}`), ""].join("\n");
}
