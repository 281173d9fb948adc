import { z } from "zod";
import { sipTransport, type PasswordChange, type SipAccountEditFields, type SipAccountFields, type SipAccountSchemas } from "./schemas";
import type { SipAccountView } from "./view";

// The REST API's shapes for a Custom SIP account, mapped onto the form schemas so both faces
// share every rule. Differences: allowedInboundIps may be an array, optional text fields may
// be omitted or null, and on PATCH a password that is absent is kept, `null` clears it and a
// string replaces it.
//
// The REST bodies below reuse the form's field schemas: the routes parse with them (unknown
// fields 400, invalid ones 422) and the OpenAPI document is generated from them, so the
// document shows what is enforced. Cross-field rules (the username/password pairs) stay in
// the form schemas, which the mapped body goes through next.

const PASSWORD_NOTE = "Write-only: never returned (see the *PasswordSet flags).";

const TRANSPORTS: readonly string[] = sipTransport.options;

/** A transport as a client may write it: the stored value or the console's label, any case ("Auto", "UDP"). */
function transportFromRest(value: unknown): unknown {
  return typeof value === "string" && TRANSPORTS.includes(value.trim().toLowerCase()) ? value.trim().toLowerCase() : value;
}

const restSipTransport = z
  .string()
  .refine((v) => TRANSPORTS.includes(v.trim().toLowerCase()), "Use auto, udp, tcp or tls (any case, as in Auto or UDP).")
  .meta({ examples: ["auto", "UDP"] });

export function makeSipAccountRestSchemas(schemas: SipAccountSchemas) {
  const f = schemas.sipAccountFields.shape;
  const d = {
    accountName: "Shown in the console; unique in the Space whatever the case.",
    sipServerAddress: "host[:port] of your PBX for outbound calls; null or absent: no outbound calls.",
    sipTransport: "How LiveKit reaches your PBX for outbound calls: auto, udp, tcp or tls, in any case (the console's Auto, UDP, TCP, TLS too).",
    destinationCountry: "ISO 3166-1 alpha-2 code (routing hint for outbound calls).",
    allowedInboundIps: "IPv4 addresses or CIDR ranges allowed to send calls: a list or one comma-separated string.",
    outboundUsername: "Digest username LiveKit sends to your PBX; set with outboundPassword.",
    inboundUsername: "Digest username your PBX must send to LiveKit; set with inboundPassword.",
    maxConcurrentCalls: "Channels of your trunk: outbound calls wait in the queue (never fail) while this many calls of the account, inbound included, are live. null: no limit.",
    allowedDestinationCountries: "ISO 3166-1 alpha-2 codes outbound calls may go to (a list or one comma-separated string); empty or null: destinationCountry only. Calls elsewhere are refused with 422.",
    allowSpecialNumbers: "Allow premium-rate, shared-cost, personal, pager, UAN and voicemail numbers (refused with 422 by default).",
    passHeaders: "Inbound SIP headers (X- names only, at most 10) passed to the agent: each is a {{variable}} of its greeting and instructions under its own name, e.g. {{X-Customer-Id}}. A list or one comma-separated string.",
    callsPerSecond: "New outbound calls per second your trunk accepts (0.1 to 1000; 0.5 = one every 2 s). null: no limit.",
  };
  const limits = {
    maxConcurrentCalls: z.number().nullable().optional().meta({ description: d.maxConcurrentCalls }),
    callsPerSecond: z.number().nullable().optional().meta({ description: d.callsPerSecond }),
    allowedDestinationCountries: z.union([f.allowedDestinationCountries, z.array(z.string().max(64)).max(300)]).nullable().optional().meta({ description: d.allowedDestinationCountries }),
    allowSpecialNumbers: f.allowSpecialNumbers.optional().meta({ description: `${d.allowSpecialNumbers} Default false.` }),
    passHeaders: z.union([f.passHeaders, z.array(z.string().max(100)).max(50)]).nullable().optional().meta({ description: `${d.passHeaders} Default none.` }),
  };
  const ips = z.union([f.allowedInboundIps, z.array(z.string().max(64))]);
  const createBody = z.strictObject({
    accountName: f.accountName.meta({ description: d.accountName }),
    sipServerAddress: f.sipServerAddress.nullable().optional().meta({ description: d.sipServerAddress }),
    sipTransport: restSipTransport.optional().meta({ description: `${d.sipTransport} Default auto.` }),
    destinationCountry: f.destinationCountry.meta({ description: d.destinationCountry }),
    allowedInboundIps: ips.nullable().optional().meta({ description: `${d.allowedInboundIps} Required unless inbound credentials are set.` }),
    outboundUsername: f.outboundUsername.nullable().optional().meta({ description: d.outboundUsername }),
    outboundPassword: f.outboundPassword.nullable().optional().meta({ description: PASSWORD_NOTE, writeOnly: true }),
    inboundUsername: f.inboundUsername.nullable().optional().meta({ description: d.inboundUsername }),
    inboundPassword: f.inboundPassword.nullable().optional().meta({ description: PASSWORD_NOTE, writeOnly: true }),
    ...limits,
  });
  const change = `${PASSWORD_NOTE} Absent: kept; null: cleared (clear the username too); a string: replaced.`;
  const updateBody = z.strictObject({
    accountName: f.accountName.optional().meta({ description: d.accountName }),
    sipServerAddress: f.sipServerAddress.nullable().optional().meta({ description: d.sipServerAddress }),
    sipTransport: restSipTransport.optional().meta({ description: d.sipTransport }),
    destinationCountry: f.destinationCountry.optional().meta({ description: d.destinationCountry }),
    allowedInboundIps: ips.nullable().optional().meta({ description: d.allowedInboundIps }),
    outboundUsername: f.outboundUsername.nullable().optional().meta({ description: d.outboundUsername }),
    outboundPassword: f.outboundPassword.nullable().optional().meta({ description: change, writeOnly: true }),
    inboundUsername: f.inboundUsername.nullable().optional().meta({ description: d.inboundUsername }),
    inboundPassword: f.inboundPassword.nullable().optional().meta({ description: change, writeOnly: true }),
    ...limits,
  });
  return { createSipAccountBody: createBody, updateSipAccountBody: updateBody };
}
export type SipAccountRestSchemas = ReturnType<typeof makeSipAccountRestSchemas>;

type Body = Record<string, unknown>;

function text(value: unknown): unknown {
  return value === undefined || value === null ? "" : value;
}

/** A JSON number (or null) as the form's text; anything else goes through for the form rule to refuse. */
function limit(value: unknown): unknown {
  if (value === undefined || value === null) return "";
  return typeof value === "number" ? String(value) : value;
}

/** A list or one comma-separated string, as the form's text. */
function countries(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(String).join(", ");
  return text(value);
}

function ips(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(String).join(", ");
  return text(value);
}

export function createFieldsFromRest(body: Body): SipAccountFields {
  return {
    accountName: text(body.accountName),
    sipServerAddress: text(body.sipServerAddress),
    sipTransport: transportFromRest(body.sipTransport ?? "auto"),
    destinationCountry: text(body.destinationCountry),
    allowedInboundIps: ips(body.allowedInboundIps),
    outboundUsername: text(body.outboundUsername),
    outboundPassword: text(body.outboundPassword),
    inboundUsername: text(body.inboundUsername),
    inboundPassword: text(body.inboundPassword),
    maxConcurrentCalls: limit(body.maxConcurrentCalls),
    callsPerSecond: limit(body.callsPerSecond),
    allowedDestinationCountries: countries(body.allowedDestinationCountries),
    allowSpecialNumbers: body.allowSpecialNumbers ?? false,
    passHeaders: countries(body.passHeaders),
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
    sipTransport: transportFromRest(pick("sipTransport", current.sipTransport)),
    destinationCountry: text(pick("destinationCountry", current.destinationCountry)),
    allowedInboundIps: ips(pick("allowedInboundIps", current.allowedInboundIps)),
    outboundUsername: text(pick("outboundUsername", current.outboundUsername)),
    outboundPassword: passwordChange(body.outboundPassword),
    inboundUsername: text(pick("inboundUsername", current.inboundUsername)),
    inboundPassword: passwordChange(body.inboundPassword),
    maxConcurrentCalls: limit(pick("maxConcurrentCalls", current.maxConcurrentCalls)),
    callsPerSecond: limit(pick("callsPerSecond", current.callsPerSecond)),
    allowedDestinationCountries: countries(pick("allowedDestinationCountries", current.allowedDestinationCountries)),
    allowSpecialNumbers: pick("allowSpecialNumbers", current.allowSpecialNumbers) ?? false,
    passHeaders: countries(pick("passHeaders", current.passHeaders)),
  } as SipAccountEditFields;
}

/** ?mode= of Reprovision: in place (the default, calls keep going) or recreate from scratch (drops calls). */
export const reprovisionModeQuery = z.object({
  mode: z.enum(["in-place", "recreate"]).default("in-place").meta({ description: "in-place (default) updates trunks in place; recreate deletes and recreates them, dropping calls in progress." }),
});
