import { describe, expect, it } from "vitest";
import { DEFAULT_AGENT } from "./agent-settings";
import { parseWorkerEnv } from "./env";
import { describePlan, planProviders } from "./providers";

const base = { LIVEKIT_URL: "http://127.0.0.1:7880", LIVEKIT_API_KEY: "k", LIVEKIT_API_SECRET: "s".repeat(40) };
const env = (extra: Record<string, string> = {}) => parseWorkerEnv({ ...base, ...extra });
const agent = (p: Partial<typeof DEFAULT_AGENT>) => ({ ...DEFAULT_AGENT, ...p });

describe("planProviders", () => {
  it("is offline for the default agent, and says so", () => {
    const plan = planProviders(DEFAULT_AGENT, env());
    expect([plan.stt.offline, plan.llm.offline, plan.tts.offline]).toEqual([true, true, true]);
    expect(describePlan(plan)).toBe("OFFLINE MODE: stt=pocketsphinx, llm=deterministic dialogue, tts=espeak-ng");
  });

  it("uses a provider only when its key is configured, else offline with the reason", () => {
    const a = agent({ sttProvider: "deepgram", llmProvider: "openai-compatible", ttsProvider: "elevenlabs" });
    const without = planProviders(a, env());
    expect(without.stt).toEqual({ provider: "offline", offline: true, reason: 'speech-to-text provider "deepgram" needs DEEPGRAM_API_KEY' });
    expect(without.tts.reason).toBe('text-to-speech provider "elevenlabs" needs ELEVEN_API_KEY');
    expect(without.llm.reason).toMatch(/needs LLM_MODEL/);
    const withKeys = planProviders(a, env({ DEEPGRAM_API_KEY: "d", ELEVEN_API_KEY: "e", LLM_BASE_URL: "http://127.0.0.1:11434/v1", LLM_MODEL: "llama3.2" }));
    expect(withKeys).toEqual({
      stt: { provider: "deepgram", offline: false, reason: null },
      llm: { provider: "openai-compatible", offline: false, reason: null },
      tts: { provider: "elevenlabs", offline: false, reason: null },
    });
    expect(describePlan(withKeys)).toBe("providers: stt=deepgram, llm=openai-compatible, tts=elevenlabs");
  });

  it("falls back for providers this worker cannot run (Cartesia) and when offline is forced", () => {
    expect(planProviders(agent({ ttsProvider: "cartesia" }), env()).tts.reason).toBe('text-to-speech provider "cartesia" is not supported by this worker');
    const forced = planProviders(agent({ sttProvider: "openai" }), env({ OPENAI_API_KEY: "o", AGENT_PROVIDERS: "offline" }));
    expect(forced.stt).toEqual({ provider: "offline", offline: true, reason: "AGENT_PROVIDERS=offline" });
    expect(describePlan(planProviders(agent({ sttProvider: "openai" }), env({ OPENAI_API_KEY: "o" })))).toMatch(/^PARTLY OFFLINE MODE: stt=openai/);
  });
});

describe("parseWorkerEnv", () => {
  it("names the variable that is wrong", () => {
    expect(() => parseWorkerEnv({ ...base, LIVEKIT_URL: "127.0.0.1:7880" })).toThrow(/LIVEKIT_URL/);
    expect(() => parseWorkerEnv({ ...base, WORKER_INTERNAL_TOKEN: "short" })).toThrow(/WORKER_INTERNAL_TOKEN/);
    const e = parseWorkerEnv({ ...base, CONSOLE_INTERNAL_URL: "", WORKER_INTERNAL_TOKEN: " ", AGENT_WORKER_MAX_CALLS: "" });
    expect([e.CONSOLE_INTERNAL_URL, e.WORKER_INTERNAL_TOKEN, e.AGENT_WORKER_MAX_CALLS]).toEqual([undefined, undefined, undefined]);
    expect(e).toMatchObject({ AGENT_NAME: "switchboard-agent", AGENT_WORKER_HTTP_PORT: 8089 });
  });
});
