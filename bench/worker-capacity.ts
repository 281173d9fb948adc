import { randomInt } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { cpus, loadavg, tmpdir } from "node:os";
import { RoomAgentDispatch, RoomConfiguration } from "@livekit/protocol";
import { RoomServiceClient, SipClient } from "livekit-server-sdk";
import { DEFAULT_AGENT } from "../agent-worker/agent-settings";
import { DISTRACTORS, SOUND_RMS, recogniseSegment, rms, speechSegments, ulawToPcm, words } from "../agent-worker/test/audio-check";
import { placeCall, type CallResult } from "../agent-worker/test/sip-call";
import { startWorker, type WorkerHandle } from "../agent-worker/test/worker-process";
import { answerWithTone } from "./tone-participant";
import { stackEnv, stackLiveKit } from "../scripts/stack/stack-env";

// Capacity of one agent worker in offline mode on this machine, measured through the real
// stack (run it where scripts/stack/up.sh runs the stack, with its env exported):
//   1. call set-up over 20 sequential calls: INVITE -> 200 OK and 200 OK -> first sound of the
//      greeting, for a participant that answers at once with a tone (LiveKit's own share), and
//      for the worker with its greeting cache off, then on;
//   2. one call at a time held 20 s (BENCH_SILENT_CALLS, default 3): the CPU of its first 9 s,
//      then its share of a core while the caller is silent after the greeting (the worker's
//      process group, less its idle rate just before), and the memory (PSS) of a warm job
//      process and of the call's;
//   3. concurrent calls in steps (BENCH_STEP, default 4) until a call is not answered or its
//      greeting is not recognised; the worker's memory per call (PSS and RSS of its process
//      group) and its CPU seconds per call.
// Bounded: BENCH_MAX_CALLS (default 32) concurrent calls at most, BENCH_DEADLINE_S (default
// 900) for the whole run; every process it starts is stopped at the end. Prints figures only.
// BENCH_IDLE_PROCESSES sets the worker's warm job processes (AGENT_WORKER_IDLE_PROCESSES).

const num = (k: string, d: number) => Number(process.env[k] ?? d);
const { url, apiKey, apiSecret } = stackLiveKit();
const sipPort = Number(stackEnv("SIP_PORT"));
const SEQUENTIAL = num("BENCH_SEQUENTIAL_CALLS", 20);
const SILENT_CALLS = num("BENCH_SILENT_CALLS", 3);
const STEP = num("BENCH_STEP", 4);
const MAX_CALLS = num("BENCH_MAX_CALLS", 32);
const deadline = Date.now() + num("BENCH_DEADLINE_S", 900) * 1000;
const run = randomInt(100_000, 999_999);
const agentName = `sb-bench-${run}`;
const agentNumber = `+1557${randomInt(1_000_000, 9_999_999)}`;
const toneNumber = `+1558${randomInt(1_000_000, 9_999_999)}`;
const caller = "+15557654321";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! : NaN;
};
const fmt = (xs: number[]) => `p50 ${pct(xs, 50)} ms, p95 ${pct(xs, 95)} ms, max ${Math.max(...xs)} ms (n=${xs.length})`;

function firstSoundMs(call: CallResult): number | null {
  const p = call.peer.received.find((r) => r.payloadType <= 8 && rms(ulawToPcm(r.payload)) > SOUND_RMS);
  return p && call.answeredAt !== null ? Math.round(p.at - call.answeredAt) : null;
}

function greetingHeard(call: CallResult): boolean {
  const ulaw = call.peer.recordedUlaw();
  const seg = speechSegments(ulawToPcm(ulaw))[0];
  if (!seg) return false;
  return recogniseSegment(ulaw, seg, [DEFAULT_AGENT.greeting, ...DISTRACTORS]) === words(DEFAULT_AGENT.greeting);
}

type GroupMemory = { rss: number; pss: number; procs: number };

/** Group members' /proc/<pid>/stat fields after the command name, for every process of the group. */
function groupStats(pgid: number): { pid: string; fields: string[] }[] {
  const found: { pid: string; fields: string[] }[] = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) found.push({ pid, fields });
    } catch {
      /* the process ended meanwhile */
    }
  }
  return found;
}

/** RSS and PSS (kB) of one process; throws once it has ended. */
function memoryKb(pid: string): { rss: number; pss: number } {
  const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
  return { rss: Number(/^Rss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0), pss: Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0) };
}

/**
 * Memory (MB) of a process group: the worker, its job processes and its inference process.
 * RSS counts the pages they share (node's code, the native libraries) once per process;
 * PSS splits each shared page between its sharers, so it sums to what the machine spends.
 */
function groupMemoryMb(pgid: number): GroupMemory {
  let rss = 0;
  let pss = 0;
  let procs = 0;
  for (const { pid } of groupStats(pgid)) {
    try {
      const kb = memoryKb(pid);
      rss += kb.rss;
      pss += kb.pss;
      procs++;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return { rss: Math.round(rss / 1024), pss: Math.round(pss / 1024), procs };
}

/** PSS (MB) of each of the group's job processes (each call runs in one; the rest wait warm). */
function jobProcessesPssMb(pgid: number): number[] {
  const found: number[] = [];
  for (const { pid } of groupStats(pgid)) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("job_proc_lazy_main")) continue;
      found.push(Math.round(memoryKb(pid).pss / 1024));
    } catch {
      /* the process ended meanwhile */
    }
  }
  return found;
}

const TICKS_PER_SECOND = 100;

/** CPU seconds the group has used: its live processes, plus the job processes the worker has reaped. */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const { pid, fields } of groupStats(pgid)) {
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    if (Number(pid) === pgid) ticks += Number(fields[13]) + Number(fields[14]); // cutime, cstime
  }
  return ticks / TICKS_PER_SECOND;
}

async function sequential(label: string, called: string, expectGreeting: boolean) {
  const answer: number[] = [];
  const sound: number[] = [];
  const failures: string[] = [];
  let firstCallSound: number | null = null;
  for (let i = 0; i < SEQUENTIAL && Date.now() < deadline; i++) {
    const call = await placeCall({ sipPort, called, caller, holdMs: expectGreeting ? 6000 : 1500, answerTimeoutMs: 15_000 });
    const s = firstSoundMs(call);
    const why = call.answerMs === null ? "not answered" : s === null ? "no sound" : expectGreeting && !greetingHeard(call) ? "greeting not recognised" : call.exitCode !== 0 ? "SIP error" : null;
    if (i === 0) firstCallSound = s;
    if (why) failures.push(why);
    else {
      answer.push(call.answerMs!);
      sound.push(s!);
    }
  }
  console.log(`${label}: INVITE -> 200 OK ${fmt(answer)}; 200 OK -> first sound ${fmt(sound)}, first call's ${firstCallSound ?? "none"} ms; failed ${failures.length}${failures.length ? ` (${failures.join(", ")})` : ""}`);
  return { answer, sound };
}

/** Share of a core (%) the worker's process group uses over `ms`. */
async function groupCpuShare(pgid: number, ms: number): Promise<number> {
  const before = groupCpuSeconds(pgid);
  await sleep(ms);
  return ((groupCpuSeconds(pgid) - before) / (ms / 1000)) * 100;
}

/**
 * What one call costs: its first 9 s in CPU seconds (the job taking the call, the answer, the
 * greeting, and the warm process the worker starts to replace the one the call took), then
 * its share of a core while nobody speaks, the floor under any number of concurrent calls.
 * Both less the worker's idle rate measured just before.
 */
async function oneCallCpu(worker: WorkerHandle) {
  if (SILENT_CALLS <= 0) return;
  const pgid = worker.proc.pid!;
  const setup: string[] = [];
  const silent: string[] = [];
  const warmPss: number[] = [];
  const inCallPss: number[] = [];
  for (let i = 0; i < SILENT_CALLS && Date.now() < deadline; i++) {
    const idle = await groupCpuShare(pgid, 5000);
    warmPss.push(...jobProcessesPssMb(pgid));
    const before = groupCpuSeconds(pgid);
    const call = placeCall({ sipPort, called: agentNumber, caller, holdMs: 20_000, answerTimeoutMs: 15_000 });
    await sleep(9000); // answered, and the greeting (~4 s) over
    setup.push((groupCpuSeconds(pgid) - before - (idle / 100) * 9).toFixed(2));
    // The call's process is the largest: a warm one has handled no audio yet.
    inCallPss.push(Math.max(...jobProcessesPssMb(pgid)));
    const busy = await groupCpuShare(pgid, 10_000);
    const ended = await call;
    silent.push(ended.answerMs === null ? "not answered" : `${(busy - idle).toFixed(1)} %`);
  }
  console.log(`one call at a time: its first 9 s (set-up and greeting) ${setup.join(", ")} s of CPU; then, the caller silent, ${silent.join(", ")} of a core`);
  console.log(`job process memory: warm p50 ${pct(warmPss, 50)} MB PSS (n=${warmPss.length}); in a call, 9 s in, ${inCallPss.join(", ")} MB PSS`);
}

async function concurrent(worker: WorkerHandle, n: number) {
  const pgid = worker.proc.pid!;
  const idle = groupMemoryMb(pgid);
  let peak = idle;
  const sampler = setInterval(() => {
    const now = groupMemoryMb(pgid);
    if (now.pss > peak.pss) peak = now;
  }, 500);
  const cpuBefore = groupCpuSeconds(pgid);
  // One new call every 500 ms, as calls arrive on a line; all are up together for >= 10 s.
  const holdFor = (i: number) => 14_000 + (n - i) * 500;
  const calls = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      new Promise<CallResult>((resolve) => setTimeout(resolve, i * 500)).then(() =>
        placeCall({ sipPort, called: agentNumber, caller, holdMs: holdFor(i), answerTimeoutMs: 20_000, timeoutSeconds: 90 }),
      ),
    ),
  );
  clearInterval(sampler);
  await sleep(3000); // the calls' job processes exit and are reaped
  const cpuPerCall = (groupCpuSeconds(pgid) - cpuBefore) / n;
  const heldSeconds = calls.reduce((sum, c, i) => sum + (c.answerMs === null ? 0 : holdFor(i) / 1000), 0) / n;
  const answered = calls.filter((c) => c.answerMs !== null).length;
  const heard = calls.filter((c) => c.exitCode === 0 && greetingHeard(c)).length;
  const perCall = (m: keyof Omit<GroupMemory, "procs">) => ((peak[m] - idle[m]) / n).toFixed(0);
  const answers = calls.flatMap((c) => (c.answerMs === null ? [] : [c.answerMs]));
  console.log(
    `  ${n} concurrent: answered ${answered}/${n}, greeting recognised ${heard}/${n}; answer p50 ${pct(answers, 50)} ms, p95 ${pct(answers, 95)} ms; ` +
      `worker idle ${idle.pss} MB PSS / ${idle.rss} MB RSS (${idle.procs} procs), peak ${peak.pss} / ${peak.rss} MB (${peak.procs} procs) -> ${perCall("pss")} MB PSS, ${perCall("rss")} MB RSS per call; ` +
      `CPU ${cpuPerCall.toFixed(1)} s per call of ~${heldSeconds.toFixed(0)} s`,
  );
  return heard === n;
}

async function main() {
  const sip = new SipClient(url, apiKey, apiSecret);
  const rooms = new RoomServiceClient(url, apiKey, apiSecret);
  const trunk = await sip.createSipInboundTrunk(`bench-${run}`, [agentNumber, toneNumber], { allowedAddresses: ["127.0.0.1"] });
  const ruleIds: string[] = [];
  const rule = async (number: string, prefix: string, withAgent: boolean) => {
    const r = await sip.createSipDispatchRule({ type: "individual", roomPrefix: prefix }, {
      name: `bench-${number}`,
      trunkIds: [trunk.sipTrunkId],
      ...(withAgent ? { roomConfig: new RoomConfiguration({ agents: [new RoomAgentDispatch({ agentName, metadata: JSON.stringify({ number, inboundAgentId: null, spaceId: "bench" }) })] }) } : {}),
    });
    ruleIds.push(r.sipDispatchRuleId);
    r.numbers = [number];
    await sip.updateSipDispatchRule(r.sipDispatchRuleId, r);
  };
  await rule(agentNumber, `bench-agent-${run}`, true);
  await rule(toneNumber, `bench-tone-${run}`, false);
  const tone = answerWithTone({ url, apiKey, apiSecret, roomPrefix: `bench-tone-${run}` });
  let worker: WorkerHandle | undefined;
  try {
    console.log(`agent worker capacity, offline mode, ${SEQUENTIAL} sequential calls then steps of ${STEP} concurrent calls (max ${MAX_CALLS}); ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    await sequential("LiveKit alone (tone participant answers at once)", toneNumber, false);
    await tone.stop();
    const idle: Record<string, string> = process.env.BENCH_IDLE_PROCESSES ? { AGENT_WORKER_IDLE_PROCESSES: process.env.BENCH_IDLE_PROCESSES } : {};
    const workerEnv = (cacheEntries: number) => ({
      AGENT_NAME: agentName,
      AGENT_PROVIDERS: "offline",
      AGENT_WORKER_MAX_CALLS: String(Math.max(2, MAX_CALLS * 2)),
      LOG_LEVEL: "warn",
      // Empty: the first call synthesises the greeting and stores it, the others play it.
      AGENT_WORKER_GREETING_CACHE_DIR: mkdtempSync(path.join(tmpdir(), "sb-bench-greetings-")),
      AGENT_WORKER_GREETING_CACHE_ENTRIES: String(cacheEntries),
      ...idle,
    });
    const port = 18_900 + (run % 90);
    worker = await startWorker(workerEnv(0), port);
    await sleep(3000); // warm job processes
    await sequential("agent worker, greeting cache off (espeak-ng at every call)", agentNumber, true);
    await worker.stop(15_000);
    worker = await startWorker(workerEnv(500), port);
    await sleep(3000);
    await sequential("agent worker, greeting cache on (the first call stores it)", agentNumber, true);
    await oneCallCpu(worker);
    let best = 0;
    for (let n = STEP; n <= MAX_CALLS && Date.now() < deadline; n += STEP) {
      await sleep(5000); // let the previous calls' processes exit
      if (!(await concurrent(worker, n))) break;
      best = n;
    }
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    console.log(`max concurrent calls with every greeting recognised: ${best}${best + STEP > MAX_CALLS ? " (the bench's limit)" : ` (${best + STEP} failed)`}`);
  } finally {
    await tone.stop();
    await worker?.stop(15_000);
    for (const id of ruleIds) await sip.deleteSipDispatchRule(id).catch(() => undefined);
    await sip.deleteSipTrunk(trunk.sipTrunkId).catch(() => undefined);
    for (const r of await rooms.listRooms().catch(() => [])) if (r.name.startsWith("bench-")) await rooms.deleteRoom(r.name).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
