import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// A dispatcher process for tests, started exactly as scripts/dispatcher/start.sh starts it
// (node --conditions=react-server --import tsx dispatcher/main.ts), with the environment the
// test gives. `kill9` is the crash a test inflicts; `stop` the orderly SIGTERM.

const ROOT = path.resolve(import.meta.dirname, "../..");

export type DispatcherHandle = {
  port: number;
  log: () => string;
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
};

let nextPort = 18_190;

export async function startDispatcher(env: Record<string, string | undefined>): Promise<DispatcherHandle> {
  const port = nextPort++;
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "dispatcher/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, DISPATCHER_HTTP_PORT: String(port), DISPATCHER_RECONCILE_SECONDS: "1", DISPATCHER_LEASE_SECONDS: "8", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (b: Buffer) => (log = (log + b.toString()).slice(-20_000)));
  child.stderr!.on("data", (b: Buffer) => (log = (log + b.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the dispatcher exited during start-up:\n${log}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the dispatcher did not become healthy within 30 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { port, log: () => log, kill9: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}
