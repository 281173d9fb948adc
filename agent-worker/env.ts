import { tmpdir } from "node:os";
import path from "node:path";
import { z } from "zod";

// The only reader of process.env for the agent worker (the web app has lib/env.ts). Parsed
// once per process: the worker's main process and every job process it forks.

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const workerEnvSchema = z.object({
  /** livekit-server, http(s):// or ws(s)://; the framework turns http into ws. */
  LIVEKIT_URL: z.string().regex(/^(https?|wss?):\/\/[^\s]+$/, "LIVEKIT_URL must be an http(s) or ws(s) URL"),
  LIVEKIT_API_KEY: z.string().min(1, "LIVEKIT_API_KEY is required"),
  LIVEKIT_API_SECRET: z.string().min(32, "LIVEKIT_API_SECRET must be at least 32 characters"),
  /** Explicit dispatch: the worker joins only rooms whose dispatch rule names it. */
  AGENT_NAME: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "AGENT_NAME must be 1-64 letters, digits, dots, dashes or underscores")
    .default("switchboard-agent"),
  /** The worker's health/info HTTP server (the framework's default 8081 collides with livekit-sip's). */
  AGENT_WORKER_HTTP_HOST: z.string().default("127.0.0.1"),
  AGENT_WORKER_HTTP_PORT: port(8089),
  /**
   * When set, the worker reports its load as active calls / this number instead of the
   * framework's CPU reading, so LiveKit stops sending calls at exactly this many. The CPU
   * reading marks a 2-core machine "full" during a call's start-up spike.
   */
  AGENT_WORKER_MAX_CALLS: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Job processes kept warm (each call runs in its own process); two per core when empty. */
  AGENT_WORKER_IDLE_PROCESSES: z.coerce.number().int().min(0).max(64).optional(),
  /**
   * V8's young generation of each job process, in MB per semi-space (0: V8's default, 16).
   * A call's process allocates quickly and briefly (audio frames, protobuf, streams); with
   * the default its young generation grows to the cap while the call starts.
   */
  AGENT_WORKER_JOB_SEMI_SPACE_MB: z.coerce.number().int().min(0).max(64).default(1),
  /** Where each agent's greeting is kept once synthesised (shared by the worker's job processes). */
  AGENT_WORKER_GREETING_CACHE_DIR: z.string().default(path.join(tmpdir(), "switchboard-greetings")),
  /** Greetings kept in that cache, the least recently played dropped first; 0 turns the cache off. */
  AGENT_WORKER_GREETING_CACHE_ENTRIES: z.coerce.number().int().min(0).max(100_000).default(500),
  /** Seconds SIGTERM waits for calls in progress before the worker exits anyway. */
  AGENT_WORKER_DRAIN_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(600),

  /** The console, for agent settings: GET <url>/api/internal/agents/<id>. */
  CONSOLE_INTERNAL_URL: optionalText.pipe(z.url("CONSOLE_INTERNAL_URL must be a URL").optional()),
  /** Shared secret for the console's internal API (the console's WORKER_INTERNAL_TOKEN). */
  WORKER_INTERNAL_TOKEN: optionalText.pipe(z.string().min(32, "WORKER_INTERNAL_TOKEN must be at least 32 characters").optional()),
  CONSOLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(3000),

  /** "offline" forces the offline providers even when keys are set. */
  AGENT_PROVIDERS: z.enum(["auto", "offline"]).default("auto"),
  /** OpenAI-compatible chat completions (OpenAI, Ollama, vLLM, ...). */
  LLM_BASE_URL: optionalText.pipe(z.url("LLM_BASE_URL must be a URL").optional()),
  LLM_API_KEY: optionalText,
  LLM_MODEL: optionalText,
  OPENAI_API_KEY: optionalText,
  DEEPGRAM_API_KEY: optionalText,
  ELEVEN_API_KEY: optionalText,

  /** espeak-ng voice for offline speech when the agent names none (e.g. en-us, en-us+klatt2). */
  OFFLINE_TTS_VOICE: optionalText,
  OFFLINE_TTS_RATE: z.coerce.number().int().min(80).max(450).default(160),
  /** pocketsphinx model directory (Debian's pocketsphinx-en-us). */
  POCKETSPHINX_MODEL_DIR: z.string().default("/usr/share/pocketsphinx/model/en-us"),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

let cached: WorkerEnv | undefined;

export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  // An empty setting (KEY= in .env or the environment) means "not set", as in .env.example.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = workerEnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid agent worker environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function workerEnv(): WorkerEnv {
  cached ??= parseWorkerEnv(process.env);
  return cached;
}
