import { retryPolicy } from "@/lib/calls/schemas";

// Whether a failed attempt is dialled again under the call's retry policy, and when.

export function retryDecision(policy: unknown, attempt: number, outcome: "busy" | "no_answer" | "failed"): { delayMs: number } | null {
  if (!policy) return null;
  const parsed = retryPolicy.safeParse(policy);
  if (!parsed.success) return null;
  const p = parsed.data;
  if (attempt >= p.maxAttempts || !p.on.includes(outcome)) return null;
  return { delayMs: p.delaySeconds * 1000 };
}
