// Tells the console that the caller's SIP participant answered (sip.callStatus "active"):
// LiveKit sends no webhook for that, and the call log needs it for "in progress" and the
// call's duration. Best effort and bounded: a failure is logged, never ends the call.

export type AnswerReportConfig = {
  url: string | undefined;
  token: string | undefined;
  timeoutMs: number;
  /** Attempts when the console does not know the call yet (its join webhook may lag). */
  attempts?: number;
  retryDelayMs?: number;
};

export type AnswerReportOutcome = { ok: true; attempts: number } | { ok: false; attempts: number; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function reportAnswered(
  /** answeredAt: when the worker saw the call turn active (ISO 8601, milliseconds). */
  call: { roomName: string; participantIdentity: string; answeredAt?: string },
  config: AnswerReportConfig,
  fetchImpl: typeof fetch = fetch,
): Promise<AnswerReportOutcome> {
  if (!config.url || !config.token) return { ok: false, attempts: 0, reason: "CONSOLE_INTERNAL_URL or WORKER_INTERNAL_TOKEN is not set" };
  const url = new URL("api/internal/calls/answered", config.url.endsWith("/") ? config.url : `${config.url}/`);
  const attempts = config.attempts ?? 5;
  let reason = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(config.retryDelayMs ?? 1000);
    try {
      const res = await fetchImpl(url, {
        method: "POST",
        headers: { authorization: `Bearer ${config.token}`, "content-type": "application/json" },
        body: JSON.stringify(call),
        signal: AbortSignal.timeout(config.timeoutMs),
        redirect: "error",
      });
      if (res.ok) return { ok: true, attempts: attempt };
      reason = `the console answered ${res.status}`;
      // Only "not known yet" and the console's own trouble are worth another try.
      if (res.status !== 404 && res.status < 500) return { ok: false, attempts: attempt, reason };
    } catch (err) {
      reason = err instanceof Error && err.name === "TimeoutError" ? `the console did not answer within ${config.timeoutMs} ms` : "the console is unreachable";
    }
  }
  return { ok: false, attempts, reason };
}
