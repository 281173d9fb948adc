// Domain errors thrown by services. Faces (route handlers, server actions) map them to
// responses; nothing else decides what the browser sees.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The id does not exist in the caller's Space (or exists only in another Space). */
export class NotFoundError extends DomainError {}

/** The change collides with existing state (a number bound elsewhere, a name taken). */
export class ConflictError extends DomainError {
  constructor(message: string, readonly fieldErrors: FieldErrors = {}) {
    super(message);
  }
}

/** Input the schema could not catch (uniqueness, cross-field rules checked in the service). */
export class ValidationError extends DomainError {
  constructor(message: string, readonly fieldErrors: FieldErrors = {}) {
    super(message);
  }
}

/** The caller is signed in but their role does not allow the action. */
export class ForbiddenError extends DomainError {}

/**
 * LiveKit (or another upstream) was unreachable or refused the request. `publicMessage` is
 * safe for the browser; `cause` keeps the raw upstream error for the server log only.
 */
export class UpstreamError extends DomainError {
  constructor(
    readonly publicMessage: string,
    readonly kind: "unreachable" | "rejected",
    options?: { cause?: unknown },
  ) {
    super(publicMessage);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * The Space has spent its budget for an operation (lib/rate-limits/). `message` is safe for
 * the browser and names the operation and the wait.
 */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
