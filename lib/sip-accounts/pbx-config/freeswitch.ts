import { authModes, INBOUND_PASSWORD_PLACEHOLDER, ourAddresses, trunkName, type PbxConfigInput } from "./input";

// FreeSWITCH: a gateway in the external SIP profile (conf/sip_profiles/external/<name>.xml)
// that never registers, plus the bridge line and the ACL entries for our addresses.

function attr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

/** XML comments may not hold `--`. */
function comment(text: string): string {
  return `<!-- ${text.replace(/-{2,}/g, (m) => m.split("").join(" ")).replace(/-$/, "- ")} -->`;
}

export function freeswitchGatewayXml(input: PbxConfigInput): string {
  const { account } = input;
  const name = trunkName(account);
  const auth = authModes(account);
  const params: [string, string][] = [
    ["proxy", input.platform.domain],
    ["realm", input.platform.domain],
    ["register", "false"],
    // FreeSWITCH wants a username even when it never registers or authenticates.
    ["username", auth.inbound ? (account.inboundUsername ?? "") : "switchboard"],
  ];
  if (auth.inbound) params.push(["password", INBOUND_PASSWORD_PLACEHOLDER]);
  if (account.sipTransport !== "auto") params.push(["register-transport", account.sipTransport]);
  params.push(["caller-id-in-from", "true"], ["ping", "60"]);

  const bridge = input.numbers[0] ?? "+<called number>";
  return [
    "<include>",
    `  ${comment(`Switchboard Custom SIP account "${account.accountName}". No registration.${auth.inbound ? " Replace the password placeholder with the inbound password you set in Switchboard." : ""}`)}`,
    `  <gateway name="${attr(name)}">`,
    ...params.map(([k, v]) => `    <param name="${attr(k)}" value="${attr(v)}"/>`),
    "  </gateway>",
    `  ${comment(`Dialplan: <action application="bridge" data="sofia/gateway/${name}/${bridge}"/> (the called number exactly as bound, with the +)`)}`,
    `  ${comment(`acl.conf.xml, list domains: allow our addresses ${ourAddresses(input.platform.ips).map((a) => `${a}/32`).join(", ")}`)}`,
    "</include>",
    "",
  ].join("\n");
}
