import { describe, expect, it } from "vitest";
import { escapeLike, toPhoneNumberView, type PhoneNumberRow } from "./query-phone-numbers";

describe("escapeLike", () => {
  it("makes LIKE's wildcards and its escape character literal", () => {
    expect(escapeLike("50% off")).toBe("50\\% off");
    expect(escapeLike("a_b")).toBe("a\\_b");
    expect(escapeLike("back\\slash")).toBe("back\\\\slash");
    expect(escapeLike("plain label")).toBe("plain label");
  });
});

describe("toPhoneNumberView", () => {
  const row = (spaceId: string, accountSpaceId: string): PhoneNumberRow => ({
    id: "pn-1", spaceId, sipAccountId: "acc-carrier", e164: "+14155552671", liveE164: "+14155552671", label: null,
    inboundAgentId: null, outboundAgentId: null, dispatchRuleId: "SDR_1", provisioningStatus: "provisioned", provisioningError: null,
    provisionedAt: null, unboundAt: null, createdAt: new Date(0), updatedAt: new Date(0), verifiedAt: new Date(0), verifiedBy: "platform",
    claimedAt: null, takenOverAt: null,
    sipAccount: { id: "acc-carrier", name: "Carrier trunk at sip.carrier.example", spaceId: accountSpaceId },
    inboundAgent: null, outboundAgent: null,
  });

  it("shows a platform number under the carrier's label, never the carrier's account", () => {
    const view = toPhoneNumberView(row("tenant", "platform-space"), "Telnyx");
    expect(view).toMatchObject({ platform: true, account: { id: "platform", name: "Telnyx" }, verifiedBy: "platform" });
    expect(JSON.stringify(view)).not.toContain("acc-carrier");
    expect(JSON.stringify(view)).not.toContain("sip.carrier.example");
  });

  it("shows a Space's own number with its account", () => {
    expect(toPhoneNumberView(row("tenant", "tenant"), "Telnyx")).toMatchObject({ platform: false, account: { id: "acc-carrier", name: "Carrier trunk at sip.carrier.example" } });
  });
});
