import { AutoSubscribe, defineAgent, inference, log, voice, type JobContext } from "@livekit/agents";
import { buildAgentTools } from "./agent-tools.js";
import { RoomEvent, type RemoteParticipant } from "@livekit/rtc-node";
import { loadAgentForCall } from "./agent-settings.js";
import { GreetingCache, greetingAudio } from "./greeting-cache.js";
import { reportAnswered } from "./answer-report.js";
import { CallEnding } from "./call-ending.js";
import { CallTransfer } from "./transfer.js";
import { parseCallMetadata } from "./call-metadata.js";
import { workerEnv } from "./env.js";
import { dtmfUserInput, isDtmfUserInput } from "./offline/dialogue-llm.js";
import { postToConsole } from "./console-post.js";
import { TranscriptRecorder } from "./transcript.js";
import { renderTemplate, variablesFromAttributes } from "./variables.js";
import { buildProviders, describePlan, planProviders } from "./providers.js";
import { warmJobProcess } from "./warm-job-process.js";

// One call: runs in its own job process, forked by the worker for a room the number's
// dispatch rule sent it to. Joins, finds the caller, loads the number's agent from the
// console, greets, then converses (VAD -> STT -> LLM -> TTS) until the caller hangs up.

const CALLER_WAIT_MS = 20_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms).unref())]);
}

const ANSWER_WAIT_MS = 90_000;

const GREETING_SOURCE = {
  cache: "greeting played from the cache",
  stored: "greeting synthesised and stored in the cache",
  synthesised: "greeting synthesised (not cached: it has {{variables}}, or the cache is off)",
} as const;

/** What the offline agent says when the caller ends the call with #. */
const OFFLINE_GOODBYE = "Thank you for calling. Goodbye.";

/**
 * Resolves with the moment the SIP participant's call status turned "active" (seen here at
 * once, so the console logs the answer to the millisecond), null on hang-up or timeout.
 */
function waitForAnswer(ctx: JobContext, identity: string): Promise<Date | null> {
  return new Promise((resolve) => {
    const done = (answered: Date | null) => {
      clearTimeout(timer);
      ctx.room.off(RoomEvent.ParticipantAttributesChanged, onAttributes);
      ctx.room.off(RoomEvent.ParticipantDisconnected, onLeft);
      resolve(answered);
    };
    const onAttributes = (changed: Record<string, string>, p: { identity: string }) => {
      if (p.identity === identity && changed["sip.callStatus"] === "active") done(new Date());
    };
    const onLeft = (p: RemoteParticipant) => {
      if (p.identity === identity) done(null);
    };
    const timer = setTimeout(() => done(null), ANSWER_WAIT_MS);
    ctx.room.on(RoomEvent.ParticipantAttributesChanged, onAttributes);
    ctx.room.on(RoomEvent.ParticipantDisconnected, onLeft);
  });
}

const GOODBYE_WAIT_MS = 10_000;

/** Resolves once the agent is done speaking (at most GOODBYE_WAIT_MS from now). */
function agentListening(session: voice.AgentSession): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      session.off(voice.AgentSessionEventTypes.AgentStateChanged, onState);
      resolve();
    };
    const onState = (ev: voice.AgentStateChangedEvent) => {
      if (ev.newState === "listening" || ev.newState === "idle") done();
    };
    const timer = setTimeout(done, GOODBYE_WAIT_MS);
    session.on(voice.AgentSessionEventTypes.AgentStateChanged, onState);
    // Already quiet (the tool came without words, or they were heard): at once.
    if (session.agentState === "listening" || session.agentState === "idle") setTimeout(done, 300);
  });
}

export default defineAgent({
  // Runs while the job process waits for a call, so the call does not pay for it.
  prewarm: warmJobProcess,
  entry: async (ctx: JobContext) => {
    const env = workerEnv();
    const logger = log().child({ room: ctx.job.room?.name, job: ctx.job.id });

    const consoleConfig = { url: env.CONSOLE_INTERNAL_URL, token: env.WORKER_INTERNAL_TOKEN, timeoutMs: env.CONSOLE_TIMEOUT_MS };
    // The agent is named by the job's metadata alone, so its settings load while we join.
    const loading = loadAgentForCall(parseCallMetadata(ctx.job.metadata), consoleConfig);
    await ctx.connect(undefined, AutoSubscribe.AUDIO_ONLY);
    let caller: RemoteParticipant;
    try {
      caller = await withTimeout(ctx.waitForParticipant(), CALLER_WAIT_MS, "the caller");
    } catch (err) {
      logger.warn({ err: (err as Error).message }, "no caller joined the room; leaving");
      ctx.shutdown("no caller");
      return;
    }

    const target = parseCallMetadata(ctx.job.metadata, caller.attributes);
    const loaded = await loading;
    // The agent's {{variables}}: the batch row's values, and the SIP headers the account passes.
    const variables = { ...target.variables, ...variablesFromAttributes(caller.attributes) };
    const agent = { ...loaded.settings, greeting: renderTemplate(loaded.settings.greeting, variables), instructions: renderTemplate(loaded.settings.instructions, variables) };
    const callLog = logger.child({ number: target.number, numberSource: target.numberSource, agentId: agent.id, spaceId: target.spaceId, caller: caller.identity });
    if (loaded.source === "default") callLog.warn({ reason: loaded.reason }, "using the built-in default agent");
    else callLog.info({ agentName: agent.name }, "loaded the number's agent from the console");

    const plan = planProviders(agent, env);
    for (const [part, choice] of Object.entries(plan)) {
      if (choice.reason) callLog.warn({ part, reason: choice.reason }, `${part}: offline fallback`);
    }
    callLog.info({ mode: describePlan(plan) }, describePlan(plan));
    const providers = buildProviders(plan, agent, env);
    const prepareGreeting = () =>
      greetingAudio({
        cache: env.AGENT_WORKER_GREETING_CACHE_ENTRIES > 0 ? new GreetingCache(env.AGENT_WORKER_GREETING_CACHE_DIR, env.AGENT_WORKER_GREETING_CACHE_ENTRIES) : null,
        template: loaded.settings.greeting,
        text: agent.greeting,
        voice: providers.ttsVoice,
        tts: providers.tts,
        onStoreError: (err) => callLog.warn({ err: err.message }, "could not store the greeting in the cache"),
      });
    // An inbound caller is greeted as soon as the session has started, so the greeting is
    // read from the cache (or its synthesis started) now, before session.start keeps this
    // thread busy: prepared after it, the greeting was asked for 180-610 ms after the 200 OK
    // (timed in the job process). An outbound callee may never answer: prepared once they have.
    const early = agent.greeting.trim() && target.direction === "inbound" ? prepareGreeting() : null;
    // Awaited below, where a failure fails the call as before; marked handled until then.
    early?.catch(() => undefined);

    const session = new voice.AgentSession({
      // Local models only: the bundled VAD and the local turn detector (v1-mini), pinned so
      // neither is ever resolved to LiveKit's cloud inference.
      vad: new inference.VAD(),
      stt: providers.stt,
      llm: providers.llm,
      tts: providers.tts,
      turnHandling: {
        turnDetection: new inference.TurnDetector({ version: "v1-mini" }),
        // Barge-in: the caller speaking over the agent for 0.5 s stops it; "vad" keeps
        // interruption detection local (adaptive mode is a cloud model).
        interruption: { enabled: true, mode: "vad", minDuration: 500 },
      },
      // Phone calls: no acoustic echo cancellation warm-up window that would mute barge-in.
      aecWarmupDuration: null,
      // The agent's silence timeout: the caller counts as away once neither side spoke for
      // this long (the framework's timer runs only while both are listening).
      userAwayTimeout: agent.silenceTimeoutSeconds,
    });

    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      callLog.info({ reason }, "call ended");
      ctx.shutdown(reason);
    };
    session.on(voice.AgentSessionEventTypes.Close, () => end("session closed"));
    session.on(voice.AgentSessionEventTypes.UserInputTranscribed, (ev) => {
      if (ev.isFinal) callLog.info({ transcript: ev.transcript }, "caller said");
    });
    const roomName = ctx.room.name ?? "";
    const transcript = new TranscriptRecorder(
      (turns) => postToConsole("calls/transcript", { roomName, participantIdentity: caller.identity, turns }, { ...consoleConfig, attempts: 3 }),
      (reason, held) => callLog.warn({ reason, held }, "could not send the transcript to the console; kept for the next turn"),
    );
    ctx.addShutdownCallback(() => transcript.drain());

    const ending = new CallEnding({
      report: (reason, seconds) => postToConsole("calls/ending", { roomName, participantIdentity: caller.identity, reason, ...(seconds ? { seconds } : {}) }, { ...consoleConfig, attempts: 2 }),
      say: (text) => session.say(text, { allowInterruptions: false }).waitForPlayout(),
      hangUp: () => ctx.deleteRoom().catch((err: Error) => callLog.warn({ err: err.message }, "could not hang up the call")),
      log: (msg, fields) => callLog.info(fields, msg),
    });
    if (agent.silenceTimeoutSeconds !== null) {
      const seconds = agent.silenceTimeoutSeconds;
      session.on(voice.AgentSessionEventTypes.UserStateChanged, (ev) => {
        if (ev.newState === "away") void ending.end("silence", seconds);
      });
    }
    session.on(voice.AgentSessionEventTypes.ConversationItemAdded, (ev) => {
      if (ev.item.type !== "message") return;
      const text = ev.item.textContent ?? "";
      const at = new Date(ev.item.createdAt);
      if (ev.item.role === "assistant") {
        callLog.info({ text, interrupted: ev.item.interrupted }, "agent said");
        transcript.add({ speaker: "agent", kind: "speech", text, at, interrupted: ev.item.interrupted });
      } else if (ev.item.role === "user" && !isDtmfUserInput(text)) {
        transcript.add({ speaker: "caller", kind: "speech", text, at });
      }
    });
    ctx.room.on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => {
      if (p.identity === caller.identity) end("caller hung up");
    });

    const transfer = new CallTransfer({
      // The console waits for the PBX's answer to the REFER (and its NOTIFY): up to 45 s.
      request: (destination) => postToConsole("calls/transfer", { roomName, participantIdentity: caller.identity, destination }, { ...consoleConfig, timeoutMs: 45_000, attempts: 1 }),
      say: (text) => session.say(text, { allowInterruptions: false }).waitForPlayout(),
      log: (msg, fields) => callLog.info(fields, msg),
    });
    const tools = buildAgentTools({
      transfer: { destinations: agent.transferDestinations, to: (destination) => transfer.to(destination) },
      // Hang up once the goodbye the model says with this call was heard.
      endCall: agent.endCallEnabled ? () => void agentListening(session).then(() => ending.end("end_call_tool")) : undefined,
    });

    await session.start({
      agent: new voice.Agent({ instructions: agent.instructions, tools }),
      room: ctx.room,
      inputOptions: { participantIdentity: caller.identity, audioSampleRate: 16_000, closeOnDisconnect: true },
      // Nothing of the call is recorded or uploaded anywhere.
      record: false,
    });

    ctx.room.on(RoomEvent.DtmfReceived, (_code: number, digit: string, from: RemoteParticipant) => {
      if (from.identity !== caller.identity) return;
      callLog.info({ digit }, "caller pressed a key");
      transcript.add({ speaker: "caller", kind: "key", text: digit });
      if (ending.started) return;
      // Offline, the keypad stands in for the LLM's tools: # ends the call.
      if (digit === "#" && agent.endCallEnabled && plan.llm.offline) {
        void ending.end("end_call_tool", undefined, OFFLINE_GOODBYE);
        return;
      }
      // ... and 0 transfers to the agent's first destination.
      const first = agent.transferDestinations[0];
      if (digit === "0" && first && plan.llm.offline) {
        void transfer.to(first);
        return;
      }
      session.generateReply({ userInput: dtmfUserInput(digit) });
    });

    // livekit-sip answers an inbound call once the agent is in the room; an outbound callee
    // joins while it still rings. Either way the console learns of the answer from us.
    const answered = caller.attributes["sip.callStatus"] === "active" ? Promise.resolve(new Date()) : waitForAnswer(ctx, caller.identity);
    void answered.then(async (at) => {
      if (!at || !ctx.room.name) return;
      if (agent.maxCallSeconds !== null) ending.limitDuration(agent.maxCallSeconds);
      const report = await reportAnswered(
        { roomName: ctx.room.name, participantIdentity: caller.identity, answeredAt: at.toISOString() },
        consoleConfig,
      );
      if (report.ok) callLog.info({ attempts: report.attempts }, "reported the answer to the console");
      else callLog.warn({ reason: report.reason, attempts: report.attempts }, "could not report the answer to the console");
    });
    // Outbound: greet once the callee has answered, not into the ringing.
    if (target.direction === "outbound" && !(await answered)) return end("the callee did not answer");
    if (agent.greeting.trim()) {
      const greeting = await (early ?? prepareGreeting());
      callLog.info(GREETING_SOURCE[greeting.source]);
      session.say(agent.greeting, { allowInterruptions: true, audio: greeting.audio });
    }
  },
});
