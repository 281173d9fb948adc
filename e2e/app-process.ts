import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// The web app as scripts/test/run-suite.sh started it (its process group's id in
// $STACK_DIR/run/app.pid), for specs that crash it: kill -9 the whole group, then start it
// again exactly as the suite does and wait for its health route. The suite's cleanup stops
// whichever app the pid file names.

const stackDir = () => {
  const dir = process.env.STACK_DIR;
  if (!dir) throw new Error("STACK_DIR is not set: run the e2e tier through scripts/test.sh");
  return dir;
};
const pidFile = () => path.join(stackDir(), "run", "app.pid");

export async function killApp9(): Promise<void> {
  const pid = Number((await readFile(pidFile(), "utf8")).trim());
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the web app's process group ${pid} survived SIGKILL`);
}

export async function startApp(baseURL: string, timeoutMs = 90_000): Promise<void> {
  const port = new URL(baseURL).port;
  const log = openSync(path.join(stackDir(), "logs", "app-restarted.log"), "a");
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", port], { detached: true, stdio: ["ignore", log, log], env: process.env });
  child.unref();
  await writeFile(pidFile(), String(child.pid));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the restarted web app did not become healthy within ${timeoutMs} ms`);
}

/**
 * A second web app on `port` over the same build and database (as a deployment behind a
 * balancer would run it); `env` overrides settings (e.g. a production-mode app).
 */
export async function startExtraApp(port: number, timeoutMs = 90_000, env: Record<string, string> = {}): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const log = openSync(path.join(stackDir(), "logs", `app-${port}.log`), "a");
  const child = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], { detached: true, stdio: ["ignore", log, log], env: { ...process.env, ...env } });
  child.unref();
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the second web app did not become healthy within ${timeoutMs} ms`);
}
