import { llm } from "@livekit/agents";
import { z } from "zod";

// The tools the agent's LLM may call on a phone call. Each one only starts the action: the
// call-ending and transfer code decides the rest (what the console is told, when to hang up).

// Tools of different argument shapes in one map, as the framework's own ToolDefinitionMap has them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tool = ReturnType<typeof llm.tool<unknown, any, string>> | any;

export type AgentToolActions = {
  /** Present when the agent may hang up itself. */
  endCall?: () => void;
  /** Present when the agent has transfer destinations: their names, and the transfer. */
  transfer?: { destinations: string[]; to: (destination: string) => Promise<{ transferred: boolean; detail: string }> };
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
  if (actions.transfer && actions.transfer.destinations.length > 0) {
    const { destinations, to } = actions.transfer;
    tools.transfer_call = llm.tool({
      description: `Transfer the caller to a person. Use it when the caller asks for a person or for one of: ${destinations.join(", ")}.`,
      parameters: z.object({ destination: z.enum(destinations as [string, ...string[]]).describe("Where to transfer the call.") }),
      execute: async ({ destination }) => {
        const result = await to(destination);
        return result.transferred ? `The call was transferred to ${destination}.` : `The transfer failed (${result.detail}). Tell the caller and keep helping them.`;
      },
    });
  }
  return tools;
}
