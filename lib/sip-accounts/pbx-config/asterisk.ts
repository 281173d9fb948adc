import { authModes, gatewayUri, INBOUND_PASSWORD_PLACEHOLDER, ourAddresses, OUTBOUND_PASSWORD_PLACEHOLDER, trunkName, type PbxConfigInput } from "./input";

// Asterisk (chan_pjsip): a registration-free trunk to our gateway, plus the dialplan lines
// that send the bound numbers to it. Section and key names follow pjsip.conf.sample.

/** The context our outbound calls land in on the PBX. */
export const ASTERISK_INBOUND_CONTEXT = "from-switchboard";

/**
 * Asterisk's config parser reads `;` as the start of a comment unless it is written `\;`
 * (and turns `\;` back into `;`): the contact's `;transport=` and any `;` in a username.
 * Nothing else is unescaped, so nothing else is escaped.
 */
function value(text: string): string {
  return text.replace(/;/g, "\\;");
}

type Section = { name: string; comment?: string; entries: [string, string][] };

function render(section: Section): string {
  const head = section.comment ? [`; ${section.comment}`] : [];
  return [...head, `[${section.name}]`, ...section.entries.map(([k, v]) => `${k}=${value(v)}`)].join("\n");
}

export function asteriskPjsipConf(input: PbxConfigInput): string {
  const { account } = input;
  const name = trunkName(account);
  const auth = authModes(account);
  const outboundEnabled = account.sipServerAddress !== null;
  const sections: Section[] = [];

  const endpoint: [string, string][] = [
    ["type", "endpoint"],
    ["context", ASTERISK_INBOUND_CONTEXT],
    ["disallow", "all"],
    ["allow", "ulaw,alaw"],
    ["aors", `${name}-aor`],
    ["direct_media", "no"],
    ["rtp_symmetric", "yes"],
    ["force_rport", "yes"],
    ["rewrite_contact", "yes"],
  ];
  if (auth.inbound) endpoint.push(["outbound_auth", `${name}-to-us`]);
  if (outboundEnabled && auth.outbound) endpoint.push(["auth", `${name}-from-us`]);
  sections.push({ name, comment: `Switchboard Custom SIP account "${account.accountName}": calls to ${input.platform.domain} and back. No registration.`, entries: endpoint });

  sections.push({ name: `${name}-aor`, comment: "Where the AI agent answers: our SIP gateway.", entries: [["type", "aor"], ["contact", gatewayUri(input)], ["qualify_frequency", "60"]] });

  if (outboundEnabled) {
    sections.push({
      name: `${name}-identify`,
      comment: "Calls from our addresses are this trunk's (our outbound calls).",
      entries: [["type", "identify"], ["endpoint", name], ["match", ourAddresses(input.platform.ips).join(",")]],
    });
  }
  if (auth.inbound) {
    sections.push({
      name: `${name}-to-us`,
      comment: "Digest credentials the PBX presents to us. Replace the placeholder with the inbound password you set in Switchboard.",
      entries: [["type", "auth"], ["auth_type", "userpass"], ["username", account.inboundUsername ?? ""], ["password", INBOUND_PASSWORD_PLACEHOLDER]],
    });
  }
  if (outboundEnabled && auth.outbound) {
    sections.push({
      name: `${name}-from-us`,
      comment: "Digest credentials our outbound calls must present. Replace the placeholder with the outbound password you set in Switchboard.",
      entries: [["type", "auth"], ["auth_type", "userpass"], ["username", account.outboundUsername ?? ""], ["password", OUTBOUND_PASSWORD_PLACEHOLDER]],
    });
  }
  return `${sections.map(render).join("\n\n")}\n`;
}

/**
 * extensions.conf: one line per bound number (the called number exactly as bound, with the
 * `+`: LiveKit matches it literally), or a pattern when none is bound yet.
 */
export function asteriskDialplan(input: PbxConfigInput): string {
  const name = trunkName(input.account);
  const lines = input.numbers.length > 0
    ? input.numbers.map((n) => `exten => ${n},1,Dial(PJSIP/${n}@${name},60)`)
    : [`exten => _+X.,1,Dial(PJSIP/\${EXTEN}@${name},60)`];
  return [
    "; extensions.conf: include this context where your PSTN calls for these numbers arrive.",
    `[to-${name}]`,
    ...lines,
    "",
    `; Our outbound calls arrive in [${ASTERISK_INBOUND_CONTEXT}]: route them to your PSTN trunk there.`,
    "",
  ].join("\n");
}
