import { z } from "zod";
import { webhookEventTypes, type WebhookEventType } from "./events";

// Webhook endpoints, one schema for the Settings form, its server actions and the REST
// routes. Isomorphic: zod only. Whether a URL's address is public is decided on the server
// (DNS), in address-policy.ts, not here.

const CONTROL = /[\x00-\x1f\x7f]/;

export const webhookUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the events, e.g. https://example.com/switchboard/events.")
  .max(2000, "Keep the URL to 2,000 characters or fewer.")
  .refine((v) => URL.canParse(v), "Enter a full URL starting with https:// or http://.")
  .refine((v) => !URL.canParse(v) || ["http:", "https:"].includes(new URL(v).protocol), "Use an https:// or http:// URL.")
  .refine((v) => !URL.canParse(v) || (new URL(v).username === "" && new URL(v).password === ""), "Remove the user name and password from the URL; events are signed instead.")
  .meta({ description: "Where events are POSTed. In production mode it must resolve to public addresses only.", example: "https://example.com/switchboard/events" });

export const webhookEvents = z
  .array(z.enum(webhookEventTypes, { error: `Choose events from: ${webhookEventTypes.join(", ")}.` }))
  .max(webhookEventTypes.length)
  .transform((events) => [...new Set(events)])
  .meta({ description: "The events sent to this endpoint; an empty list sends every event." });

const description = z
  .string()
  .trim()
  .max(200, "Keep the description to 200 characters or fewer.")
  .refine((v) => !CONTROL.test(v), "Remove line breaks and other control characters.")
  .meta({ description: "What this endpoint is, for the people reading the Webhooks page." });

export const createWebhookEndpointInput = z.strictObject({
  url: webhookUrl,
  description: description.default(""),
  events: webhookEvents.default([]),
  enabled: z.boolean().default(true).meta({ description: "A disabled endpoint receives nothing; events of that time are not sent later." }),
});
export type CreateWebhookEndpointInput = z.output<typeof createWebhookEndpointInput>;
export type CreateWebhookEndpointFields = z.input<typeof createWebhookEndpointInput>;

export const updateWebhookEndpointInput = z.strictObject({
  url: webhookUrl.optional(),
  description: description.optional(),
  events: webhookEvents.optional(),
  enabled: z.boolean().optional().meta({ description: "Enabling again resumes the deliveries that were pending when it was disabled." }),
});
export type UpdateWebhookEndpointInput = z.output<typeof updateWebhookEndpointInput>;

/** What the console and the API show of an endpoint: never the signing secret. */
export type WebhookEndpointView = {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  /** Why the console disabled it (failing for days); null when enabled or disabled by a person. */
  disabledReason: string | null;
  /** Since when its deliveries fail (no success since); null while it answers. */
  failingSince: string | null;
  createdAt: string;
};

/** The answer to a create: the only time the signing secret is shown. */
export type CreatedWebhookEndpoint = { endpoint: WebhookEndpointView; secret: string };

export type WebhookDeliveryView = {
  id: string;
  /** The `webhook-id` header: the same on every attempt of this event. */
  messageId: string;
  event: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  statusCode: number | null;
  latencyMs: number | null;
  /** The first characters of the receiver's answer, or why there was none. */
  response: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
};

export const deliveryLogQuery = z.strictObject({
  status: z.enum(["pending", "delivered", "failed"]).optional().meta({ description: "Only deliveries in this state." }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ description: "How many, newest first (1-200)." }),
});
