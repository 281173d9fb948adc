import type { ConsolePostOutcome } from "./console-post.js";

// The agent hands the caller to a person: it says so, asks the console to transfer the call to
// one of its named destinations (the console holds the addresses and asks LiveKit for a cold
// transfer through the caller's PBX), and says so again when that failed: the call then stays
// with the agent. Once the PBX connects the transfer, livekit-sip hangs up our leg.

export type TransferDeps = {
  /** POST /api/internal/calls/transfer; its body says {outcome, detail}. */
  request: (destination: string) => Promise<ConsolePostOutcome>;
  say: (text: string) => Promise<void>;
  log: (msg: string, fields: Record<string, unknown>) => void;
};

export type TransferAttempt = { transferred: boolean; detail: string };

/** A transfer under way blocks another until it is over. */
export class CallTransfer {
  private busy = false;

  constructor(private readonly deps: TransferDeps) {}

  async to(destination: string): Promise<TransferAttempt> {
    if (this.busy) return { transferred: false, detail: "A transfer is already under way." };
    this.busy = true;
    try {
      await this.deps.say(`Please hold while I transfer you to ${destination}.`).catch(() => undefined);
      const answer = await this.deps.request(destination);
      const body = answer.ok ? (answer.body as { outcome?: string; detail?: string } | undefined) : undefined;
      const transferred = body?.outcome === "transferred";
      const detail = body?.detail ?? (answer.ok ? "The console gave no outcome." : answer.reason);
      this.deps.log(transferred ? "the call was transferred" : "the transfer failed", { destination, detail });
      if (!transferred) await this.deps.say(`Sorry, I could not transfer you to ${destination}. I am still here to help.`).catch(() => undefined);
      return { transferred, detail };
    } finally {
      this.busy = false;
    }
  }
}
