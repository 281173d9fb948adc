"use server";

import { z } from "zod";
import { spaceAction } from "@/lib/actions/space-action";
import { redeliverWebhook, sendTestWebhook } from "./deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, rotateWebhookSecret, updateWebhookEndpoint } from "./endpoints";
import { createWebhookEndpointInput, updateWebhookEndpointInput } from "./schemas";

// The console's writes on webhooks (Settings → Webhooks); reads go through the REST GETs
// (components/webhooks/use-webhooks.ts).

const endpointRef = z.object({ endpointId: z.string().min(1).max(64) });
const deliveryRef = endpointRef.extend({ deliveryId: z.string().min(1).max(64) });

export const createWebhookEndpointAction = spaceAction(createWebhookEndpointInput, createWebhookEndpoint);
export const updateWebhookEndpointAction = spaceAction(endpointRef.extend({ changes: updateWebhookEndpointInput }), (ctx, input) => updateWebhookEndpoint(ctx, input.endpointId, input.changes));
export const deleteWebhookEndpointAction = spaceAction(endpointRef, (ctx, input) => deleteWebhookEndpoint(ctx, input.endpointId));
export const rotateWebhookSecretAction = spaceAction(endpointRef, (ctx, input) => rotateWebhookSecret(ctx, input.endpointId));
export const sendTestWebhookAction = spaceAction(endpointRef, (ctx, input) => sendTestWebhook(ctx, input.endpointId));
export const redeliverWebhookAction = spaceAction(deliveryRef, (ctx, input) => redeliverWebhook(ctx, input.endpointId, input.deliveryId));
