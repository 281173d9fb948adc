import { describe, expect, it } from "vitest";
import { hashPassword, PasswordHashingBusyError, verifyPassword } from "./password";

describe("password hashing", () => {
  it("hashes and verifies", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword(stored, "correct horse battery")).toBe(true);
    expect(await verifyPassword(stored, "wrong")).toBe(false);
    expect(await verifyPassword("not-a-hash", "x")).toBe(false);
  });

  it("runs a flood a few at a time and refuses what would wait past the bound, without losing the rest", async () => {
    const stored = await hashPassword("flood");
    const outcomes = await Promise.allSettled(Array.from({ length: 106 }, () => verifyPassword(stored, "flood")));
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PasswordHashingBusyError);
    const done = outcomes.filter((o): o is PromiseFulfilledResult<boolean> => o.status === "fulfilled");
    expect(done.length).toBeGreaterThanOrEqual(100);
    expect(done.every((o) => o.value)).toBe(true);
    // Once the flood has passed, hashing works again at once.
    expect(await verifyPassword(stored, "flood")).toBe(true);
  }, 60_000);
});
