import { z } from "zod";
import type { IpMode } from "@/lib/net/ipv4";
import { phoneNumberEditFields, phoneNumberText } from "@/lib/phone-numbers/schemas";
import { makeSipAccountSchemas } from "@/lib/sip-accounts/schemas";
import { parseTerminationUri } from "./termination-uri";

// The BYOC API's bodies, with the seed's field names. Each field reuses the rule of the
// console field it becomes (the number, its label and agents; the account's username and
// password), so the two faces refuse the same values. Cross-field rules (a username with its
// password, inbound security) are the account schema's, applied in the services, whose
// field errors are renamed to these names (field-names.ts).
//
// The terminationUri rules depend on DEPLOYMENT_MODE (loopback allowed only locally), hence
// the factory; the server calls it through server-schemas.ts.

const PASSWORD_NOTE = "Write-only: never returned (see sipPasswordSet).";
const describe = {
  phoneNumber: "The number in E.164 (spaces, dashes and brackets are removed). Bound to one account across all Spaces (409 otherwise).",
  terminationUri:
    "Your carrier's SIP termination URI: host, host:port, with or without sip:/sips: and ;transport=udp|tcp|tls (e.g. your-trunk.pstn.twilio.com). Becomes the SIP server address and transport of the number's Custom SIP account.",
  inboundAgentId: "The id of an agent of this Space (GET /spaces/{spaceId}/agents) that answers calls to the number; null or absent: the default agent. An unknown id is a 422.",
  outboundAgentId: "The id of an agent of this Space that places calls from the number; null or absent: none. An unknown id is a 422.",
  sipUsername:
    "Digest username for your carrier. It belongs to the Custom SIP account, shared by every number with the same terminationUri and credentials: LiveKit sends it to the carrier on outbound calls, and on an account this API created, the carrier must send it on inbound calls too.",
  sipPassword: `${PASSWORD_NOTE} Goes with sipUsername, in both directions like it.`,
  friendlyName: "Your name for the number (its label in the console); null for none.",
};

export function makeByocSchemas({ ipMode }: { ipMode: IpMode }) {
  const account = makeSipAccountSchemas({ ipMode }).sipAccountFields.shape;
  const number = phoneNumberEditFields.shape;
  const terminationUri = z
    .string()
    .max(300, "Keep the termination URI to 300 characters or fewer.")
    .superRefine((v, ctx) => {
      const r = parseTerminationUri(v, { mode: ipMode });
      if (!r.ok) ctx.addIssue({ code: "custom", message: r.error });
    });

  const createByocNumberBody = z.strictObject({
    phoneNumber: phoneNumberText.meta({ description: describe.phoneNumber }),
    terminationUri: terminationUri.meta({ description: describe.terminationUri }),
    inboundAgentId: number.inboundAgentId.nullable().optional().meta({ description: describe.inboundAgentId }),
    outboundAgentId: number.outboundAgentId.nullable().optional().meta({ description: describe.outboundAgentId }),
    sipUsername: account.outboundUsername.nullable().optional().meta({ description: describe.sipUsername }),
    sipPassword: account.outboundPassword.nullable().optional().meta({ description: describe.sipPassword, writeOnly: true }),
    friendlyName: number.label.nullable().optional().meta({ description: describe.friendlyName }),
  });

  const keep = " Absent: kept.";
  const shared = " Changes the Custom SIP account, so every number sharing it (listed in sipAccount.phoneNumbers) changes with it.";
  const updateByocNumberBody = z.strictObject({
    inboundAgentId: number.inboundAgentId.nullable().optional().meta({ description: describe.inboundAgentId + keep }),
    outboundAgentId: number.outboundAgentId.nullable().optional().meta({ description: describe.outboundAgentId + keep }),
    friendlyName: number.label.nullable().optional().meta({ description: describe.friendlyName + keep }),
    terminationUri: terminationUri.optional().meta({ description: describe.terminationUri + keep + shared }),
    sipUsername: account.outboundUsername.nullable().optional().meta({ description: `${describe.sipUsername} null clears it (with sipPassword).${keep}${shared}` }),
    sipPassword: account.outboundPassword.nullable().optional().meta({ description: `${PASSWORD_NOTE} A string replaces it, null clears it (with sipUsername).${keep}${shared}`, writeOnly: true }),
  });

  const refreshByocTrunksBody = z.strictObject({
    phoneNumber: phoneNumberText.meta({ description: "A number of this Space, in E.164." }),
  });

  return { createByocNumberBody, updateByocNumberBody, refreshByocTrunksBody };
}

export type ByocSchemas = ReturnType<typeof makeByocSchemas>;
export type CreateByocNumberBody = z.output<ByocSchemas["createByocNumberBody"]>;
export type UpdateByocNumberBody = z.output<ByocSchemas["updateByocNumberBody"]>;
