import { ServerError } from "livekit-server-sdk";
import { UpstreamError } from "@/lib/errors";

// Turns whatever a LiveKit call threw into our UpstreamError. LiveKit's own text (which can
// name other trunks, numbers or internal state) stays in `cause` for the server log; the
// public message is ours and names only the action.

/** Our error for a failed LiveKit call; `status` and `code` let services branch on it. */
export class LiveKitError extends UpstreamError {
  constructor(
    publicMessage: string,
    kind: "unreachable" | "rejected",
    /** HTTP status LiveKit answered with; undefined when no answer came. */
    readonly status: number | undefined,
    /** Twirp error code such as "invalid_argument" or "not_found" (an enum, never free text). */
    readonly code: string | undefined,
    options: { cause: unknown },
  ) {
    super(publicMessage, kind, options);
  }
}

export const LIVEKIT_NOT_CONFIGURED =
  "LiveKit is not configured for this console. Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET in .env and restart it.";

/** What every LiveKit call fails with when the console has no LiveKit settings. */
export function liveKitNotConfiguredError(): LiveKitError {
  return new LiveKitError(LIVEKIT_NOT_CONFIGURED, "unreachable", undefined, "not_configured", { cause: new Error("LIVEKIT_* unset") });
}

export function isLiveKitNotConfigured(err: unknown): boolean {
  return err instanceof LiveKitError && err.code === "not_configured";
}

// A proxy in front of LiveKit answers these when LiveKit itself is down.
const GATEWAY_STATUSES = new Set([502, 503, 504]);

const NETWORK_ERROR_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
]);

const TWIRP_CODE = /^[a-z_]{1,40}$/;

function errorCode(err: unknown): string | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** True for failures where no answer came from LiveKit: refused, reset, DNS, timeout. */
export function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  // fetch() rejects with AbortError/TimeoutError when the SDK's request timeout fires.
  if (err.name === "AbortError" || err.name === "TimeoutError") return true;
  const code = errorCode(err) ?? errorCode(err.cause);
  if (code && NETWORK_ERROR_CODES.has(code)) return true;
  // undici reports every transport failure as TypeError("fetch failed") with the reason as cause.
  return err instanceof TypeError && err.message === "fetch failed";
}

/**
 * Maps an error thrown by a LiveKit call to a LiveKitError. `action` is our own wording of
 * what was attempted ("create the inbound trunk"); it is the only variable part of the
 * public message. Errors that did not come from LiveKit (bugs in our code) pass through.
 */
export function toUpstreamError(err: unknown, action: string): unknown {
  if (err instanceof UpstreamError) return err;
  if (isNetworkError(err)) {
    return new LiveKitError(`LiveKit is not reachable, so we could not ${action}. Try again in a moment.`, "unreachable", undefined, undefined, { cause: err });
  }
  if (err instanceof ServerError) {
    const status = err.status;
    const code = typeof err.code === "string" && TWIRP_CODE.test(err.code) ? err.code : undefined;
    if (GATEWAY_STATUSES.has(status)) {
      return new LiveKitError(`LiveKit is not reachable, so we could not ${action}. Try again in a moment.`, "unreachable", status, code, { cause: err });
    }
    if (status === 401 || status === 403) {
      return new LiveKitError(`LiveKit refused the console's API credentials, so we could not ${action}.`, "rejected", status, code, { cause: err });
    }
    return new LiveKitError(`LiveKit refused to ${action}.`, "rejected", status, code, { cause: err });
  }
  return err;
}

/** Runs one LiveKit call and rethrows its failure as a LiveKitError. */
export async function callLiveKit<T>(action: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw toUpstreamError(err, action);
  }
}
