import { spawnSync } from "node:child_process";
import { expect, type APIRequestContext } from "@playwright/test";

// For specs that place calls to the real agent worker: start and stop it as the stack runs it
// (scripts/worker/start.sh, idempotent), and wait for a call to finish in the call log.

export function agentWorker(script: "start" | "stop"): void {
  const r = spawnSync("bash", [`scripts/worker/${script}.sh`], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, AGENT_WORKER_STOP_SECONDS: "15" },
  });
  if (r.status !== 0) throw new Error(`scripts/worker/${script}.sh failed (${r.status}):\n${r.stdout}${r.stderr}`);
}

export type LoggedCall = {
  id: string;
  status: string;
  durationSeconds: number | null;
  durationMs: number | null;
  sipStatusCode: number | null;
  answeredAt: string | null;
  endReason: string | null;
  events: { kind: string; detail: string | null }[];
};

/** The call `find` picks from the log, once it is over. */
export async function finishedCall(request: APIRequestContext, spaceId: string, find: (items: { id: string }[]) => string | undefined): Promise<LoggedCall> {
  let call: LoggedCall | undefined;
  await expect
    .poll(async () => {
      const list = (await (await request.get(`/api/v1/spaces/${spaceId}/calls`)).json()) as { items: { id: string }[] };
      const id = find(list.items);
      if (!id) return "not in the log";
      call = await (await request.get(`/api/v1/spaces/${spaceId}/calls/${id}`)).json();
      return call!.status;
    }, { timeout: 30_000, intervals: [500] })
    .toMatch(/^(completed|failed|busy|no_answer)$/);
  return call!;
}
