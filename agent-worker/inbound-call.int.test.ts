import { randomBytes, randomInt } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { RoomAgentDispatch, RoomConfiguration } from "@livekit/protocol";
import { RoomServiceClient, SipClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_AGENT } from "./agent-settings";
import { DISTRACTORS, SHORT_DISTRACTORS, SOUND_RMS, recogniseSegment, rms, speechSegments, ulawToPcm, words } from "./test/audio-check";
import { startConsoleStub, type ConsoleStub, type StubAgent } from "./test/console-stub";
import { placeCall, type CallResult } from "./test/sip-call";
import { liveKitSipPort } from "../scripts/stack/sipp";
import { startWorker, type WorkerHandle } from "./test/worker-process";
import { stackLiveKit } from "../scripts/stack/stack-env";

// The agent worker answering real SIP calls through the real stack: sipp as the PBX sends
// an INVITE for a test number to livekit-sip; the number's dispatch rule (individual, agent
// dispatch with metadata) brings the worker into the new room; the worker loads the agent
// from the console's internal API (a stub here: the route is tested on its own), publishes
// its greeting, livekit-sip answers 200 OK, and the caller's RTP endpoint records what it
// hears. The recording must be sound, and pocketsphinx must pick the greeting's sentence.

const run = randomInt(100_000, 999_999);
const agentName = `sb-itest-${run}`; // only this test's worker answers these rules
const token = randomBytes(32).toString("base64url");
const spaceId = "space_itest";
const numberWithAgent = `+1555${randomInt(1_000_000, 9_999_999)}`;
const numberWithoutAgent = `+1556${randomInt(1_000_000, 9_999_999)}`;
const caller = "+15557654321";
const roomPrefix = `itest-agent-${run}`;
// Empty at the start, so the first call to an agent synthesises its greeting and stores it.
const greetingCacheDir = mkdtempSync(path.join(tmpdir(), "sb-itest-greetings-"));

const stubAgent: StubAgent = {
  id: "agent_itest",
  spaceId,
  name: "Integration test agent",
  greeting: "Good afternoon, you have reached the front desk of the hotel. How may I help you?",
  instructions: "Be brief.",
  language: "en-US",
  voice: null,
  sttProvider: "offline",
  llmProvider: "offline",
  ttsProvider: "offline",
};

let sip: SipClient;
let rooms: RoomServiceClient;
let trunkId = "";
const ruleIds: string[] = [];
let consoleStub: ConsoleStub;
let worker: WorkerHandle | undefined;

function metadata(number: string, agentId: string | null): string {
  return JSON.stringify({ phoneNumberId: `pn_${number.slice(1)}`, number, inboundAgentId: agentId, accountId: "acct_itest", spaceId });
}

beforeAll(async () => {
  const { url, apiKey: key, apiSecret: secret } = stackLiveKit();
  sip = new SipClient(url, key, secret);
  rooms = new RoomServiceClient(url, key, secret);
  trunkId = (await sip.createSipInboundTrunk("itest-agent", [numberWithAgent, numberWithoutAgent], { allowedAddresses: ["127.0.0.1"] })).sipTrunkId;
  for (const [number, agentId] of [[numberWithAgent, stubAgent.id], [numberWithoutAgent, null]] as const) {
    // One rule per number, as the console makes them; created on the trunk, then narrowed to
    // the number (the SDK's create cannot set numbers).
    const rule = await sip.createSipDispatchRule(
      { type: "individual", roomPrefix },
      { name: `itest-${number}`, trunkIds: [trunkId], roomConfig: new RoomConfiguration({ agents: [new RoomAgentDispatch({ agentName, metadata: metadata(number, agentId) })] }) },
    );
    ruleIds.push(rule.sipDispatchRuleId);
    rule.numbers = [number];
    await sip.updateSipDispatchRule(rule.sipDispatchRuleId, rule);
  }
  consoleStub = await startConsoleStub(token, [stubAgent]);
}, 60_000);

afterAll(async () => {
  await worker?.stop(5000);
  await consoleStub?.close();
  for (const id of ruleIds) await sip.deleteSipDispatchRule(id).catch(() => undefined);
  if (trunkId) await sip.deleteSipTrunk(trunkId).catch(() => undefined);
  for (const r of await rooms.listRooms().catch(() => [])) {
    if (r.name.startsWith(roomPrefix)) await rooms.deleteRoom(r.name).catch(() => undefined);
  }
}, 60_000);

function workerEnvForTest(): Record<string, string> {
  return {
    AGENT_NAME: agentName,
    CONSOLE_INTERNAL_URL: consoleStub.url,
    WORKER_INTERNAL_TOKEN: token,
    AGENT_PROVIDERS: "offline",
    // A call budget instead of the CPU reading (a 2-core machine reads "full" during start-up).
    AGENT_WORKER_MAX_CALLS: "50",
    AGENT_WORKER_DRAIN_SECONDS: "60",
    AGENT_WORKER_GREETING_CACHE_DIR: greetingCacheDir,
    LOG_LEVEL: "info",
  };
}

const httpPort = 18_000 + (run % 1000);

/** What the caller heard: the segments of sound and the first one's delay after the 200 OK. */
function heard(call: CallResult, label: string) {
  const ulaw = call.peer.recordedUlaw();
  // Keep what the caller heard for a person to listen to: sox -t ul -r 8000 <file> out.wav
  if (process.env.AGENT_TEST_AUDIO_DIR) writeFileSync(path.join(process.env.AGENT_TEST_AUDIO_DIR, `${label}.ul`), ulaw);
  const pcm = ulawToPcm(ulaw);
  const firstLoud = call.peer.received.find((p) => p.payloadType <= 8 && rms(ulawToPcm(p.payload)) > SOUND_RMS);
  return {
    ulaw,
    pcm,
    segments: speechSegments(pcm),
    firstSoundAfterAnswerMs: firstLoud && call.answeredAt !== null ? Math.round(firstLoud.at - call.answeredAt) : null,
  };
}


describe("the agent worker answers inbound SIP calls", () => {
  it("does not answer while the worker is not running (control)", async () => {
    const call = await placeCall({ sipPort: liveKitSipPort(), called: numberWithAgent, caller, holdMs: 1000, answerTimeoutMs: 8000, timeoutSeconds: 20 });
    // sipp gives up after 8 s and CANCELs (its 200 and 487 are the CANCEL's): no answer, no audio.
    expect(call.answerMs).toBeNull();
    expect(call.peer.received.length).toBe(0);
    expect(call.exitCode).not.toBe(0);
    // Its room still waits for an agent: remove it, so the worker started next is not sent there.
    for (const r of await rooms.listRooms()) if (r.name.startsWith(roomPrefix)) await rooms.deleteRoom(r.name);
  }, 40_000);

  it("answers with the number's agent: 200 OK, its greeting heard, a key press answered, BYE 200", async () => {
    worker = await startWorker(workerEnvForTest(), httpPort);
    const call = await placeCall({
      sipPort: liveKitSipPort(),
      called: numberWithAgent,
      caller,
      holdMs: 16_000,
      onAnswered: (peer, pt) => setTimeout(() => peer.pressKey("5", pt), 9000),
    });
    const logs = worker.logs();
    expect(call.exitCode, `${call.output}\n${logs.slice(-4000)}`).toBe(0);
    // 200 to the INVITE, then 200 to our BYE.
    expect(call.statusLines.filter((l) => l === "SIP/2.0 200 OK").length).toBeGreaterThanOrEqual(2);
    expect(consoleStub.requests).toContain(`/api/internal/agents/${stubAgent.id}?spaceId=${spaceId}`);
    expect(logs).toContain("OFFLINE MODE");

    const h = heard(call, "number-with-agent");
    console.log(`[itest] answer ${call.answerMs} ms; first sound ${h.firstSoundAfterAnswerMs} ms after 200 OK; recorded ${(h.pcm.length / 8000).toFixed(1)} s; segments ${JSON.stringify(h.segments.map((s) => [s.start / 8000, s.end / 8000]))}`);
    expect(h.firstSoundAfterAnswerMs).not.toBeNull();
    expect(h.segments.length).toBeGreaterThanOrEqual(2);
    const [greeting, reply] = h.segments;
    expect(rms(h.pcm, greeting!.start, greeting!.end)).toBeGreaterThan(SOUND_RMS * 3);
    expect(recogniseSegment(h.ulaw, greeting!, [stubAgent.greeting, DEFAULT_AGENT.greeting, ...DISTRACTORS])).toBe(words(stubAgent.greeting));
    // pocketsphinx cannot tell short digit words apart in espeak's voice through a phone
    // codec, so the audio check is that the second thing said is the key-press answer (among
    // short phrases the agent could say), and the worker's log that the answer named key 5.
    expect(recogniseSegment(h.ulaw, reply!, ["you pressed five", ...SHORT_DISTRACTORS])).toBe("you pressed five");
    // Control for the recogniser: the reply is not taken for the greeting.
    expect(recogniseSegment(h.ulaw, reply!, [stubAgent.greeting, DEFAULT_AGENT.greeting, ...DISTRACTORS])).not.toBe(words(stubAgent.greeting));
    expect(logs).toMatch(/"digit":"5"[^\n]*"caller pressed a key"/);
    expect(logs).toMatch(/"text":"You pressed 5\."[^\n]*"agent said"/);
  }, 90_000);

  it("plays the agent's greeting from the cache on the next call: stored once, heard the same", async () => {
    // The call above synthesised the greeting and stored it.
    expect(worker!.logs()).toContain("greeting synthesised and stored in the cache");
    expect(readdirSync(greetingCacheDir).filter((f) => f.endsWith(".wav"))).toHaveLength(1);
    const before = worker!.logs().length;
    const call = await placeCall({ sipPort: liveKitSipPort(), called: numberWithAgent, caller, holdMs: 8000 });
    expect(call.exitCode, call.output).toBe(0);
    const logs = worker!.logs().slice(before);
    expect(logs).toContain("greeting played from the cache");
    expect(logs).not.toContain("greeting synthesised and stored in the cache");
    const h = heard(call, "number-with-agent-cached");
    console.log(`[itest] cached greeting: answer ${call.answerMs} ms; first sound ${h.firstSoundAfterAnswerMs} ms after 200 OK`);
    expect(h.segments.length).toBeGreaterThanOrEqual(1);
    expect(recogniseSegment(h.ulaw, h.segments[0]!, [stubAgent.greeting, DEFAULT_AGENT.greeting, ...DISTRACTORS])).toBe(words(stubAgent.greeting));
    expect(readdirSync(greetingCacheDir).filter((f) => f.endsWith(".wav"))).toHaveLength(1);
  }, 60_000);

  it("answers a number without an agent with the built-in default agent", async () => {
    worker ??= await startWorker(workerEnvForTest(), httpPort);
    const call = await placeCall({ sipPort: liveKitSipPort(), called: numberWithoutAgent, caller, holdMs: 8000 });
    expect(call.exitCode, call.output).toBe(0);
    const h = heard(call, "number-without-agent");
    expect(h.segments.length).toBeGreaterThanOrEqual(1);
    expect(recogniseSegment(h.ulaw, h.segments[0]!, [DEFAULT_AGENT.greeting, stubAgent.greeting, ...DISTRACTORS])).toBe(words(DEFAULT_AGENT.greeting));
    expect(worker.logs()).toContain("using the built-in default agent");
  }, 60_000);

  it("drains on SIGTERM: a call in progress keeps its audio until the caller hangs up, then the worker exits", async () => {
    // A fresh worker and a call at once: SIGTERM then lands while the pool is still starting
    // job processes, the case where the framework's own drain gives up (robust-drain.ts).
    await worker?.stop(5000);
    worker = await startWorker(workerEnvForTest(), httpPort);
    const w = worker;
    let stopped: Promise<number | null> | undefined;
    let pressAt = 0;
    const call = await placeCall({
      sipPort: liveKitSipPort(),
      called: numberWithAgent,
      caller,
      holdMs: 12_000,
      onAnswered: (peer, pt) =>
        setTimeout(() => {
          stopped = w.stop(30_000);
          // Pressed after SIGTERM: the answer proves the call is still served while draining.
          setTimeout(() => {
            pressAt = performance.now();
            peer.pressKey("2", pt);
          }, 6000);
        }, 300),
    });
    expect(call.exitCode, `${call.output}\n${w.logs().slice(-3000)}`).toBe(0);
    expect(stopped).toBeDefined();
    expect(pressAt).toBeGreaterThan(0);
    const afterStop = call.peer.received.filter((p) => p.at > pressAt && p.payloadType <= 8);
    const afterStopUlaw = Buffer.concat(afterStop.map((p) => p.payload));
    const segs = speechSegments(ulawToPcm(afterStopUlaw));
    expect(segs.length).toBeGreaterThanOrEqual(1);
    expect(recogniseSegment(afterStopUlaw, segs[0]!, ["you pressed two", ...SHORT_DISTRACTORS])).toBe("you pressed two");
    expect(w.logs()).toMatch(/"text":"You pressed 2\."[^\n]*"agent said"/);
    // The worker exits by itself once the call is over (SIGTERM exit code 143), well before the SIGKILL grace.
    expect(await stopped).toBe(143);
    worker = undefined;
  }, 90_000);
});
