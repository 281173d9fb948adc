import "server-only";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import { currentUser } from "@/lib/auth/session";
import type { SpaceContext } from "@/lib/spaces/context";
import { findMembership } from "@/lib/spaces/service";
import { errorToProblem, problem, validationProblem } from "./problem";

type Params = Record<string, string>;
type Handler<P extends Params> = (args: { ctx: SpaceContext; params: P; request: Request }) => Promise<Response>;

/**
 * Wraps a REST route under /api/v1/spaces/{spaceId}: resolves the signed-in caller's
 * membership of the Space in the URL (a Space they are not in is the same 404 as a missing
 * one) and maps thrown domain errors to problem+json.
 */
export function withSpaceRoute<P extends Params & { spaceId: string }>(handler: Handler<P>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const resolved = await params;
    const user = await currentUser();
    if (!user) return problem(401, "Unauthorized", { detail: "Sign in or send an API key." });
    const membership = await findMembership(user.id, resolved.spaceId);
    if (!membership) return problem(404, "Not found", { detail: "No such resource." });
    try {
      return await handler({ ctx: { userId: user.id, spaceId: resolved.spaceId, role: membership.role }, params: resolved, request });
    } catch (err) {
      return errorToProblem(err);
    }
  };
}

/** Reads a JSON object body: 400 when it is not JSON or names fields the route does not accept. */
export async function readJsonBody(request: Request, allowedKeys: readonly string[]): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return { ok: false, response: problem(400, "Bad request", { detail: "The body must be a JSON object." }) };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, response: problem(400, "Bad request", { detail: "The body must be a JSON object." }) };
  }
  // Refusing unknown fields stops mass assignment (spaceId, trunk ids, status...).
  const unknown = Object.keys(body).filter((k) => !allowedKeys.includes(k));
  if (unknown.length > 0) {
    return {
      ok: false,
      response: problem(400, "Unknown fields", { detail: `These fields cannot be set: ${unknown.join(", ")}.`, errors: unknown.map((path) => ({ path, message: "Not a field of this resource." })) }),
    };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

export function parseOr422<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: validationProblem(fieldErrorsOf(parsed.error)) };
}
