// The events a Space's webhook endpoints can subscribe to, with what each means. Isomorphic:
// the Webhooks form lists them, the schemas validate against them, the OpenAPI document's
// `webhooks` section is generated from them.

export const webhookEventTypes = [
  "call.queued",
  "call.ringing",
  "call.answered",
  "call.completed",
  "call.failed",
  "call.cancelled",
  "call.refused",
  "call.transferred",
  "call.transfer_failed",
  "sip_account.provisioned",
  "sip_account.provisioning_failed",
  "sip_account.drift_detected",
  "phone_number.bound",
  "phone_number.unbound",
  "batch.completed",
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent only by "Send test event", to the one endpoint it is asked for; never subscribed to. */
export const TEST_EVENT_TYPE = "webhook.test";

export const webhookEventDescriptions: Record<WebhookEventType, string> = {
  "call.queued": "A call was queued (REST, console or a batch row); not yet dialled.",
  "call.ringing": "The callee's phone rings (outbound), or an inbound call reached LiveKit.",
  "call.answered": "The call was answered; the agent is on it.",
  "call.completed": "An answered call ended; carries its duration.",
  "call.failed": "A call ended without being answered: busy, no answer or refused, with the SIP code and a plain reason.",
  "call.cancelled": "A queued call was cancelled before it was dialled.",
  "call.refused": "The SIP edge refused an inbound call for one of your accounts (number not bound, address not allowed, password wrong, no agent answered), with the fix.",
  "call.transferred": "The agent transferred the call to one of its destinations (SIP REFER accepted and NOTIFY 200 from the PBX).",
  "call.transfer_failed": "The agent tried to transfer the call and the PBX refused (e.g. 603) or LiveKit could not; the agent stays on the call.",
  "sip_account.provisioned": "An account's LiveKit trunks and dispatch rules were created or repaired.",
  "sip_account.provisioning_failed": "Provisioning an account failed (LiveKit unreachable or refusing); it stays Not provisioned.",
  "sip_account.drift_detected": "Verify found LiveKit out of step with the account (names the failing checks).",
  "phone_number.bound": "A number was bound to a Custom SIP account.",
  "phone_number.unbound": "A number was unbound and its dispatch rule removed.",
  "batch.completed": "Every call of a batch reached a final status; carries the counts.",
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (webhookEventTypes as readonly string[]).includes(value);
}
