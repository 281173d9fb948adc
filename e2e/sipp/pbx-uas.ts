import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freeUdpPort } from "../../scripts/stack/sipp";

// sipp as the customer's PBX receiving our outbound calls on 127.0.0.1 (or `localIp`), without digest:
// answers after ringing, rings until cancelled, or is busy. It takes up to `calls` calls (at
// once or one after another), is bounded in time, and reports how many distinct INVITEs
// reached it, so a test can prove that no call was dialled twice.

export type PbxBehaviour =
  | { kind: "answer"; ringMs?: number; holdMs: number }
  | { kind: "ring-no-answer" }
  | { kind: "busy" }
  /** Answers SIP OPTIONS (Verify's "PBX reachable") with 200; each probe is one of `calls`. */
  | { kind: "options" };

export type PbxResult = { exitCode: number | null; invites: number; messages: string; output: string };
export type Pbx = { port: number; done: Promise<PbxResult>; stop: () => void };

const scenarioFile: Record<PbxBehaviour["kind"], string> = { answer: "pbx-answer.xml", "ring-no-answer": "pbx-ring-no-answer.xml", busy: "pbx-busy.xml", options: "pbx-options.xml" };

/** Distinct Call-IDs of the INVITEs in a sipp message trace (retransmissions count once). */
export function distinctInvites(trace: string): number {
  const ids = new Set<string>();
  for (const block of trace.split(/\n(?=-{5,})/)) {
    if (!/^\s*INVITE sip:/m.test(block)) continue;
    const id = /^Call-ID:\s*(\S+)/im.exec(block)?.[1];
    if (id) ids.add(id);
  }
  return ids.size;
}

export async function startPbx(behaviour: PbxBehaviour, options: { calls?: number; timeoutSeconds?: number; localIp?: string } = {}): Promise<Pbx> {
  const calls = options.calls ?? 1;
  const localIp = options.localIp ?? "127.0.0.1";
  const timeoutSeconds = options.timeoutSeconds ?? 90;
  const dir = await mkdtemp(path.join(tmpdir(), "switchboard-pbx-"));
  const template = await readFile(path.join(import.meta.dirname, scenarioFile[behaviour.kind]), "utf8");
  const scenario = path.join(dir, "scenario.xml");
  await writeFile(
    scenario,
    template
      .replaceAll("{{RING_MS}}", String(behaviour.kind === "answer" ? (behaviour.ringMs ?? 0) : 0))
      .replaceAll("{{RTP_PORT}}", String(await freeUdpPort())),
  );
  const trace = path.join(dir, "messages.log");
  const port = await freeUdpPort();
  const args = [
    "-sf", scenario,
    "-m", String(calls),
    "-i", localIp,
    "-mi", localIp,
    "-p", String(port),
    "-mp", String(await freeUdpPort()),
    "-d", String(behaviour.kind === "answer" ? behaviour.holdMs : 0),
    "-l", String(Math.max(calls, 1)),
    "-nostdin",
    "-timeout", `${timeoutSeconds}s`,
    "-trace_msg", "-message_file", trace,
  ];
  const { done: finished, stop } = spawnSipp(args, dir, trace, timeoutSeconds);
  const done = finished.then((r) => ({ ...r, invites: distinctInvites(r.messages) }));
  await untilBound(port, finished);
  return { port, done, stop };
}

/**
 * Runs sipp in `dir` (removed afterwards), killed past `timeoutSeconds` + 5 s; resolves with
 * its exit code, the message trace and the tail of its output. Shared by every sipp PBX here.
 */
export function spawnSipp(args: string[], dir: string, trace: string, timeoutSeconds: number) {
  const child = spawn("sipp", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-8000)));
  child.stderr.on("data", (b: Buffer) => (output = (output + b.toString()).slice(-8000)));
  const killer = setTimeout(() => child.kill("SIGKILL"), (timeoutSeconds + 5) * 1000);
  const done = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  })
    .finally(() => clearTimeout(killer))
    .then(async (exitCode) => {
      const messages = await readFile(trace, "utf8").catch(() => "");
      await rm(dir, { recursive: true, force: true });
      return { exitCode, messages, output: output.slice(-4000) };
    });
  return { done, stop: () => void child.kill("SIGTERM") };
}

/**
 * Waits until sipp listens on its UDP port, read from /proc/net/udp (probing by binding the
 * port could steal it from sipp): the dispatcher dials within milliseconds of a call being
 * queued, and on a busy machine sipp may take longer than that to start. Bounded: 20 s. When
 * sipp exits first (a port taken meanwhile, a bad scenario), its own words are the error.
 */
export async function untilBound(port: number, exited: Promise<{ exitCode: number | null; output: string }>): Promise<void> {
  const wanted = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  let early: { exitCode: number | null; output: string } | null = null;
  void exited.then((r) => (early = r), () => undefined);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const table = await readFile("/proc/net/udp", "utf8");
    if (table.split("\n").some((line) => line.trim().split(/\s+/)[1]?.endsWith(wanted))) return;
    const ended = early as { exitCode: number | null; output: string } | null;
    if (ended) throw new Error(`sipp exited (code ${ended.exitCode}) before binding UDP port ${port}:\n${ended.output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sipp did not bind UDP port ${port} within 20 s`);
}
