import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { errorToProblem, problem } from "@/lib/api/problem";
import { serverEnv } from "@/lib/env";
import { KIB, readCappedBody, withBodyText } from "@/lib/http/read-capped-body";
import type { SpaceContext } from "@/lib/spaces/context";
import { internalCallerAllowed } from "./internal-network";

// The console's internal API for the agent worker (/api/internal/...): no session, a shared
// bearer secret (WORKER_INTERNAL_TOKEN) instead. Without that setting the internal API
// refuses everything, so a console that runs no worker exposes nothing.

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const m = header ? /^Bearer ([\x21-\x7e]{1,512})$/.exec(header) : null;
  return m?.[1] ?? null;
}

/** Constant-time: both sides are hashed first, so neither the content nor the length leaks through timing. */
export function tokensMatch(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && expected.length > 0;
}

export function isWorkerRequest(request: Request, expected: string | undefined): boolean {
  const given = bearerToken(request);
  return given !== null && expected !== undefined && tokensMatch(given, expected);
}

/**
 * The worker acts inside the Space its job metadata names, with the weakest role: it only
 * ever reads, and every query stays scoped to that Space as for a member.
 */
export function workerSpaceContext(spaceId: string): SpaceContext {
  return { userId: "agent-worker", spaceId, role: "MEMBER" };
}

export const INTERNAL_MAX_BODY_BYTES = 64 * KIB;

type Handler<P> = (args: { params: P; request: Request }) => Promise<Response>;

/**
 * Wraps an internal route: 401 unless the bearer token `expectedToken()` names is presented;
 * domain errors to problem+json. The worker and the SIP edge each have a token of their own.
 */
export function withInternalRoute(expectedToken: () => string | undefined, audience: string) {
  return function wrap<P extends Record<string, string>>(handler: Handler<P>) {
    return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
      // Internal reports are small; a larger body is refused unread, before the token.
      const body = await readCappedBody(request, INTERNAL_MAX_BODY_BYTES);
      if (!body.ok) return problem(413, "Payload too large", { detail: `The body is larger than ${INTERNAL_MAX_BODY_BYTES} bytes.` });
      if (!internalCallerAllowed(request, serverEnv().INTERNAL_API_ALLOWED_ADDRESSES)) {
        return problem(403, "Forbidden", { detail: `This API is for ${audience}, on the console's internal network.` });
      }
      if (!isWorkerRequest(request, expectedToken())) {
        return problem(401, "Unauthorized", { detail: `This API is for ${audience}.` }, { "www-authenticate": "Bearer" });
      }
      try {
        return await handler({ params: await params, request: withBodyText(request, body.text) });
      } catch (err) {
        return errorToProblem(err);
      }
    };
  };
}

/** The agent worker's routes (WORKER_INTERNAL_TOKEN). */
export const withWorkerRoute = withInternalRoute(() => serverEnv().WORKER_INTERNAL_TOKEN, "the agent worker");
