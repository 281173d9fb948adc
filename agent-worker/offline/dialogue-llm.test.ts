import { describe, expect, it } from "vitest";
import { dtmfUserInput, offlineReply } from "./dialogue-llm";

describe("the offline dialogue", () => {
  it("answers keypad digits", () => {
    expect(offlineReply(dtmfUserInput("5"))).toBe("You pressed 5.");
    expect(offlineReply(dtmfUserInput("#"))).toBe("You pressed pound.");
    expect(offlineReply(dtmfUserInput("*"))).toBe("You pressed star.");
  });

  it("repeats back what it understood, and says when it understood nothing", () => {
    expect(offlineReply("  what time is it ")).toBe("I heard: what time is it.");
    expect(offlineReply("")).toBe("Sorry, I did not catch that.");
  });
});
