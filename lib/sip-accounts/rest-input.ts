import type { PasswordChange, SipAccountEditFields, SipAccountFields } from "./schemas";
import type { SipAccountView } from "./view";

// The REST API's shapes for a Custom SIP account, mapped onto the form schemas so both faces
// share every rule. Differences: allowedInboundIps may be an array, optional text fields may
// be omitted or null, and on PATCH a password that is absent is kept, `null` clears it and a
// string replaces it.

export const sipAccountRestFields = [
  "accountName",
  "sipServerAddress",
  "sipTransport",
  "destinationCountry",
  "allowedInboundIps",
  "outboundUsername",
  "outboundPassword",
  "inboundUsername",
  "inboundPassword",
] as const;

type Body = Record<string, unknown>;

function text(value: unknown): unknown {
  return value === undefined || value === null ? "" : value;
}

function ips(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(String).join(", ");
  return text(value);
}

export function createFieldsFromRest(body: Body): SipAccountFields {
  return {
    accountName: text(body.accountName),
    sipServerAddress: text(body.sipServerAddress),
    sipTransport: body.sipTransport ?? "auto",
    destinationCountry: text(body.destinationCountry),
    allowedInboundIps: ips(body.allowedInboundIps),
    outboundUsername: text(body.outboundUsername),
    outboundPassword: text(body.outboundPassword),
    inboundUsername: text(body.inboundUsername),
    inboundPassword: text(body.inboundPassword),
  } as SipAccountFields;
}

function passwordChange(value: unknown): PasswordChange | unknown {
  if (value === undefined) return { state: "untouched" };
  if (value === null) return { state: "cleared" };
  return typeof value === "string" ? { state: "new", value } : value;
}

/** PATCH: fields left out keep the account's current values. */
export function editFieldsFromRest(body: Body, current: SipAccountView): SipAccountEditFields {
  const pick = (key: string, fallback: unknown) => (key in body ? body[key] : fallback);
  return {
    accountName: text(pick("accountName", current.accountName)),
    sipServerAddress: text(pick("sipServerAddress", current.sipServerAddress)),
    sipTransport: pick("sipTransport", current.sipTransport),
    destinationCountry: text(pick("destinationCountry", current.destinationCountry)),
    allowedInboundIps: ips(pick("allowedInboundIps", current.allowedInboundIps)),
    outboundUsername: text(pick("outboundUsername", current.outboundUsername)),
    outboundPassword: passwordChange(body.outboundPassword),
    inboundUsername: text(pick("inboundUsername", current.inboundUsername)),
    inboundPassword: passwordChange(body.inboundPassword),
  } as SipAccountEditFields;
}
