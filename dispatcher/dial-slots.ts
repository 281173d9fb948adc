// A counting semaphore, for the two bounds of a dispatcher's dialling (place-call-task.ts):
// how many calls it may be starting in LiveKit at once, and how many it may have claimed
// ahead of a free start slot.

export class DialSlots {
  private used = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(readonly size: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Takes a slot, waiting at most `timeoutMs` (without it, as long as it takes); false when none came free in time. */
  async acquire(timeoutMs?: number): Promise<boolean> {
    if (this.used < this.size) {
      this.used++;
      return true;
    }
    return new Promise<boolean>((resolve) => {
      const grant = () => {
        if (timer) clearTimeout(timer);
        resolve(true);
      };
      const timer = timeoutMs === undefined ? null : setTimeout(() => {
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
