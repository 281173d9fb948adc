import type { BindPhoneNumberFields, PhoneNumberEditFields } from "./schemas";
import type { PhoneNumberView } from "./view";

// The REST API's shapes for a number, mapped onto the form schemas so both faces share every
// rule. Optional fields may be omitted or null; on PATCH an absent field keeps its value and
// null clears it. Values of the wrong type pass through for the schema to refuse.

export const bindRestFields = ["accountId", "number", "label", "inboundAgentId", "outboundAgentId"] as const;
export const editRestFields = ["label", "inboundAgentId", "outboundAgentId"] as const;

type Body = Record<string, unknown>;

function text(value: unknown): unknown {
  return value === undefined || value === null ? "" : value;
}

export function bindFieldsFromRest(body: Body): BindPhoneNumberFields {
  return {
    accountId: text(body.accountId),
    number: text(body.number),
    label: text(body.label),
    inboundAgentId: text(body.inboundAgentId),
    outboundAgentId: text(body.outboundAgentId),
  } as BindPhoneNumberFields;
}

export function editFieldsFromRest(body: Body, current: PhoneNumberView): PhoneNumberEditFields {
  const pick = (key: (typeof editRestFields)[number], fallback: unknown) => text(key in body ? body[key] : fallback);
  return {
    label: pick("label", current.label),
    inboundAgentId: pick("inboundAgentId", current.inboundAgent?.id),
    outboundAgentId: pick("outboundAgentId", current.outboundAgent?.id),
  } as PhoneNumberEditFields;
}
