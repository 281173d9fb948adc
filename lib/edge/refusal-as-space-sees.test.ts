import { describe, expect, it } from "vitest";
import { refusalAsSpaceSees } from "./refusal-as-space-sees";

describe("refusalAsSpaceSees", () => {
  it("shows a Space its own account and the PBX's address as they are", () => {
    const row = { spaceId: "space-a", sipAccountId: "acct-a", sourceAddress: "203.0.113.7" };
    expect(refusalAsSpaceSees(row, "space-a", "Telnyx")).toEqual({ platform: false, sipAccountId: "acct-a", sourceAddress: "203.0.113.7" });
  });

  it("hides the carrier's account and address behind its label on a platform number", () => {
    const row = { spaceId: "space-a", sipAccountId: "carrier-acct", sourceAddress: "198.51.100.20" };
    expect(refusalAsSpaceSees(row, "platform-space", "Telnyx")).toEqual({ platform: true, sipAccountId: "platform", sourceAddress: "Telnyx" });
  });

  it("leaves a refusal with no account alone", () => {
    const row = { spaceId: "space-a", sipAccountId: null, sourceAddress: "198.51.100.20" };
    expect(refusalAsSpaceSees(row, null, "Telnyx")).toEqual({ platform: false, sipAccountId: null, sourceAddress: "198.51.100.20" });
  });
});
