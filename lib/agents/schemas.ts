import { z } from "zod";
import { formatTransferDestinations, parseTransferDestinations, type TransferDestination } from "./transfer-destinations";

// The AI voice agent, one schema for every side (agent drawer, server actions, REST routes,
// services). Isomorphic: zod only. The provider lists are what the agent worker knows how to
// run; "offline" needs no provider account and works on this machine (espeak-ng, pocketsphinx
// and a local responder), so it is the default everywhere.

export const speechProviders = ["offline", "deepgram", "openai", "elevenlabs", "cartesia"] as const;
export const llmProviders = ["offline", "openai-compatible"] as const;
export type SpeechProvider = (typeof speechProviders)[number];
export type LlmProvider = (typeof llmProviders)[number];

const OFFLINE_LABEL = "Offline (works on this machine, no provider needed)";

export const speechProviderLabels: Record<SpeechProvider, string> = {
  offline: OFFLINE_LABEL,
  deepgram: "Deepgram",
  openai: "OpenAI",
  elevenlabs: "ElevenLabs",
  cartesia: "Cartesia",
};

export const llmProviderLabels: Record<LlmProvider, string> = {
  offline: OFFLINE_LABEL,
  "openai-compatible": "OpenAI-compatible API",
};

/** BCP 47 tags the worker's speech providers support, with the names shown in the form. */
export const agentLanguages = {
  "en-US": "English (United States)",
  "en-GB": "English (United Kingdom)",
  "ru-RU": "Russian",
  "de-DE": "German",
  "fr-FR": "French",
  "es-ES": "Spanish (Spain)",
  "es-MX": "Spanish (Mexico)",
  "it-IT": "Italian",
  "pt-BR": "Portuguese (Brazil)",
  "nl-NL": "Dutch",
  "pl-PL": "Polish",
  "tr-TR": "Turkish",
  "uk-UA": "Ukrainian",
  "hi-IN": "Hindi",
  "ja-JP": "Japanese",
  "zh-CN": "Chinese (Mandarin, simplified)",
} as const;
export type AgentLanguage = keyof typeof agentLanguages;
const languageCodes = Object.keys(agentLanguages) as [AgentLanguage, ...AgentLanguage[]];

// Control characters other than line breaks and tabs would end up in prompts and logs.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const LINE_BREAK = /[\r\n]/;

const text = (what: string, max: number, { multiline }: { multiline: boolean }) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(max, `Keep the ${what} to ${max.toLocaleString("en-US")} characters or fewer.`)
    .refine((v) => !CONTROL.test(v), `Remove control characters from the ${what}.`)
    .refine((v) => multiline || !LINE_BREAK.test(v), `Keep the ${what} on one line.`);

/** Limits of the call-ending settings, in seconds (small minimums keep tests short). */
export const MAX_CALL_SECONDS = { min: 5, max: 4 * 3600 } as const;
export const SILENCE_TIMEOUT_SECONDS = { min: 3, max: 3600 } as const;

const secondsText = ({ min, max }: { min: number; max: number }, empty: string) =>
  z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{1,5}$/.test(v) && Number(v) >= min && Number(v) <= max), `Enter whole seconds from ${min} to ${max.toLocaleString("en-US")}, or leave it empty for ${empty}.`)
    .default("");

export const agentFields = z.object({
  name: text("agent name", 100, { multiline: false }),
  greeting: text("greeting", 500, { multiline: false }),
  instructions: text("instructions", 20_000, { multiline: true }),
  language: z.enum(languageCodes, { error: "Choose one of the supported languages." }).default("en-US"),
  voice: z
    .string()
    .trim()
    .max(100, "Keep the voice to 100 characters or fewer.")
    .refine((v) => !CONTROL.test(v) && !LINE_BREAK.test(v), "Remove control characters from the voice.")
    .default(""),
  sttProvider: z.enum(speechProviders, { error: "Choose a speech-to-text provider from the list." }).default("offline"),
  llmProvider: z.enum(llmProviders, { error: "Choose an LLM provider from the list." }).default("offline"),
  ttsProvider: z.enum(speechProviders, { error: "Choose a text-to-speech provider from the list." }).default("offline"),
  endCallEnabled: z.boolean().default(true),
  maxCallSeconds: secondsText(MAX_CALL_SECONDS, "no limit"),
  silenceTimeoutSeconds: secondsText(SILENCE_TIMEOUT_SECONDS, "never"),
  /** One "name: +15551234567" or "name: sip:..." a line; "" for none. */
  transferDestinations: z
    .string()
    .superRefine((v, ctx) => {
      const r = parseTransferDestinations(v);
      if (!r.ok) for (const message of r.errors) ctx.addIssue({ code: "custom", message });
    })
    .overwrite((v) => {
      const r = parseTransferDestinations(v);
      return r.ok ? formatTransferDestinations(r.destinations) : v;
    })
    .default(""),
});
export type AgentFields = z.input<typeof agentFields>;

const secondsOrNull = (v: string) => (v === "" ? null : Number(v));

/** Create and edit take the same values (edit replaces them all). */
export const agentInput = agentFields.transform((v) => ({
  ...v,
  voice: v.voice === "" ? null : v.voice,
  maxCallSeconds: secondsOrNull(v.maxCallSeconds),
  silenceTimeoutSeconds: secondsOrNull(v.silenceTimeoutSeconds),
  transferDestinations: (() => {
    const r = parseTransferDestinations(v.transferDestinations);
    return r.ok ? r.destinations : [];
  })(),
}));
export type AgentInput = z.output<typeof agentInput>;

export const agentRestFields = ["name", "greeting", "instructions", "language", "voice", "sttProvider", "llmProvider", "ttsProvider", "endCallEnabled", "maxCallSeconds", "silenceTimeoutSeconds", "transferDestinations"] as const;

/** How the agent ends a call itself, in words for the form and the docs. */
export const END_CALL_HELP = "The agent may hang up when the conversation is over (its LLM's end_call tool; with the offline LLM, when the caller presses #).";

/** What the browser and the REST API receive. */
export type AgentView = {
  id: string;
  name: string;
  greeting: string;
  instructions: string;
  language: AgentLanguage;
  voice: string | null;
  sttProvider: SpeechProvider;
  llmProvider: LlmProvider;
  ttsProvider: SpeechProvider;
  endCallEnabled: boolean;
  /** Answered calls end after this many seconds; null: no limit. */
  maxCallSeconds: number | null;
  /** The call ends after this many seconds in which neither side spoke; null: never. */
  silenceTimeoutSeconds: number | null;
  /** Where the agent may transfer a call (its transfer tool; offline, the caller's 0 key: the first one). */
  transferDestinations: TransferDestination[];
  createdAt: string;
  updatedAt: string;
};
