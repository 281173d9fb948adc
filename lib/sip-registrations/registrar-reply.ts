import type { RegistrationStatus } from "./schemas";

// What a registrar's final reply to one of our REGISTERs means for the registration's status.
// Pure and unit-tested; the edge reports every final reply (kamailio.cfg reply_route) and
// sync-registration.ts acts on the result. The rule that matters most: once the PBX has
// refused the credentials we stop (auth_failed), since retrying a wrong password is how
// PBXs end up locking an extension out.

export type RegistrarReply = {
  code: number;
  reason: string;
  /** Whether the REGISTER answered carried our digest. */
  authSent: boolean;
  /** The Expires we asked for ("0" when unregistering). */
  requestedExpires: number | null;
  /** The expiry the registrar granted: the Contact's expires, else the Expires header. */
  grantedExpires: number | null;
};

export type StatusChange = {
  status: RegistrationStatus;
  lastCode: number;
  lastReason: string;
  expiresAt: Date | null;
  /** Failures in a row so far (back-off step); 0 after a success. */
  failures: number;
  retryAt: Date | null;
};

/** 10 s, 30 s, 1 min, 2 min, then every 5 min. */
export function retryDelaySeconds(failures: number): number {
  const steps = [10, 30, 60, 120, 300];
  return steps[Math.min(Math.max(failures, 1), steps.length) - 1]!;
}

/** The expiry in `expires=<n>` of a Contact header value, or null. */
export function contactExpires(contact: string): number | null {
  const m = /;\s*expires\s*=\s*(\d{1,9})/i.exec(contact);
  return m ? Number(m[1]) : null;
}

/** null: the reply changes nothing (a provisional reply, the first challenge, or an unregistration's answer). */
export function statusAfterReply(reply: RegistrarReply, failuresSoFar: number, now: Date): StatusChange | null {
  const base = { lastCode: reply.code, lastReason: reply.reason.slice(0, 200) };
  if (reply.code < 200) return null;
  if (reply.requestedExpires === 0) return reply.code < 300 ? { ...base, status: "not_registered", expiresAt: null, failures: 0, retryAt: null } : null;
  if (reply.code >= 200 && reply.code < 300) {
    const granted = reply.grantedExpires;
    if (granted === null || granted <= 0) return { ...base, status: "failed", lastReason: "OK without a binding for our contact", expiresAt: null, ...backoff(failuresSoFar, now) };
    return { ...base, status: "registered", expiresAt: new Date(now.getTime() + granted * 1000), failures: 0, retryAt: null };
  }
  if (reply.code === 401 || reply.code === 407) {
    // The first challenge is the normal exchange and changes nothing: a registered binding
    // stays registered while it is refreshed (it read "pending" between the challenge and the
    // 200 of every refresh). A challenge to our answer is a refusal.
    return reply.authSent ? { ...base, status: "auth_failed", expiresAt: null, failures: failuresSoFar + 1, retryAt: null } : null;
  }
  // PBXs answer a wrong password (or an extension not allowed to register) with 403.
  if (reply.code === 403) return { ...base, status: "auth_failed", expiresAt: null, failures: failuresSoFar + 1, retryAt: null };
  // Interval too brief: uac retries at once with the registrar's minimum.
  if (reply.code === 423) return { ...base, status: "pending", expiresAt: null, failures: failuresSoFar, retryAt: null };
  return { ...base, status: "failed", expiresAt: null, ...backoff(failuresSoFar, now) };
}

function backoff(failuresSoFar: number, now: Date): { failures: number; retryAt: Date } {
  const failures = failuresSoFar + 1;
  return { failures, retryAt: new Date(now.getTime() + retryDelaySeconds(failures) * 1000) };
}
