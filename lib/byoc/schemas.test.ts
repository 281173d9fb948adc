import { describe, expect, it } from "vitest";
import { countryOfNumber } from "./number-country";
import { makeByocSchemas } from "./schemas";

// The seed's example body, exactly as its documentation shows it.
const seedBody = {
  phoneNumber: "+19876543210",
  inboundAgentId: "agent_support",
  outboundAgentId: "agent_sales",
  sipUsername: "your_sip_username",
  sipPassword: "your_sip_password",
  terminationUri: "your-trunk.pstn.twilio.com",
  friendlyName: "Main Support Line",
};
const seedUpdate = { inboundAgentId: "agent_new_support", sipPassword: "updated_password" };

describe("the BYOC bodies", () => {
  const { createByocNumberBody, updateByocNumberBody, refreshByocTrunksBody } = makeByocSchemas({ ipMode: "production" });

  it("take the seed's body as written", () => {
    // +1 987 is no assigned North American area code, but its length is possible: accepted,
    // and the number carries a warning to check its digits (lib/phone-numbers/e164.ts).
    expect(createByocNumberBody.parse(seedBody)).toEqual(seedBody);
  });

  it("normalises the number and needs only phoneNumber and terminationUri", () => {
    expect(createByocNumberBody.parse({ phoneNumber: "+1 (415) 555-2671", terminationUri: "sip:trunk.example.com;transport=tls" })).toEqual({
      phoneNumber: "+14155552671",
      terminationUri: "sip:trunk.example.com;transport=tls",
    });
    const missing = createByocNumberBody.safeParse({});
    expect(missing.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["phoneNumber", "terminationUri"]);
  });

  it("names each refused field by its BYOC name", () => {
    const r = createByocNumberBody.safeParse({ ...seedBody, phoneNumber: "+14155552671", terminationUri: "sip:alice@trunk.example.com", sipUsername: "two words", sipPassword: "é" });
    expect(r.error!.issues.map((i) => i.path.join(".")).sort()).toEqual(["sipPassword", "sipUsername", "terminationUri"]);
  });

  it("refuses unknown fields (no mass assignment)", () => {
    expect(createByocNumberBody.safeParse({ ...seedBody, phoneNumber: "+14155552671", spaceId: "x" }).success).toBe(false);
    expect(updateByocNumberBody.safeParse({ accountId: "x" }).success).toBe(false);
  });

  it("takes the seed's update body as written, and partial or clearing updates", () => {
    expect(updateByocNumberBody.parse(seedUpdate)).toEqual(seedUpdate);
    expect(updateByocNumberBody.parse({})).toEqual({});
    expect(updateByocNumberBody.parse({ friendlyName: null, outboundAgentId: null })).toEqual({ friendlyName: null, outboundAgentId: null });
    expect(updateByocNumberBody.safeParse({ terminationUri: null }).success).toBe(false);
  });

  it("takes the seed's refresh body shape", () => {
    expect(refreshByocTrunksBody.parse({ phoneNumber: "+14155552671" })).toEqual({ phoneNumber: "+14155552671" });
    expect(refreshByocTrunksBody.safeParse({ phoneNumber: "+1 415 555 267" }).success).toBe(false);
  });
});

describe("countryOfNumber", () => {
  it("is the number's country, or US when it has none", () => {
    expect(countryOfNumber("+14155552671")).toBe("US");
    expect(countryOfNumber("+442071838750")).toBe("GB");
    expect(countryOfNumber("+80012345678")).toBe("US");
  });
});
