import { z } from "zod";
import { agentFields, agentRestFields, type AgentFields, type AgentView } from "./schemas";

// The REST API's shapes for an agent, onto the one schema: `voice` may be null (provider
// default); on PATCH an absent field keeps its value. The bodies reuse the form's field
// schemas: the routes parse with them and the OpenAPI document is generated from them.

const f = agentFields.shape;

export const createAgentBody = z.strictObject({
  name: f.name.meta({ description: "Unique in the Space whatever the case." }),
  greeting: f.greeting.meta({ description: "The first sentence the agent speaks." }),
  instructions: f.instructions.meta({ description: "The system prompt." }),
  language: f.language.unwrap().optional().meta({ description: "BCP 47 tag. Default en-US." }),
  voice: f.voice.unwrap().nullable().optional().meta({ description: "Provider-specific voice; null or absent: the provider's default." }),
  sttProvider: f.sttProvider.unwrap().optional().meta({ description: "Speech to text. Default offline (works without a provider account)." }),
  llmProvider: f.llmProvider.unwrap().optional().meta({ description: "Language model. Default offline." }),
  ttsProvider: f.ttsProvider.unwrap().optional().meta({ description: "Text to speech. Default offline." }),
});

/** PATCH: every field optional; an absent one keeps its value (defaults do not apply). */
export const updateAgentBody = createAgentBody.partial();

type Body = Record<string, unknown>;

export function createAgentFieldsFromRest(body: Body): AgentFields {
  return { ...body, voice: body.voice ?? "" } as AgentFields;
}

export function editAgentFieldsFromRest(body: Body, current: AgentView): AgentFields {
  const merged: Record<string, unknown> = { ...current, voice: current.voice ?? "" };
  for (const key of agentRestFields) if (key in body) merged[key] = key === "voice" ? (body.voice ?? "") : body[key];
  const picked = Object.fromEntries(agentRestFields.map((k) => [k, merged[k]]));
  return picked as AgentFields;
}
