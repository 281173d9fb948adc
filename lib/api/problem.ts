import { ConflictError, ForbiddenError, NotFoundError, RateLimitedError, UpstreamError, ValidationError, type FieldErrors } from "@/lib/errors";

// RFC 9457 problem+json responses. The only place that turns errors into HTTP for the REST
// API; LiveKit's own text and unknown errors never reach the body.

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
};

// `extra` may carry extension members (RFC 9457 §3.2), e.g. the saved account on a 503.
export function problem(status: number, title: string, extra: Partial<Problem> & Record<string, unknown> = {}, headers: HeadersInit = {}): Response {
  const body: Problem = { type: "about:blank", title, status, ...extra };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...headers },
  });
}

function fieldList(fieldErrors: FieldErrors) {
  return Object.entries(fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

export function validationProblem(fieldErrors: FieldErrors, detail = "Some fields are not valid."): Response {
  return problem(422, "Validation failed", { detail, errors: fieldList(fieldErrors) });
}

/** The one body for "not yours or not there": a missing id and another Space's look the same. */
export function notFoundProblem(): Response {
  return problem(404, "Not found", { detail: "No such resource." });
}

export function unauthorizedProblem(detail = "Sign in or send an API key (Authorization: Bearer sb_live_...)."): Response {
  return problem(401, "Unauthorized", { detail }, { "www-authenticate": 'Bearer realm="switchboard"' });
}

export function tooManyRequestsProblem(retryAfterSeconds: number, detail = `This operation is rate limited per Space. Retry in ${retryAfterSeconds} s.`): Response {
  return problem(429, "Too many requests", { detail }, { "retry-after": String(retryAfterSeconds) });
}

// Responses that report a saved row whose LiveKit side failed: an Idempotency-Key replays them
// (a retry must not save twice), unlike other failures.
const savedButUnavailableResponses = new WeakSet<Response>();

/** 503 for a write that was saved but could not reach LiveKit; `extension` carries the saved resource. */
export function savedButUnavailable(detail: string | undefined, extension: Record<string, unknown>): Response {
  const response = problem(503, "Saved, but LiveKit is unavailable", { detail, ...extension });
  savedButUnavailableResponses.add(response);
  return response;
}

export function isSavedButUnavailable(response: Response): boolean {
  return savedButUnavailableResponses.has(response);
}

export function errorToProblem(err: unknown): Response {
  if (err instanceof ValidationError) return validationProblem(err.fieldErrors, err.message);
  if (err instanceof ConflictError) return problem(409, "Conflict", { detail: err.message, errors: fieldList(err.fieldErrors) });
  if (err instanceof NotFoundError) return notFoundProblem();
  if (err instanceof ForbiddenError) return problem(403, "Forbidden", { detail: err.message });
  if (err instanceof RateLimitedError) return tooManyRequestsProblem(err.retryAfterSeconds, err.message);
  if (err instanceof UpstreamError) {
    console.error("[api] upstream error", err.cause ?? err);
    return problem(503, "LiveKit unavailable", { detail: err.publicMessage });
  }
  console.error("[api] unexpected error", err);
  return problem(500, "Internal error", { detail: "Something went wrong on our side." });
}
