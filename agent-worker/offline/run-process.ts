import { spawn } from "node:child_process";

// Runs a short-lived helper (pocketsphinx, espeak-ng) with a hard time limit and an abort
// signal, so a stuck decoder can never hold a call.

export type ProcessResult = { stdout: Buffer; stderr: string; code: number | null };

export function runProcess(
  command: string,
  args: string[],
  opts: { stdin?: string | Buffer; timeoutMs: number; signal?: AbortSignal },
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    let err = "";
    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(kill, opts.timeoutMs);
    opts.signal?.addEventListener("abort", kill, { once: true });
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => {
      if (err.length < 8000) err += b.toString();
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, sig) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", kill);
      if (sig === "SIGKILL") reject(new Error(`${command} was stopped (${opts.signal?.aborted ? "aborted" : `over ${opts.timeoutMs} ms`})`));
      else resolve({ stdout: Buffer.concat(out), stderr: err, code });
    });
    child.stdin.on("error", () => undefined); // the child may exit before reading all input
    child.stdin.end(opts.stdin ?? "");
  });
}
