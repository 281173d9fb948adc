// How the agent hangs up a call itself: it tells the console why first (so the call log's end
// reason is the agent's, not "the caller hung up"), says a last sentence when there is one,
// then hangs up (the room is deleted: livekit-sip sends the caller a BYE). Once per call,
// whichever comes first: the end_call tool (offline: the # key), the agent's maximum call
// duration, or its silence timeout.

export type EndingReason = "end_call_tool" | "max_duration" | "silence";

export type CallEndingDeps = {
  /** POST /api/internal/calls/ending; its outcome is only logged. */
  report: (reason: EndingReason, seconds: number | undefined) => Promise<{ ok: boolean; reason?: string }>;
  /** Speaks a sentence and resolves once it was heard (or cut off). */
  say: (text: string) => Promise<void>;
  hangUp: () => Promise<void>;
  log: (msg: string, fields: Record<string, unknown>) => void;
};

/** What the caller hears before the agent hangs up. The end_call tool's goodbye is the LLM's own. */
export const GOODBYES: Record<EndingReason, string | null> = {
  end_call_tool: null,
  max_duration: "Sorry, this call has reached its time limit. Goodbye.",
  silence: "I have not heard anything for a while, so I will end the call now. Goodbye.",
};

/** A goodbye never holds the hang-up longer than this. */
const GOODBYE_LIMIT_MS = 8000;

export class CallEnding {
  private ending: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CallEndingDeps) {}

  get started(): boolean {
    return this.ending !== null;
  }

  /** Ends the call for `reason`; a second call (another reason racing) joins the first. */
  end(reason: EndingReason, seconds?: number, goodbye: string | null = GOODBYES[reason]): Promise<void> {
    this.ending ??= this.run(reason, seconds, goodbye);
    return this.ending;
  }

  /** Ends the call `seconds` after now (the answer), unless it ends before. */
  limitDuration(seconds: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.end("max_duration", seconds), seconds * 1000);
    this.timer.unref?.();
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  private async run(reason: EndingReason, seconds: number | undefined, goodbye: string | null): Promise<void> {
    clearTimeout(this.timer);
    this.deps.log("the agent is ending the call", { reason, seconds });
    const reported = await this.deps.report(reason, seconds);
    if (!reported.ok) this.deps.log("could not tell the console why the call ends", { reason: reported.reason });
    if (goodbye) {
      await Promise.race([this.deps.say(goodbye).catch(() => undefined), new Promise((r) => setTimeout(r, GOODBYE_LIMIT_MS).unref?.())]);
    }
    await this.deps.hangUp();
  }
}
