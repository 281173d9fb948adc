import { afterAll, describe, expect, it } from "vitest";
import { startWebhookReceiver, waitFor } from "@/e2e/webhook-receiver";
import { ownerSpace } from "@/dispatcher/test/call-fixtures";
import { startDispatcher } from "@/dispatcher/test/dispatcher-process";
import { db } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { sendTestWebhook } from "./deliveries";
import { createWebhookEndpoint } from "./endpoints";
import { generateSigningSecret, sealSigningSecret } from "./signing-secret";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";

// Production mode: webhooks go to public addresses only. This file's services read the
// environment once, so production mode is set before anything reads it (vitest runs each
// file in its own module registry).
process.env.DEPLOYMENT_MODE = "production";
// Production refuses the local stack's published LiveKit secret; nothing here talks to LiveKit.
const liveKitSettings = { LIVEKIT_URL: process.env.LIVEKIT_URL, LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY, LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET };
for (const name of Object.keys(liveKitSettings)) process.env[name] = "";

const cleanup: (() => Promise<void>)[] = [async () => void Object.assign(process.env, { DEPLOYMENT_MODE: "local", ...liveKitSettings })];
afterAll(async () => {
  for (const c of cleanup.splice(0)) await c();
});

describe("webhooks in production mode", () => {
  it("refuses a URL to 127.0.0.1 or a name resolving to it on save, and never sends to one stored before", async () => {
    const ctx = await ownerSpace("Prod");
    const r = await startWebhookReceiver();
    cleanup.push(() => r.close());

    for (const url of [r.url, r.url.replace("127.0.0.1", "localhost"), "http://10.0.0.8/hooks", "http://169.254.169.254/latest"]) {
      const refused = await createWebhookEndpoint(ctx, { url, description: "", events: [], enabled: true }).catch((e: unknown) => e);
      expect(refused, url).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).fieldErrors?.url?.[0], url).toMatch(/not public|could not be resolved/);
    }
    expect(await db().webhookEndpoint.count({ where: { spaceId: ctx.spaceId } })).toBe(0);

    // An endpoint saved while the deployment ran in local mode: refused again at send time.
    const stored = await db().webhookEndpoint.create({ data: { spaceId: ctx.spaceId, url: r.url, events: [], secretEnc: "" } });
    await db().webhookEndpoint.update({ where: { id: stored.id }, data: { secretEnc: sealSigningSecret(credentialsKeyring(), stored.id, generateSigningSecret()) } });
    const d = await startDispatcher({ DATABASE_URL: process.env.DATABASE_URL, LIVEKIT_URL: "", LIVEKIT_API_KEY: "", LIVEKIT_API_SECRET: "", CREDENTIALS_KEYS: process.env.CREDENTIALS_KEYS, DEPLOYMENT_MODE: "production" });
    cleanup.push(() => d.stop());
    const delivery = await sendTestWebhook(ctx, stored.id);
    await waitFor(async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).attempts >= 1, 15_000, "the refused attempt");
    const row = await db().webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(row).toMatchObject({ status: "pending", lastStatusCode: null });
    expect(row.lastResponse).toMatch(/Not sent: 127\.0\.0\.1 resolves to an address that is not public/);
    expect(r.attempts).toHaveLength(0);
  }, 60_000);
});
