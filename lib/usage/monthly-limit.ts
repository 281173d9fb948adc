import { formatMinutes } from "./format";

// The Space's monthly minutes limit (set by the deployment's administrator): once the month's
// billable time reaches it, no more outbound calls are placed until the next UTC month.
// Pure; the counts come from the call log (lib/usage/service.ts, dispatcher/claim-call.ts).

/** Why a new call is refused under the limit, or null when it may go. */
export function monthlyLimitRefusal(limitMinutes: number | null, usedSeconds: number): string | null {
  if (limitMinutes === null || usedSeconds < limitMinutes * 60) return null;
  return `The Space has used its monthly limit of ${limitMinutes} minutes (${formatMinutes(usedSeconds)} this month): no more calls are placed until the next month (UTC) or until the deployment's administrator raises the limit.`;
}
