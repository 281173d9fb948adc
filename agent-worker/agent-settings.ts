import { z } from "zod";
import type { CallTarget } from "./call-metadata.js";

// An agent's settings as the console's internal API returns them, the built-in default
// agent, and the loader that picks one for a call. The worker never reads the database:
// the console owns agents and answers GET /api/internal/agents/<id>?spaceId=<space>.

export const agentSettingsSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(200),
  greeting: z.string().max(2000),
  instructions: z.string().max(20_000),
  /** BCP 47, e.g. en-US. */
  language: z.string().min(2).max(35),
  voice: z.string().max(200).nullable(),
  sttProvider: z.string().min(1).max(64),
  llmProvider: z.string().min(1).max(64),
  ttsProvider: z.string().min(1).max(64),
  // Absent from an older console: the agent hangs up only by its end_call tool.
  endCallEnabled: z.boolean().default(true),
  maxCallSeconds: z.int().min(1).nullable().default(null),
  silenceTimeoutSeconds: z.int().min(1).nullable().default(null),
  /** The names of the agent's transfer destinations (the console keeps their addresses). */
  transferDestinations: z.array(z.string().min(1).max(40)).max(20).default([]),
});

export type AgentSettings = z.infer<typeof agentSettingsSchema>;

/** The body of a 200 from the internal endpoint. */
export const internalAgentResponseSchema = z.object({ agent: agentSettingsSchema });

export const DEFAULT_AGENT: AgentSettings = {
  id: "builtin-default",
  name: "Switchboard default agent",
  greeting: "Hello, thank you for calling Switchboard. How can I help you today?",
  instructions:
    "You are a friendly, concise phone assistant. Answer in one or two short sentences, " +
    "as your replies are spoken on a phone call.",
  language: "en-US",
  voice: null,
  sttProvider: "offline",
  llmProvider: "offline",
  ttsProvider: "offline",
  endCallEnabled: true,
  maxCallSeconds: null,
  silenceTimeoutSeconds: null,
  transferDestinations: [],
};

export type LoadedAgent = {
  settings: AgentSettings;
  source: "console" | "default";
  /** Why the default agent is used, when it is. */
  reason: string | null;
};

export type ConsoleConfig = {
  url: string | undefined;
  token: string | undefined;
  timeoutMs: number;
};

type Fetch = typeof fetch;

async function fetchAgent(path: string, config: { url: string; token: string; timeoutMs: number }, fetchImpl: Fetch): Promise<LoadedAgent> {
  const url = new URL(path, config.url.endsWith("/") ? config.url : `${config.url}/`);
  let res: Response;
  try {
    res = await fetchImpl(url, {
      headers: { authorization: `Bearer ${config.token}`, accept: "application/json" },
      signal: AbortSignal.timeout(config.timeoutMs),
      redirect: "error",
    });
  } catch (err) {
    const what = err instanceof Error && err.name === "TimeoutError" ? `did not answer within ${config.timeoutMs} ms` : "is unreachable";
    return { settings: DEFAULT_AGENT, source: "default", reason: `the console ${what}` };
  }
  if (res.status === 404) return { settings: DEFAULT_AGENT, source: "default", reason: "the console knows no such agent (404)" };
  if (res.status === 401 || res.status === 403) return { settings: DEFAULT_AGENT, source: "default", reason: `the console refused the worker's token (${res.status})` };
  if (!res.ok) return { settings: DEFAULT_AGENT, source: "default", reason: `the console answered ${res.status}` };
  const body: unknown = await res.json().catch(() => undefined);
  const parsed = internalAgentResponseSchema.safeParse(body);
  if (!parsed.success) return { settings: DEFAULT_AGENT, source: "default", reason: "the console's answer is not an agent" };
  return { settings: parsed.data.agent, source: "console", reason: null };
}

/** The agent for a call; never throws: anything missing or failing gives the default agent and the reason. */
export async function loadAgentForCall(target: CallTarget, config: ConsoleConfig, fetchImpl: Fetch = fetch): Promise<LoadedAgent> {
  if (!target.agentId) {
    return { settings: DEFAULT_AGENT, source: "default", reason: target.metadataProblem ?? "no agent is assigned to the number" };
  }
  if (!target.spaceId) {
    return { settings: DEFAULT_AGENT, source: "default", reason: "the job metadata names no space, so the agent cannot be looked up safely" };
  }
  if (!config.url || !config.token) {
    return { settings: DEFAULT_AGENT, source: "default", reason: "CONSOLE_INTERNAL_URL or WORKER_INTERNAL_TOKEN is not set" };
  }
  const path = `api/internal/agents/${encodeURIComponent(target.agentId)}?spaceId=${encodeURIComponent(target.spaceId)}`;
  return fetchAgent(path, { url: config.url, token: config.token, timeoutMs: config.timeoutMs }, fetchImpl);
}
