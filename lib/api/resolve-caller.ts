import "server-only";
import { authenticateApiKey } from "@/lib/api-keys/service";
import { bearerSecret } from "@/lib/api-keys/key-secret";
import { currentUser } from "@/lib/auth/session";
import type { SpaceContext } from "@/lib/spaces/context";
import { findMembership } from "@/lib/spaces/service";
import { notFoundProblem, unauthorizedProblem } from "./problem";

/** Who is calling, in the Space of the URL, and the credential idempotency keys are scoped to. */
export type Caller = { ctx: SpaceContext; credential: string };

/**
 * An `Authorization` header wins over a session cookie: a bad or revoked key is a 401 even
 * in a signed-in browser. A key works only on its own Space's URLs; elsewhere it gets the
 * same 404 as a missing id, as does a signed-in user who is not a member.
 */
export async function resolveCaller(request: Request, spaceId: string): Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const secret = bearerSecret(authorization);
    const key = secret ? await authenticateApiKey(secret) : null;
    if (!key) return { ok: false, response: unauthorizedProblem("The API key is not valid or has been revoked.") };
    if (key.spaceId !== spaceId) return { ok: false, response: notFoundProblem() };
    return { ok: true, caller: { ctx: { userId: `api-key:${key.id}`, spaceId, role: key.role, apiKeyId: key.id }, credential: `key:${key.id}` } };
  }
  const user = await currentUser();
  if (!user) return { ok: false, response: unauthorizedProblem() };
  const membership = await findMembership(user.id, spaceId);
  if (!membership) return { ok: false, response: notFoundProblem() };
  return { ok: true, caller: { ctx: { userId: user.id, spaceId, role: membership.role }, credential: `user:${user.id}` } };
}

/**
 * For routes whose URL names no Space (the BYOC API): the API key is the only credential and
 * its Space is the caller's Space. A session cookie alone is a 401, since nothing would say
 * which of the user's Spaces is meant.
 */
export async function resolveKeyCaller(request: Request): Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) return { ok: false, response: unauthorizedProblem("Send an API key of the Space (Authorization: Bearer sb_live_...); this API takes no session.") };
  const secret = bearerSecret(authorization);
  const key = secret ? await authenticateApiKey(secret) : null;
  if (!key) return { ok: false, response: unauthorizedProblem("The API key is not valid or has been revoked.") };
  return { ok: true, caller: { ctx: { userId: `api-key:${key.id}`, spaceId: key.spaceId, role: key.role, apiKeyId: key.id }, credential: `key:${key.id}` } };
}
