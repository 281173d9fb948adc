import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import type { ApiKey } from "@/lib/db/generated/prisma/client";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { apiKeyMatches, generateApiKeySecret, hashApiKeySecret, isApiKeyShaped } from "./key-secret";
import type { ApiKeyView, CreateApiKeyInput, CreatedApiKey } from "./schemas";

// API keys of a Space: created by a signed-in owner or admin, listed by any member, revoked
// by an owner or admin. A key acts with its own role, never more than its creator's.

/** lastUsedAt is written at most once a minute per key, not on every request. */
const LAST_USE_RESOLUTION_MS = 60_000;

function toView(row: ApiKey): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function listApiKeys(ctx: SpaceContext): Promise<ApiKeyView[]> {
  const rows = await db().apiKey.findMany({ where: { spaceId: ctx.spaceId, revokedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map(toView);
}

export async function createApiKey(ctx: SpaceContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  // A leaked key must not be able to mint more keys that outlive its revocation.
  if (ctx.apiKeyId) throw new ForbiddenError("API keys cannot create API keys. Sign in to the console to create one.");
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can create API keys.");
  if (!roleAtLeast(ctx.role, input.role)) {
    throw new ValidationError("A key cannot have more rights than you", { role: ["You can give a key at most your own role."] });
  }
  const made = generateApiKeySecret();
  const row = await db().apiKey.create({
    data: {
      spaceId: ctx.spaceId, name: input.name, role: input.role, prefix: made.prefix, secretHash: made.hash, createdById: ctx.userId,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    },
  });
  return { key: toView(row), secret: made.secret };
}

export async function revokeApiKey(ctx: SpaceContext, keyId: string): Promise<void> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can revoke API keys.");
  const row = await db().apiKey.findFirst({ where: { id: keyId, spaceId: ctx.spaceId, revokedAt: null } });
  if (!row) throw new NotFoundError("API key not found");
  if (!roleAtLeast(ctx.role, row.role)) throw new ForbiddenError("Only an owner can revoke an owner's key.");
  await db().apiKey.updateMany({ where: { id: row.id, spaceId: ctx.spaceId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type AuthenticatedKey = { id: string; spaceId: string; role: ApiKey["role"] };

/** The live key a presented secret names, or null (unknown, revoked, expired or malformed: the caller answers 401). */
export async function authenticateApiKey(secret: string, now = new Date()): Promise<AuthenticatedKey | null> {
  if (!isApiKeyShaped(secret)) return null;
  const row = await db().apiKey.findUnique({ where: { secretHash: hashApiKeySecret(secret) } });
  if (!row || row.revokedAt !== null || !apiKeyMatches(secret, row.secretHash)) return null;
  if (row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime()) return null;
  const stale = new Date(Date.now() - LAST_USE_RESOLUTION_MS);
  await db().apiKey.updateMany({ where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] }, data: { lastUsedAt: new Date() } });
  return { id: row.id, spaceId: row.spaceId, role: row.role };
}
