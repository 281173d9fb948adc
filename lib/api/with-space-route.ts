import "server-only";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/actions/space-action";
import type { SpaceContext } from "@/lib/spaces/context";
import { serverEnv } from "@/lib/env";
import { MIB, readCappedBody, withBodyText } from "@/lib/http/read-capped-body";
import { consoleOrigins, cookieWriteRefusal } from "./cookie-write-guard";
import { withIdempotency } from "./idempotency";
import { errorToProblem, problem, validationProblem } from "./problem";
import { resolveCaller, type Caller } from "./resolve-caller";

type Params = Record<string, string>;
type Handler<P extends Params> = (args: { ctx: SpaceContext; params: P; request: Request }) => Promise<Response>;

/** A REST body over this is a 413, unread. A 10,000-row batch with short variables is ~0.6 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1 * MIB;

// No rate-limit option: limits are the services' (lib/rate-limits/), so server actions spend
// the same budgets, and a RateLimitedError maps to 429 with Retry-After like any domain error.
export type RouteOptions = {
  /** Honour Idempotency-Key: a retry of the same request replays the first response. */
  idempotent?: boolean;
  /** The operation takes no body: anything but nothing or {} is a 400, so no field slips in. */
  noBody?: boolean;
  /** Largest body accepted, in bytes (default DEFAULT_MAX_BODY_BYTES). */
  maxBodyBytes?: number;
};

/**
 * Wraps a REST route under /api/v1/spaces/{spaceId}: resolves the caller (API key or
 * session) in the Space of the URL (another Space is the same 404 as a missing one), applies
 * idempotency, and maps thrown domain errors to problem+json.
 */
export function withSpaceRoute<P extends Params & { spaceId: string }>(handler: Handler<P>, options: RouteOptions = {}) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const resolved = await params;
    const who = await resolveCaller(request, resolved.spaceId);
    if (!who.ok) return who.response;
    return runAsCaller(request, who.caller, (ctx, req) => handler({ ctx, params: resolved, request: req }), options);
  };
}

/**
 * What every REST wrapper does once the caller is known: the body rules, idempotency, and
 * thrown domain errors mapped to problem+json.
 */
export async function runAsCaller(request: Request, caller: Caller, handler: (ctx: SpaceContext, request: Request) => Promise<Response>, options: RouteOptions): Promise<Response> {
  const { ctx, credential } = caller;
  // Read once, capped, before anything parses it; the handler gets a copy holding the text.
  const body = await readCappedBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
  if (!body.ok) return problem(413, "Payload too large", { detail: `The body is larger than ${options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes.` });
  const bodyText = body.text;
  if (credential.startsWith("user:")) {
    const refusal = cookieWriteRefusal(request, consoleOrigins(request, serverEnv().NEXTAUTH_URL), bodyText);
    if (refusal) return problem(refusal.status, refusal.status === 403 ? "Forbidden" : "Unsupported media type", { detail: refusal.detail });
  }
  if (options.noBody && !isEmptyBody(bodyText)) {
    return problem(400, "Unknown fields", { detail: "This operation takes no body." });
  }
  const readable = withBodyText(request, bodyText);
  const run = async () => {
    try {
      return await handler(ctx, readable);
    } catch (err) {
      return errorToProblem(err);
    }
  };
  try {
    return options.idempotent ? await withIdempotency(readable, bodyText, { spaceId: ctx.spaceId, credential }, run) : await run();
  } catch (err) {
    return errorToProblem(err);
  }
}

function isEmptyBody(text: string): boolean {
  const t = text.trim();
  if (t === "") return true;
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
  } catch {
    return false;
  }
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

// Messages for issues the schemas leave to zod (a field missing or of the wrong type). They
// name the expected type only: a value (a password...) is never echoed back.
const restErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== "invalid_type") return undefined;
  return issue.input === undefined ? "This field is required." : `Expected ${issue.expected}.`;
};

export function parseOr422<S extends z.ZodType>(schema: S, value: unknown): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(value, { error: restErrorMap });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, response: validationProblem(fieldErrorsOf(parsed.error)) };
}

/**
 * Reads a body against a REST schema (a z.strictObject, the same one the OpenAPI document
 * shows): unknown fields are a 400, invalid ones a 422 with their paths. `raw` is the body as
 * sent, for the PATCH mappers that tell an absent field from a null one.
 */
export async function parseBody<S extends z.ZodObject>(request: Request, schema: S): Promise<{ ok: true; raw: Record<string, unknown>; data: z.output<S> } | { ok: false; response: Response }> {
  const body = await readJsonBody(request, Object.keys(schema.shape));
  if (!body.ok) return body;
  const parsed = parseOr422(schema, body.body);
  if (!parsed.ok) return parsed;
  return { ok: true, raw: body.body, data: parsed.data };
}
