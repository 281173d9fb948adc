// How many calls this dispatcher may be starting at once. Starting a call is LiveKit's
// expensive step (livekit-sip joins the room over WebRTC, then sends the INVITE); measured on
// two cores, 200 starts at once made livekit-server answer most of them "no response from
// servers". A slot is taken before the call is claimed (so a call waiting for one is still
// "queued") and given back once its SIP participant is in the room or the dial has ended:
// ringing calls hold no slot.

export class DialSlots {
  private used = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly size: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Takes a slot, waiting at most `timeoutMs`; false when none came free in time. */
  async acquire(timeoutMs: number): Promise<boolean> {
    if (this.used < this.size) {
      this.used++;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(grant);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(false);
      }, timeoutMs);
      this.waiters.push(grant);
    });
  }

  /** Returns a slot: the longest waiter gets it directly. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.used = Math.max(0, this.used - 1);
  }
}

/** A release that only counts once, however many paths call it. */
export function releaseOnce(slots: DialSlots): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    slots.release();
  };
}
