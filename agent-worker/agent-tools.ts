import { llm } from "@livekit/agents";

// The tools the agent's LLM may call on a phone call. Each one only starts the action: the
// call-ending and transfer code decides the rest (what the console is told, when to hang up).

type Tool = ReturnType<typeof llm.tool<unknown, undefined, string>>;

export type AgentToolActions = {
  /** Present when the agent may hang up itself. */
  endCall?: () => void;
};

export function buildAgentTools(actions: AgentToolActions): Record<string, Tool> {
  const tools: Record<string, Tool> = {};
  if (actions.endCall) {
    const endCall = actions.endCall;
    tools.end_call = llm.tool({
      description: "Hang up the phone call. Use it once the caller's business is done and you have said goodbye, or when the caller asks to end the call.",
      execute: async () => {
        endCall();
        return "The call is being ended.";
      },
    });
  }
  return tools;
}
