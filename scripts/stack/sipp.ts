import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stackEnv } from "./stack-env";

// Runs one sipp call (a scenario under scripts/stack/sipp/) from 127.0.0.1 (or another
// loopback address) and reports
// what sipp actually received, read from its message trace, next to its exit status.

export const SIPP_SCENARIOS = path.join(import.meta.dirname, "sipp");

export type SippResult = {
  exitCode: number | null;
  /** Status lines received, in order, e.g. ["SIP/2.0 100 Processing", "SIP/2.0 180 Ringing"]. */
  statusLines: string[];
  /** The same responses with the method each answers (its CSeq): two transactions' replies may interleave. */
  responses: { status: string; method: string }[];
  /** sipp's stdout and stderr, for assertion messages. */
  output: string;
};

export type SippCall = {
  scenario: string;
  /** 127.0.0.1 port of the SIP server. */
  targetPort: number;
  /** One row of [field0, field1, ...] for the scenario. */
  fields: string[];
  /** sipp -d: length of a scenario's <pause/> in ms. */
  pauseMs?: number;
  /** Whole-run limit; sipp is killed after it (its own -timeout does not always fire). */
  timeoutSeconds?: number;
  /** How long any <recv> without its own timeout waits (sipp -recv_timeout). */
  recvTimeoutMs?: number;
  /** The PBX's address (default 127.0.0.1): another loopback address plays another PBX. */
  localIp?: string;
  /** Digest credentials for scenarios that answer a challenge (recv auth="true"). */
  auth?: { username: string; password: string };
};

export async function freeUdpPort(): Promise<number> {
  const s = createSocket("udp4");
  await new Promise<void>((resolve) => s.bind(0, "127.0.0.1", resolve));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function runSipp(call: SippCall): Promise<SippResult> {
  const timeoutSeconds = call.timeoutSeconds ?? 30;
  const dir = await mkdtemp(path.join(tmpdir(), "switchboard-sipp-"));
  try {
    const csv = path.join(dir, "fields.csv");
    const trace = path.join(dir, "messages.log");
    await writeFile(csv, `SEQUENTIAL\n${call.fields.join(";")};\n`);
    const args = [
      `127.0.0.1:${call.targetPort}`,
      "-sf", path.join(SIPP_SCENARIOS, call.scenario),
      "-inf", csv,
      "-m", "1",
      ...(call.auth ? ["-au", call.auth.username, "-ap", call.auth.password] : []),
      "-i", call.localIp ?? "127.0.0.1",
      "-mi", call.localIp ?? "127.0.0.1",
      "-p", String(await freeUdpPort()),
      "-mp", String(await freeUdpPort()),
      "-nostdin",
      "-timeout", `${timeoutSeconds}s`,
      "-recv_timeout", String(call.recvTimeoutMs ?? 10_000),
      "-trace_msg", "-message_file", trace,
      ...(call.pauseMs !== undefined ? ["-d", String(call.pauseMs)] : []),
    ];
    const child = spawn("sipp", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), (timeoutSeconds + 5) * 1000);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    }).finally(() => clearTimeout(killer));
    const messages = await readFile(trace, "utf8").catch(() => "");
    const statusLines = messages.split(/\r?\n/).filter((l) => l.startsWith("SIP/2.0 "));
    return { exitCode, statusLines, responses: responsesIn(messages), output: output.slice(-4000) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each response in sipp's message trace (blocks under a line of dashes) with its CSeq method. */
function responsesIn(trace: string): { status: string; method: string }[] {
  return trace.split(/\n(?=-{10,})/).flatMap((block) => {
    const status = /^SIP\/2\.0 .*$/m.exec(block)?.[0]?.trim();
    const method = /^CSeq:\s*\d+\s+(\S+)/im.exec(block)?.[1];
    return status && method ? [{ status, method }] : [];
  });
}

/** The stack's public SIP port, where a PBX sends INVITEs: the SIP edge, or livekit-sip in direct mode. */
export function stackSipPort(): number {
  return Number(stackEnv("SIP_PORT"));
}

/**
 * livekit-sip's own port (the same as stackSipPort() in direct mode). The integration tier
 * runs without the web app, which the edge asks how to route, so it dials livekit-sip
 * directly with the stack in direct mode's provisioning (scripts/test/run-suite.sh).
 */
export function liveKitSipPort(): number {
  return Number(stackEnv("LIVEKIT_SIP_PORT"));
}
