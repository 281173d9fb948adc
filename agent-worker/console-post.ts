// One way for the worker to tell the console something about its call (the answer, the
// transcript, how the call ended, a transfer): POST JSON to /api/internal/<path> with the
// worker's token. Best effort and bounded: a failure is returned, never thrown, and never ends
// the call. Tried again when the console does not know the call yet (its join webhook may lag)
// or has trouble of its own.

export type ConsolePostConfig = {
  url: string | undefined;
  token: string | undefined;
  timeoutMs: number;
  attempts?: number;
  retryDelayMs?: number;
};

/** body: the console's JSON answer, when it sent one. */
export type ConsolePostOutcome = { ok: true; attempts: number; body?: unknown } | { ok: false; attempts: number; reason: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function postToConsole(path: string, body: unknown, config: ConsolePostConfig, fetchImpl: typeof fetch = fetch): Promise<ConsolePostOutcome> {
  if (!config.url || !config.token) return { ok: false, attempts: 0, reason: "CONSOLE_INTERNAL_URL or WORKER_INTERNAL_TOKEN is not set" };
  const url = new URL(`api/internal/${path}`, config.url.endsWith("/") ? config.url : `${config.url}/`);
  const attempts = config.attempts ?? 5;
  let reason = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(config.retryDelayMs ?? 1000);
    try {
      const res = await fetchImpl(url, {
        method: "POST",
        headers: { authorization: `Bearer ${config.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(config.timeoutMs),
        redirect: "error",
      });
      if (res.ok) {
        const body: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
        return body === undefined ? { ok: true, attempts: attempt } : { ok: true, attempts: attempt, body };
      }
      reason = `the console answered ${res.status}`;
      // Only "not known yet" and the console's own trouble are worth another try.
      if (res.status !== 404 && res.status < 500) return { ok: false, attempts: attempt, reason };
    } catch (err) {
      reason = err instanceof Error && err.name === "TimeoutError" ? `the console did not answer within ${config.timeoutMs} ms` : "the console is unreachable";
    }
  }
  return { ok: false, attempts, reason };
}
