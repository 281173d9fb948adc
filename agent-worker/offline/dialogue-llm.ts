import { DEFAULT_API_CONNECT_OPTIONS, llm, type APIConnectOptions } from "@livekit/agents";

// The offline "LLM": a deterministic dialogue, not a language model. It repeats back what
// the speech recogniser understood and answers keypad digits, so a call through the real
// stack shows STT -> reply -> TTS working without any model or network. Every log line of
// a session using it says "offline mode".

/** How a keypad press reaches the dialogue (and a real LLM) as the caller's turn. */
export function dtmfUserInput(digit: string): string {
  return `(The caller pressed the key ${digit} on their phone keypad.)`;
}

const DTMF_INPUT = /^\(The caller pressed the key ([0-9*#A-D]) on their phone keypad\.\)$/;

/** Whether a caller turn is a key press put into words (the transcript records the key itself). */
export function isDtmfUserInput(text: string): boolean {
  return DTMF_INPUT.test(text.trim());
}

const SPOKEN_KEYS: Record<string, string> = { "*": "star", "#": "pound" };

/** The offline reply to one caller turn. */
export function offlineReply(userText: string): string {
  const text = userText.trim();
  const dtmf = DTMF_INPUT.exec(text);
  if (dtmf) {
    const key = dtmf[1] ?? "";
    return `You pressed ${SPOKEN_KEYS[key] ?? key}.`;
  }
  if (!text) return "Sorry, I did not catch that.";
  return `I heard: ${text}.`;
}

export class OfflineDialogueLLM extends llm.LLM {
  label(): string {
    return "offline.DialogueLLM";
  }

  override get model(): string {
    return "deterministic-dialogue";
  }

  override get provider(): string {
    return "offline";
  }

  chat({ chatCtx, toolCtx, connOptions }: { chatCtx: llm.ChatContext; toolCtx?: llm.ToolContext; connOptions?: APIConnectOptions }): llm.LLMStream {
    return new OfflineDialogueStream(this, { chatCtx, toolCtx, connOptions: connOptions ?? DEFAULT_API_CONNECT_OPTIONS });
  }
}

class OfflineDialogueStream extends llm.LLMStream {
  protected async run(): Promise<void> {
    const items = this.chatCtx.items;
    const last = items[items.length - 1];
    // Reply only to a caller's turn; anything else (a tool result, our own message) gets none.
    if (!last || last.type !== "message" || last.role !== "user") return;
    this.queue.put({ id: "offline", delta: { role: "assistant", content: offlineReply(last.textContent ?? "") } });
  }
}
