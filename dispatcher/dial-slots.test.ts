import { describe, expect, it } from "vitest";
import { DialSlots, releaseOnce } from "./dial-slots";

describe("dial slots", () => {
  it("grants up to its size, then hands a released slot to the longest waiter", async () => {
    const slots = new DialSlots(2);
    expect(await slots.acquire(10)).toBe(true);
    expect(await slots.acquire(10)).toBe(true);
    expect(await slots.acquire(20)).toBe(false);
    const waiting = slots.acquire(1000);
    slots.release();
    expect(await waiting).toBe(true);
    expect(slots.inUse).toBe(2);
  });
  it("without a timeout, waits as long as it takes for a slot", async () => {
    const slots = new DialSlots(1);
    await slots.acquire();
    let granted = false;
    const waiting = slots.acquire().then((ok) => (granted = ok));
    await new Promise((r) => setTimeout(r, 30));
    expect(granted).toBe(false);
    slots.release();
    await waiting;
    expect(granted).toBe(true);
    expect(slots.inUse).toBe(1);
  });
  it("counts a release once however many paths give it back", async () => {
    const slots = new DialSlots(1);
    await slots.acquire(10);
    const release = releaseOnce(slots);
    release();
    release();
    expect(slots.inUse).toBe(0);
    expect(await slots.acquire(10)).toBe(true);
    expect(slots.inUse).toBe(1);
  });
});
