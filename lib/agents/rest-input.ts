import { agentRestFields, type AgentFields, type AgentView } from "./schemas";

// The REST API's shapes for an agent, onto the one schema: `voice` may be null (provider
// default); on PATCH an absent field keeps its value.

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
