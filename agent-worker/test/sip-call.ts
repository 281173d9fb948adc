import { spawn } from "node:child_process";
import { createSocket } from "node:dgram";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { RtpPeer } from "./rtp-peer.js";

// One inbound call as a PBX places it: sipp sends the INVITE (test/sipp/inbound-answer.xml)
// from 127.0.0.1 to livekit-sip, the media side is an RtpPeer. Bounded: sipp is killed
// after its time limit, whatever happens.

const SCENARIO = path.join(import.meta.dirname, "sipp", "inbound-answer.xml");

export type CallResult = {
  exitCode: number | null;
  statusLines: string[];
  output: string;
  /** ms from the INVITE to the 200 OK (sipp's own clock), or null when never answered. */
  answerMs: number | null;
  /** performance.now() when the 200 OK was seen, or null. */
  answeredAt: number | null;
  /** ms from the 200 OK to the far end's BYE (scenario inbound-answer-remote-bye.xml), else null. */
  byeAfterAnswerMs: number | null;
  /** The Refer-To URI of a REFER the PBX received (inbound-refer-*.xml), else null. */
  referTo: string | null;
  peer: RtpPeer;
};

export type CallOptions = {
  sipPort: number;
  called: string;
  caller: string;
  /** How long the caller stays on the line after the 200 OK before sending BYE. */
  holdMs: number;
  /** Limit for the whole sipp run. */
  timeoutSeconds?: number;
  /** How long sipp waits for the 200 OK. */
  answerTimeoutMs?: number;
  /** Another scenario under test/sipp/ (default inbound-answer.xml). */
  scenario?: string;
  /** The PBX's address (default 127.0.0.1); another loopback address tests the allowlist. */
  localIp?: string;
  /** Digest credentials sipp answers LiveKit's 407 with (scenarios with auth="true"). */
  auth?: { username: string; password: string };
  /** field4 of the scenario's CSV (inbound-answer-x-header.xml: the X-Customer-Name header's value). */
  field4?: string;
  /** Called once with livekit-sip's telephone-event payload type when the call is answered. */
  onAnswered?: (peer: RtpPeer, dtmfPayloadType: number) => void;
};

async function freeUdpPort(): Promise<number> {
  const s = createSocket("udp4");
  await new Promise<void>((resolve) => s.bind(0, "127.0.0.1", resolve));
  const { port } = s.address();
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

export async function placeCall(opts: CallOptions): Promise<CallResult> {
  const timeoutSeconds = opts.timeoutSeconds ?? 60;
  const dir = await mkdtemp(path.join(tmpdir(), "sb-call-"));
  const peer = await RtpPeer.open();
  try {
    const csv = path.join(dir, "fields.csv");
    const answerFile = path.join(dir, "answer");
    const trace = path.join(dir, "messages.log");
    await writeFile(csv, `SEQUENTIAL\n${opts.called};${opts.caller};${peer.port};${answerFile};${opts.field4 ?? ""};\n`);
    const args = [
      `127.0.0.1:${opts.sipPort}`, "-sf", opts.scenario ? path.join(import.meta.dirname, "sipp", opts.scenario) : SCENARIO, "-inf", csv, "-m", "1",
      "-i", opts.localIp ?? "127.0.0.1", "-p", String(await freeUdpPort()),
      ...(opts.auth ? ["-au", opts.auth.username, "-ap", opts.auth.password] : []),
      // sipp's own media port stays unused (the SDP names the RtpPeer); keep it off others' ports.
      "-mi", "127.0.0.1", "-mp", String(await freeUdpPort()),
      "-nostdin", "-timeout", `${timeoutSeconds}s`, "-recv_timeout", String(opts.answerTimeoutMs ?? 20_000),
      "-d", String(opts.holdMs), "-trace_msg", "-message_file", trace,
    ];
    const child = spawn("sipp", args, { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (b: Buffer) => (output += b.toString()));
    child.stderr.on("data", (b: Buffer) => (output += b.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), (timeoutSeconds + 5) * 1000);
    let answeredAt: number | null = null;
    let answerMs: number | null = null;
    const poll = setInterval(() => {
      if (answeredAt !== null || !existsSync(answerFile)) return;
      void Promise.all([readFile(answerFile, "utf8"), readFile(`${answerFile}.invite`, "utf8")]).then(([answer, invite]) => {
        const [port, pt, at] = answer.trim().split(/\s+/);
        if (answeredAt !== null || !port || !at) return;
        answeredAt = performance.now();
        answerMs = Number((BigInt(at) - BigInt(invite.trim())) / 1_000_000n);
        peer.start(Number(port));
        opts.onAnswered?.(peer, Number(pt) || 101);
      }).catch(() => undefined);
    }, 5);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    }).finally(() => {
      clearTimeout(killer);
      clearInterval(poll);
    });
    const messages = await readFile(trace, "utf8").catch(() => "");
    const byeAt = await readFile(`${answerFile}.bye`, "utf8").then((t) => BigInt(t.trim())).catch(() => null);
    const answeredNs = await readFile(answerFile, "utf8").then((t) => BigInt(t.trim().split(/\s+/)[2] ?? "0")).catch(() => null);
    const referTo = await readFile(`${answerFile}.refer-to`, "utf8").then((t) => t.trim()).catch(() => null);
    const byeAfterAnswerMs = byeAt !== null && answeredNs ? Number((byeAt - answeredNs) / 1_000_000n) : null;
    const statusLines = messages.split(/\r?\n/).filter((l) => l.startsWith("SIP/2.0 "));
    return { exitCode, statusLines, output: output.slice(-4000), answerMs, answeredAt, byeAfterAnswerMs, referTo, peer };
  } finally {
    await peer.close();
    await rm(dir, { recursive: true, force: true });
  }
}
