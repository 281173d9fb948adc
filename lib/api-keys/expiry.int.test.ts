import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { createApiKeyInput } from "./schemas";
import { authenticateApiKey, createApiKey } from "./service";

// API keys with an optional expiry, against the real database.

let ctx: SpaceContext;

beforeAll(async () => {
  const space = await db().space.create({ data: { name: `keys-${randomBytes(4).toString("hex")}` } });
  ctx = { userId: "keys-owner", spaceId: space.id, role: "OWNER" };
});

afterAll(async () => {
  await db().space.deleteMany({ where: { id: ctx.spaceId } });
});

describe("an API key's expiry", () => {
  it("authenticates until its expiry and never from then on", async () => {
    const made = await createApiKey(ctx, createApiKeyInput.parse({ name: "Week key", role: "MEMBER", expiresInDays: 7 }));
    const expiresAt = new Date(made.key.expiresAt!);
    expect(Math.abs(expiresAt.getTime() - (Date.now() + 7 * 86_400_000))).toBeLessThan(60_000);
    await expect(authenticateApiKey(made.secret)).resolves.toMatchObject({ id: made.key.id, spaceId: ctx.spaceId, role: "MEMBER" });
    await expect(authenticateApiKey(made.secret, new Date(expiresAt.getTime() - 1000))).resolves.not.toBeNull();
    await expect(authenticateApiKey(made.secret, expiresAt)).resolves.toBeNull();
    await expect(authenticateApiKey(made.secret, new Date(expiresAt.getTime() + 86_400_000))).resolves.toBeNull();
  });

  it("never expires without expiresInDays", async () => {
    const made = await createApiKey(ctx, createApiKeyInput.parse({ name: "Forever key", role: "ADMIN" }));
    expect(made.key.expiresAt).toBeNull();
    await expect(authenticateApiKey(made.secret, new Date(Date.now() + 20 * 365 * 86_400_000))).resolves.not.toBeNull();
  });
});
