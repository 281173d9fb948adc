import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";

// Builds agent-worker/dist (build.mjs) when a source is newer, and runs the real worker process
// (`node agent-worker/dist/main.js start`) for tests and the bench. Its own process group,
// so stop() can be sure no job process outlives it.

export const WORKER_DIR = path.resolve(import.meta.dirname, "..");
const MAIN = path.join(WORKER_DIR, "dist", "main.js");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "dist" || entry.name === "test" || entry.name === "node_modules") continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith(".ts") || entry.name === "tsconfig.json" || entry.name.endsWith(".mjs")) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureWorkerBuilt(): void {
  if (existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSource(WORKER_DIR)) return;
  const r = spawnSync(process.execPath, [path.join(WORKER_DIR, "build.mjs")], { encoding: "utf8", timeout: 120_000 });
  if (r.status !== 0) throw new Error(`building agent-worker failed:\n${r.stdout}${r.stderr}`);
}

export type WorkerHandle = {
  proc: ChildProcess;
  httpPort: number;
  /** Everything the worker printed so far. */
  logs: () => string;
  /** SIGTERM (drain), then SIGKILL to the whole group after `graceMs`. Resolves with the exit code. */
  stop: (graceMs?: number) => Promise<number | null>;
};

export async function startWorker(env: Record<string, string>, httpPort: number, readyTimeoutMs = 45_000): Promise<WorkerHandle> {
  ensureWorkerBuilt();
  const proc = spawn(process.execPath, [MAIN, "start"], {
    env: { ...process.env, AGENT_WORKER_HTTP_PORT: String(httpPort), ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  const append = (b: Buffer) => {
    out += b.toString();
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
  };
  proc.stdout!.on("data", append);
  proc.stderr!.on("data", append);
  const exited = new Promise<number | null>((resolve) => proc.on("close", (code) => resolve(code)));

  const stop = async (graceMs = 20_000): Promise<number | null> => {
    if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
    proc.kill("SIGTERM");
    const timer = setTimeout(() => {
      try {
        process.kill(-proc.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, graceMs);
    const code = await exited;
    clearTimeout(timer);
    try {
      process.kill(-proc.pid!, "SIGKILL"); // job processes left in the group, if any
    } catch {
      /* none left */
    }
    return code;
  };

  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${httpPort}/`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (proc.exitCode !== null || Date.now() > deadline) {
      await stop(1000);
      throw new Error(`agent worker not ready within ${readyTimeoutMs} ms:\n${out.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { proc, httpPort, logs: () => out, stop };
}
