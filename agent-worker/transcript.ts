import type { ConsolePostOutcome } from "./console-post.js";

// The call's transcript as the worker hears it: each turn (what the caller said, what the
// agent said and whether the caller cut it off, a key the caller pressed) numbered in order
// and sent to the console as it happens, so a job process that dies keeps what was sent. A
// send that fails keeps its turns for the next one; drain() sends what is left at the end.

export type TranscriptTurn = {
  seq: number;
  speaker: "caller" | "agent";
  kind: "speech" | "key";
  text: string;
  /** ISO 8601. */
  at: string;
  interrupted: boolean;
};

/** The console takes at most this many turns a request; a longer backlog goes in several. */
const MAX_TURNS_PER_SEND = 200;
/** Turns held while the console is away; the oldest go first past this. */
const MAX_HELD = 2000;

export class TranscriptRecorder {
  private seq = 0;
  private held: TranscriptTurn[] = [];
  private sending: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: (turns: TranscriptTurn[]) => Promise<ConsolePostOutcome>,
    private readonly onFailure: (reason: string, held: number) => void = () => undefined,
  ) {}

  add(turn: Omit<TranscriptTurn, "seq" | "at" | "interrupted"> & { at?: Date; interrupted?: boolean }): void {
    const text = turn.text.trim().slice(0, 4000);
    if (!text) return;
    this.held.push({ seq: this.seq++, speaker: turn.speaker, kind: turn.kind, text, at: (turn.at ?? new Date()).toISOString(), interrupted: turn.interrupted ?? false });
    if (this.held.length > MAX_HELD) this.held.splice(0, this.held.length - MAX_HELD);
    this.sending = this.sending.then(() => this.flush());
  }

  /** Resolves once everything added so far was sent, or sending it failed. */
  drain(): Promise<void> {
    this.sending = this.sending.then(() => this.flush());
    return this.sending;
  }

  private async flush(): Promise<void> {
    while (this.held.length > 0) {
      const batch = this.held.slice(0, MAX_TURNS_PER_SEND);
      const outcome = await this.send(batch);
      if (!outcome.ok) return this.onFailure(outcome.reason, this.held.length);
      this.held.splice(0, batch.length);
    }
  }
}
