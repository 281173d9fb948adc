import "server-only";
import { db, isUniqueViolation } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { idempotencyHashKey, idempotencyRequestHash, isValidIdempotencyKey } from "./idempotency-hash";
import { isSavedButUnavailable, problem } from "./problem";

// Idempotency-Key on creates: the first response to a (Space, credential, key) is stored in
// PostgreSQL for 24 hours and replayed to a retry of the same request; the same key with
// another request is refused. Stored: successes, and "saved, but LiveKit is unavailable"
// (a row exists, so a retry must not create a second). Not stored: refusals (400, 403, 409,
// 422...) and unexpected failures, so the client can fix the request and retry with the key.
//
// A claim is never taken over: a request whose process died mid-way may have done its work
// (queued a call, created an account), so running it again could do it twice. Its key answers
// 409 until the record expires, saying the outcome is unknown; the client checks and uses a
// new key. The request fingerprint is an HMAC under a server key (./idempotency-hash.ts).

const TTL_MS = 24 * 3600_000;
/** A claim older than this with no response most likely belongs to a request that died with its process. */
const ABANDONED_MS = 5 * 60_000;

let hashKey: Buffer | undefined;
const requestHashKey = () => (hashKey ??= idempotencyHashKey(serverEnv().NEXTAUTH_SECRET));
const SWEEP_EVERY_MS = 10 * 60_000;

const globalForSweep = globalThis as typeof globalThis & { __switchboardIdempotencySweep?: number };

async function sweepExpired(now: Date): Promise<void> {
  const last = globalForSweep.__switchboardIdempotencySweep ?? 0;
  if (now.getTime() - last < SWEEP_EVERY_MS) return;
  globalForSweep.__switchboardIdempotencySweep = now.getTime();
  await db().idempotencyRecord.deleteMany({ where: { expiresAt: { lt: now } } });
}

function shouldStore(response: Response): boolean {
  return (response.status >= 200 && response.status < 300) || isSavedButUnavailable(response);
}

type Scope = { spaceId: string; credential: string };
type Claim = { id: string } | { response: Response };

async function claim(scope: Scope, key: string, requestHash: string): Promise<Claim> {
  const where = { spaceId_credential_key: { ...scope, key } };
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    try {
      const row = await db().idempotencyRecord.create({ data: { ...scope, key, requestHash, expiresAt: new Date(now.getTime() + TTL_MS) } });
      return { id: row.id };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const existing = await db().idempotencyRecord.findUnique({ where });
    if (!existing) continue;
    if (existing.expiresAt < now) {
      await db().idempotencyRecord.deleteMany({ where: { id: existing.id, status: existing.status } });
      continue;
    }
    if (existing.requestHash !== requestHash) {
      return {
        response: problem(422, "Idempotency-Key reused with a different request", {
          detail: "This Idempotency-Key was first used with another method, path or body. Use a new key for a new request.",
          errors: [{ path: "Idempotency-Key", message: "Already used for a different request." }],
        }),
      };
    }
    if (existing.status === null && existing.createdAt.getTime() < now.getTime() - ABANDONED_MS) {
      return {
        response: problem(409, "Outcome unknown", {
          detail:
            "The first request with this Idempotency-Key did not finish (its server may have stopped), so whether it took effect is unknown; it is never run again. Check whether it took effect, then use a new key.",
        }),
      };
    }
    if (existing.status === null) {
      return {
        response: problem(409, "Request in progress", { detail: "A request with this Idempotency-Key is still running. Retry once it has finished." }, { "retry-after": "1" }),
      };
    }
    return {
      response: new Response(existing.responseBody, {
        status: existing.status,
        headers: { "content-type": existing.contentType ?? "application/json", "idempotent-replayed": "true" },
      }),
    };
  }
  return { response: problem(409, "Request in progress", { detail: "Retry with this Idempotency-Key in a moment." }, { "retry-after": "1" }) };
}

/**
 * Runs `run` at most once per Idempotency-Key. `run` must not throw (the route wrapper turns
 * errors into problem responses first); if it does, the key is released.
 */
export async function withIdempotency(request: Request, bodyText: string, scope: Scope, run: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return run();
  if (!isValidIdempotencyKey(key)) {
    return problem(400, "Invalid Idempotency-Key", { detail: "Use 1 to 255 visible ASCII characters, e.g. a UUID." });
  }
  await sweepExpired(new Date());
  const claimed = await claim(scope, key, idempotencyRequestHash(requestHashKey(), request.method, new URL(request.url).pathname, bodyText));
  if ("response" in claimed) return claimed.response;

  let response: Response | undefined;
  try {
    response = await run();
  } finally {
    if (response && shouldStore(response)) {
      const responseBody = await response.clone().text();
      await db().idempotencyRecord.update({
        where: { id: claimed.id },
        data: { status: response.status, responseBody, contentType: response.headers.get("content-type") },
      });
    } else {
      await db().idempotencyRecord.deleteMany({ where: { id: claimed.id } });
    }
  }
  return response;
}
