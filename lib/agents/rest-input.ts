import { z } from "zod";
import { formatTransferDestinations, TRANSFER_DESTINATIONS_MAX, type TransferDestination } from "./transfer-destinations";
import { agentFields, agentRestFields, END_CALL_HELP, MAX_CALL_SECONDS, SILENCE_TIMEOUT_SECONDS, type AgentFields, type AgentView } from "./schemas";

// The REST API's shapes for an agent, onto the one schema: `voice` may be null (provider
// default); on PATCH an absent field keeps its value. The bodies reuse the form's field
// schemas: the routes parse with them and the OpenAPI document is generated from them.

const f = agentFields.shape;

export const createAgentBody = z.strictObject({
  name: f.name.meta({ description: "Unique in the Space whatever the case." }),
  greeting: f.greeting.meta({ description: "The first sentence the agent speaks." }),
  instructions: f.instructions.meta({ description: "The system prompt." }),
  language: f.language.unwrap().optional().meta({ description: "BCP 47 tag. Default en-US." }),
  voice: f.voice.unwrap().nullable().optional().meta({ description: "Provider-specific voice; null or absent: the provider's default." }),
  sttProvider: f.sttProvider.unwrap().optional().meta({ description: "Speech to text. Default offline (works without a provider account)." }),
  llmProvider: f.llmProvider.unwrap().optional().meta({ description: "Language model. Default offline." }),
  ttsProvider: f.ttsProvider.unwrap().optional().meta({ description: "Text to speech. Default offline." }),
  endCallEnabled: z.boolean().optional().meta({ description: `${END_CALL_HELP} Default true.` }),
  maxCallSeconds: z.int().min(MAX_CALL_SECONDS.min).max(MAX_CALL_SECONDS.max).nullable().optional().meta({ description: "An answered call is ended after this many seconds (end reason: the maximum call duration). null or absent: no limit." }),
  transferDestinations: z
    .array(z.strictObject({ name: z.string().max(100), target: z.string().max(300) }))
    .max(TRANSFER_DESTINATIONS_MAX * 2)
    .optional()
    .meta({ examples: [[{ name: "sales", target: "+14155552671" }]], description: `Where the agent may transfer a call (cold, SIP REFER through the caller's PBX): up to ${TRANSFER_DESTINATIONS_MAX} {name, target}, target an E.164 number or a SIP URI. The LLM's transfer_call tool names one; with the offline LLM the caller's 0 key transfers to the first. Default none.` }),
  silenceTimeoutSeconds: z.int().min(SILENCE_TIMEOUT_SECONDS.min).max(SILENCE_TIMEOUT_SECONDS.max).nullable().optional().meta({ description: "The call is ended after this many seconds in which neither the caller nor the agent spoke (end reason: silence). null or absent: never." }),
});

/** PATCH: every field optional; an absent one keeps its value (defaults do not apply). */
export const updateAgentBody = createAgentBody.partial();

type Body = Record<string, unknown>;

/** REST's null (and the form's empty text) mean the same: no value. */
const NULLABLE_AS_TEXT = new Set<string>(["voice", "maxCallSeconds", "silenceTimeoutSeconds"]);
const asText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** REST's list of {name, target} as the form's lines. */
const destinationsAsText = (v: unknown) => (Array.isArray(v) ? formatTransferDestinations(v as TransferDestination[]) : "");

export function createAgentFieldsFromRest(body: Body): AgentFields {
  const out: Record<string, unknown> = { ...body };
  for (const key of NULLABLE_AS_TEXT) out[key] = asText(body[key]);
  out.transferDestinations = destinationsAsText(body.transferDestinations);
  return out as AgentFields;
}

export function editAgentFieldsFromRest(body: Body, current: AgentView): AgentFields {
  const merged: Record<string, unknown> = { ...current };
  for (const key of NULLABLE_AS_TEXT) merged[key] = asText(merged[key]);
  merged.transferDestinations = destinationsAsText(current.transferDestinations);
  for (const key of agentRestFields) {
    if (!(key in body)) continue;
    merged[key] = NULLABLE_AS_TEXT.has(key) ? asText(body[key]) : key === "transferDestinations" ? destinationsAsText(body[key]) : body[key];
  }
  const picked = Object.fromEntries(agentRestFields.map((k) => [k, merged[k]]));
  return picked as AgentFields;
}
