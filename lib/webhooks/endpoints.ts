import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { WebhookEndpoint } from "@/lib/db/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";
import type { SpaceContext } from "@/lib/spaces/context";
import { webhookUrlProblem } from "./address-policy";
import { isWebhookEventType, type WebhookEventType } from "./events";
import { resumeEndpointDeliveries } from "./resume-deliveries";
import type { CreateWebhookEndpointInput, CreatedWebhookEndpoint, UpdateWebhookEndpointInput, WebhookEndpointView } from "./schemas";
import { generateSigningSecret, sealSigningSecret } from "./signing-secret";

// A Space's webhook endpoints: listed by any member, managed by owners and admins (an
// endpoint receives every call's numbers). The signing secret is shown once, on create.

const MAX_ENDPOINTS = 20;

export function toEndpointView(row: WebhookEndpoint): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events.filter(isWebhookEventType) as WebhookEventType[],
    enabled: row.enabled,
    disabledReason: row.enabled ? null : row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function assertCanManageWebhooks(ctx: SpaceContext): void {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can manage webhooks.");
}

async function assertUrlAllowed(url: string): Promise<void> {
  const problem = await webhookUrlProblem(url, serverEnv().DEPLOYMENT_MODE);
  if (problem) throw new ValidationError(problem, { url: [problem] });
}

export async function findEndpoint(ctx: SpaceContext, endpointId: string): Promise<WebhookEndpoint> {
  const row = await db().webhookEndpoint.findFirst({ where: { id: endpointId, spaceId: ctx.spaceId } });
  if (!row) throw new NotFoundError("Webhook endpoint not found");
  return row;
}

export async function listWebhookEndpoints(ctx: SpaceContext): Promise<WebhookEndpointView[]> {
  const rows = await db().webhookEndpoint.findMany({ where: { spaceId: ctx.spaceId }, orderBy: { createdAt: "asc" } });
  return rows.map(toEndpointView);
}

export async function getWebhookEndpoint(ctx: SpaceContext, endpointId: string): Promise<WebhookEndpointView> {
  return toEndpointView(await findEndpoint(ctx, endpointId));
}

export async function createWebhookEndpoint(ctx: SpaceContext, input: CreateWebhookEndpointInput): Promise<CreatedWebhookEndpoint> {
  assertCanManageWebhooks(ctx);
  await assertUrlAllowed(input.url);
  if ((await db().webhookEndpoint.count({ where: { spaceId: ctx.spaceId } })) >= MAX_ENDPOINTS) {
    throw new ValidationError(`A Space can have at most ${MAX_ENDPOINTS} webhook endpoints.`, { url: [`Remove an endpoint first: at most ${MAX_ENDPOINTS} per Space.`] });
  }
  const secret = generateSigningSecret();
  const row = await db().$transaction(async (tx) => {
    // The id is bound into the sealed secret, so the row is created, then sealed.
    const created = await tx.webhookEndpoint.create({
      data: { spaceId: ctx.spaceId, url: input.url, description: input.description, events: input.events, enabled: input.enabled, secretEnc: "" },
    });
    return tx.webhookEndpoint.update({ where: { id: created.id }, data: { secretEnc: sealSigningSecret(credentialsKeyring(), created.id, secret) } });
  });
  return { endpoint: toEndpointView(row), secret };
}

export async function updateWebhookEndpoint(ctx: SpaceContext, endpointId: string, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointView> {
  assertCanManageWebhooks(ctx);
  const current = await findEndpoint(ctx, endpointId);
  if (input.url !== undefined && input.url !== current.url) await assertUrlAllowed(input.url);
  const enabling = input.enabled === true && !current.enabled;
  const row = await db().$transaction(async (tx) => {
    const updated = await tx.webhookEndpoint.update({
      where: { id: current.id },
      data: {
        url: input.url,
        description: input.description,
        events: input.events,
        enabled: input.enabled,
        // Enabled by a person: the automatic notice and the failing clock start over.
        ...(enabling ? { disabledReason: null, failingSince: null } : {}),
        ...(input.enabled === false ? { disabledReason: null } : {}),
      },
    });
    if (enabling) await resumeEndpointDeliveries(tx, current.id);
    return updated;
  });
  return toEndpointView(row);
}

export async function deleteWebhookEndpoint(ctx: SpaceContext, endpointId: string): Promise<void> {
  assertCanManageWebhooks(ctx);
  const current = await findEndpoint(ctx, endpointId);
  // Its deliveries go with it (cascade); their queued jobs find no endpoint and end.
  await db().webhookEndpoint.deleteMany({ where: { id: current.id, spaceId: ctx.spaceId } });
}

/** A new signing secret, shown once; the old one stops signing at once. */
export async function rotateWebhookSecret(ctx: SpaceContext, endpointId: string): Promise<CreatedWebhookEndpoint> {
  assertCanManageWebhooks(ctx);
  const current = await findEndpoint(ctx, endpointId);
  const secret = generateSigningSecret();
  const row = await db().webhookEndpoint.update({ where: { id: current.id }, data: { secretEnc: sealSigningSecret(credentialsKeyring(), current.id, secret) } });
  return { endpoint: toEndpointView(row), secret };
}
