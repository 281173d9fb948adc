import { describe, expect, it } from "vitest";
import { RateLimitedError } from "@/lib/errors";
import { toActionError } from "./to-action-error";

describe("toActionError", () => {
  it("shows a spent budget on the form with its wait", () => {
    expect(toActionError(new RateLimitedError("Too many Verify runs; try again in 17 s.", 17))).toEqual({ ok: false, formError: "Too many Verify runs; try again in 17 s." });
  });
});
