import { z } from "zod";
import { refusalFacts } from "@/lib/edge/refusal-schema";
import { TEST_EVENT_TYPE, webhookEventDescriptions, webhookEventTypes, type WebhookEventType } from "./events";

// The JSON each event type carries, for the OpenAPI document's `webhooks` section (and for
// receivers to code against). Ids and plain facts only: never a secret, never LiveKit's raw
// text. The emitters build these objects (lib/calls/call-webhook-events.ts and its siblings);
// a unit test holds them to these schemas.

const at = z.string().meta({ description: "ISO 8601 instant." });

export const callEventData = z.object({
  callId: z.string(),
  direction: z.enum(["inbound", "outbound"]),
  status: z.enum(["queued", "dialing", "ringing", "in_progress", "completed", "failed", "busy", "no_answer", "cancelled"]),
  from: z.string(),
  to: z.string(),
  phoneNumberId: z.string().nullable(),
  sipAccountId: z.string().nullable(),
  agentId: z.string().nullable(),
  batchId: z.string().nullable(),
  attempts: z.number().int().meta({ description: "Dial attempts so far, retries included." }),
  sipStatusCode: z.number().int().nullable().meta({ description: "The final SIP response (200 answered, 486 busy, 487/408/480 no answer...)." }),
  reason: z.string().nullable().meta({ description: "Why a call failed, in plain words." }),
  endReason: z.string().nullable().meta({ description: "How the call ended, in plain words, when known." }),
  createdAt: at,
  answeredAt: at.nullable(),
  endedAt: at.nullable(),
  durationMs: z.number().int().nullable().meta({ description: "Answer to hang-up, for call.completed." }),
});

const transferFacts = z.object({
  destination: z.string().meta({ description: "The destination's name on the agent." }),
  target: z.string().meta({ description: "Its E.164 number or SIP URI." }),
  outcome: z.enum(["transferred", "failed"]),
  sipStatusCode: z.number().int().nullable().meta({ description: "The PBX's refusal (e.g. 603), when it gave one." }),
  detail: z.string().meta({ description: "The outcome in plain words, as on the call's timeline." }),
});

const accountRef = { sipAccountId: z.string(), name: z.string() };

const dataOf: Record<WebhookEventType, z.ZodObject> = {
  "call.queued": callEventData,
  "call.ringing": callEventData,
  "call.answered": callEventData,
  "call.completed": callEventData,
  "call.failed": callEventData,
  "call.cancelled": callEventData,
  "call.refused": refusalFacts.extend({ refusedCallId: z.string() }),
  "call.transferred": callEventData.extend({ transfer: transferFacts }),
  "call.transfer_failed": callEventData.extend({ transfer: transferFacts }),
  "sip_account.provisioned": z.object({ ...accountRef, changes: z.array(z.string()).meta({ description: "What was created or repaired in LiveKit." }) }),
  "sip_account.provisioning_failed": z.object({ ...accountRef, reason: z.string() }),
  "sip_account.drift_detected": z.object({ ...accountRef, checks: z.array(z.object({ name: z.string(), reason: z.string() })).meta({ description: "The Verify checks that failed." }) }),
  "phone_number.bound": z.object({ phoneNumberId: z.string(), number: z.string(), sipAccountId: z.string(), inboundAgentId: z.string().nullable(), outboundAgentId: z.string().nullable(), label: z.string().nullable() }),
  "phone_number.unbound": z.object({
    phoneNumberId: z.string(),
    number: z.string(),
    sipAccountId: z.string(),
    takenOver: z.literal(true).optional().meta({ description: "Present when the binding was unverified for 72 hours and another Space proved the number (README: Number ownership)." }),
  }),
  "batch.completed": z.object({
    batchId: z.string(),
    name: z.string(),
    total: z.number().int(),
    cancelled: z.boolean(),
    counts: z.record(z.string(), z.number().int()).meta({ description: "Calls by final status." }),
    createdAt: at,
    completedAt: at,
  }),
};

export const testEventData = z.object({ endpointId: z.string(), spaceId: z.string() });

/** The whole body of one event type (Standard Webhooks: type, timestamp, data). */
export function eventBodySchema(type: WebhookEventType | typeof TEST_EVENT_TYPE) {
  return z.object({
    type: z.literal(type),
    timestamp: at,
    data: type === TEST_EVENT_TYPE ? testEventData : dataOf[type],
  });
}

export const webhookEventDocs = [...webhookEventTypes.map((type) => ({ type, description: webhookEventDescriptions[type] })), { type: TEST_EVENT_TYPE, description: "Sent by Send test event." }] as const;
