import type { llm, stt, tts } from "@livekit/agents";
import * as deepgram from "@livekit/agents-plugin-deepgram";
import * as elevenlabs from "@livekit/agents-plugin-elevenlabs";
import * as openai from "@livekit/agents-plugin-openai";
import type { AgentSettings } from "./agent-settings.js";
import type { WorkerEnv } from "./env.js";
import type { VoiceIdentity } from "./greeting-cache.js";
import { OfflineDialogueLLM } from "./offline/dialogue-llm.js";
import { EspeakTTS, espeakVoiceFor } from "./offline/espeak-tts.js";
import { PocketsphinxSTT } from "./offline/pocketsphinx-stt.js";

// Which speech and language providers a call uses: the agent's choices, each one kept only
// when the environment holds what it needs, else the offline part (and the reason). Only
// plugin instances are built: never model strings such as "deepgram/nova-3", which the
// framework sends to LiveKit's cloud gateway.

export type Choice = { provider: string; offline: boolean; reason: string | null };

export type ProviderPlan = { stt: Choice; llm: Choice; tts: Choice };

const OFFLINE_NAMES = new Set(["offline", "local", "pocketsphinx", "espeak", "espeak-ng", "deterministic"]);
const LLM_NAMES = new Set(["openai", "openai-compatible", "ollama", "vllm"]);

function offline(reason: string | null): Choice {
  return { provider: "offline", offline: true, reason };
}

/** Pure: decides the providers (unit-tested); `buildProviders` makes the instances. */
export function planProviders(agent: AgentSettings, env: WorkerEnv): ProviderPlan {
  if (env.AGENT_PROVIDERS === "offline") {
    const forced = offline("AGENT_PROVIDERS=offline");
    return { stt: forced, llm: forced, tts: forced };
  }
  const want = (v: string) => v.trim().toLowerCase();
  const pick = (kind: string, name: string, available: Record<string, string | undefined>): Choice => {
    if (OFFLINE_NAMES.has(name)) return offline(null);
    if (!(name in available)) return offline(`${kind} provider "${name}" is not supported by this worker`);
    const missing = available[name];
    return missing ? offline(`${kind} provider "${name}" needs ${missing}`) : { provider: name, offline: false, reason: null };
  };

  const sttName = want(agent.sttProvider);
  const stt = pick("speech-to-text", sttName, {
    deepgram: env.DEEPGRAM_API_KEY ? undefined : "DEEPGRAM_API_KEY",
    openai: env.OPENAI_API_KEY ? undefined : "OPENAI_API_KEY",
  });

  const llmName = want(agent.llmProvider);
  const llmChoice: Choice = OFFLINE_NAMES.has(llmName)
    ? offline(null)
    : !LLM_NAMES.has(llmName)
      ? offline(`LLM provider "${llmName}" is not supported by this worker`)
      : !env.LLM_MODEL
        ? offline(`LLM provider "${llmName}" needs LLM_MODEL (and LLM_BASE_URL / LLM_API_KEY for non-OpenAI servers)`)
        : !env.LLM_BASE_URL && !env.LLM_API_KEY && !env.OPENAI_API_KEY
          ? offline(`LLM provider "${llmName}" needs LLM_BASE_URL or an API key`)
          : { provider: llmName, offline: false, reason: null };

  const ttsName = want(agent.ttsProvider);
  const ttsChoice = pick("text-to-speech", ttsName, {
    elevenlabs: env.ELEVEN_API_KEY ? undefined : "ELEVEN_API_KEY",
    openai: env.OPENAI_API_KEY ? undefined : "OPENAI_API_KEY",
  });
  return { stt, llm: llmChoice, tts: ttsChoice };
}

export type Providers = {
  stt: stt.STT;
  llm: llm.LLM;
  tts: tts.TTS;
  /** Everything besides the text that changes what the TTS says (the greeting cache's key). */
  ttsVoice: VoiceIdentity;
};

export function buildProviders(plan: ProviderPlan, agent: AgentSettings, env: WorkerEnv): Providers {
  const language = agent.language;
  const baseLanguage = language.split("-")[0] ?? "en";

  let sttInstance: stt.STT;
  if (plan.stt.provider === "deepgram") {
    sttInstance = new deepgram.STT({ apiKey: env.DEEPGRAM_API_KEY, language, model: "nova-3" });
  } else if (plan.stt.provider === "openai") {
    sttInstance = new openai.STT({ apiKey: env.OPENAI_API_KEY, language: baseLanguage });
  } else {
    sttInstance = new PocketsphinxSTT({ modelDir: env.POCKETSPHINX_MODEL_DIR, language });
  }

  let llmInstance: llm.LLM;
  if (!plan.llm.offline) {
    llmInstance = new openai.LLM({
      model: env.LLM_MODEL ?? "",
      baseURL: env.LLM_BASE_URL,
      // Ollama and vLLM accept any key; the OpenAI client insists on one being present.
      apiKey: env.LLM_API_KEY ?? env.OPENAI_API_KEY ?? "not-needed",
    });
  } else {
    llmInstance = new OfflineDialogueLLM();
  }

  let ttsInstance: tts.TTS;
  let voiceSettings: unknown[];
  if (plan.tts.provider === "elevenlabs") {
    ttsInstance = new elevenlabs.TTS({ apiKey: env.ELEVEN_API_KEY, ...(agent.voice ? { voiceId: agent.voice } : {}), language: baseLanguage });
    voiceSettings = [agent.voice, baseLanguage];
  } else if (plan.tts.provider === "openai") {
    ttsInstance = new openai.TTS({ apiKey: env.OPENAI_API_KEY, ...(agent.voice ? { voice: agent.voice as openai.TTSVoices } : {}) });
    voiceSettings = [agent.voice];
  } else {
    // The agent's voice names an espeak voice only when the agent itself chose offline speech.
    const voice = plan.tts.reason === null && agent.voice && OFFLINE_VOICE.test(agent.voice) ? agent.voice : env.OFFLINE_TTS_VOICE ?? espeakVoiceFor(language);
    ttsInstance = new EspeakTTS({ voice, rate: env.OFFLINE_TTS_RATE });
    voiceSettings = [voice, env.OFFLINE_TTS_RATE];
  }
  const ttsVoice = JSON.stringify([ttsInstance.provider, ttsInstance.model, ttsInstance.sampleRate, ...voiceSettings]);
  return { stt: sttInstance, llm: llmInstance, tts: ttsInstance, ttsVoice };
}

/** espeak-ng voice names such as en-us, en-gb-x-rp, en-us+klatt2. */
const OFFLINE_VOICE = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,3}(\+[a-z0-9]{1,16})?$/;

export function describePlan(plan: ProviderPlan): string {
  const names = { stt: plan.stt.offline ? "pocketsphinx" : plan.stt.provider, llm: plan.llm.offline ? "deterministic dialogue" : plan.llm.provider, tts: plan.tts.offline ? "espeak-ng" : plan.tts.provider };
  const allOffline = plan.stt.offline && plan.llm.offline && plan.tts.offline;
  const mode = allOffline ? "OFFLINE MODE" : plan.stt.offline || plan.llm.offline || plan.tts.offline ? "PARTLY OFFLINE MODE" : "providers";
  return `${mode}: stt=${names.stt}, llm=${names.llm}, tts=${names.tts}`;
}
