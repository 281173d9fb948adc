import { z } from "zod";
import { bindPhoneNumberFields, phoneNumberEditFields, type BindPhoneNumberFields, type PhoneNumberEditFields } from "./schemas";
import type { PhoneNumberView } from "./view";

// The REST API's shapes for a number, mapped onto the form schemas so both faces share every
// rule. Optional fields may be omitted or null; on PATCH an absent field keeps its value and
// null clears it. The bodies reuse the form's field schemas: the routes parse with them and
// the OpenAPI document is generated from them.

const e = phoneNumberEditFields.shape;
const describe = {
  label: "Your name for the number; null or \"\" for none.",
  inboundAgentId: "The agent that answers calls to this number (an agent of this Space); null for the default agent.",
  outboundAgentId: "The agent that places calls from this number; null for none.",
};

export const bindPhoneNumberBody = z.strictObject({
  accountId: bindPhoneNumberFields.shape.accountId.meta({ description: "The Custom SIP account (of this Space) the number arrives on." }),
  number: bindPhoneNumberFields.shape.number.meta({ description: "The number in any common spelling; stored and returned as E.164. Bound to one account across all Spaces (409 otherwise)." }),
  label: e.label.nullable().optional().meta({ description: describe.label }),
  inboundAgentId: e.inboundAgentId.nullable().optional().meta({ description: describe.inboundAgentId }),
  outboundAgentId: e.outboundAgentId.nullable().optional().meta({ description: describe.outboundAgentId }),
});

export const updatePhoneNumberBody = z.strictObject({
  label: e.label.nullable().optional().meta({ description: `${describe.label} Absent: kept.` }),
  inboundAgentId: e.inboundAgentId.nullable().optional().meta({ description: `${describe.inboundAgentId} Absent: kept.` }),
  outboundAgentId: e.outboundAgentId.nullable().optional().meta({ description: `${describe.outboundAgentId} Absent: kept.` }),
});

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
  const pick = (key: keyof typeof updatePhoneNumberBody.shape, fallback: unknown) => text(key in body ? body[key] : fallback);
  return {
    label: pick("label", current.label),
    inboundAgentId: pick("inboundAgentId", current.inboundAgent?.id),
    outboundAgentId: pick("outboundAgentId", current.outboundAgent?.id),
  } as PhoneNumberEditFields;
}
