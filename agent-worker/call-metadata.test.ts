import { describe, expect, it } from "vitest";
import { parseCallMetadata } from "./call-metadata";

const SIP = { "sip.trunkPhoneNumber": "+14155550100", "sip.phoneNumber": "+15557654321" };

describe("parseCallMetadata", () => {
  it("reads the console's dispatch metadata", () => {
    const raw = JSON.stringify({ phoneNumberId: "pn_1", number: "+14155550123", inboundAgentId: "agent_1", accountId: "acct_1", spaceId: "space_1" });
    expect(parseCallMetadata(raw, SIP)).toEqual({
      number: "+14155550123", agentId: "agent_1", spaceId: "space_1", accountId: "acct_1", phoneNumberId: "pn_1", direction: "inbound", callId: null, numberSource: "metadata", metadataProblem: null, variables: {},
    });
  });

  it("reads an outbound call's batch variables for the agent's {{variables}}", () => {
    const raw = JSON.stringify({ direction: "outbound", callId: "call_1", number: "+14155550123", agentId: "a", spaceId: "s", variables: { First_Name: "Ada", Order: "A-17" } });
    expect(parseCallMetadata(raw).variables).toEqual({ first_name: "Ada", order: "A-17" });
  });

  it("accepts agentId from hand-made rules and a null agent", () => {
    expect(parseCallMetadata(JSON.stringify({ number: "+14155550123", agentId: "a2", spaceId: "s" })).agentId).toBe("a2");
    expect(parseCallMetadata(JSON.stringify({ number: "+14155550123", inboundAgentId: null, spaceId: "s" })).agentId).toBeNull();
  });

  it("falls back to the SIP participant's dialled number when the metadata has none", () => {
    for (const raw of [undefined, "", "not json", "[1,2]", JSON.stringify({ number: "4155550123" })]) {
      const t = parseCallMetadata(raw, SIP);
      expect(t.number).toBe("+14155550100");
      expect(t.numberSource).toBe("sip-attribute");
    }
    expect(parseCallMetadata("not json", SIP).metadataProblem).toBe("the job metadata is not JSON");
    expect(parseCallMetadata(undefined, {}).numberSource).toBe("none");
  });

  it("ignores values of the wrong type or shape instead of failing the call", () => {
    const raw = JSON.stringify({ number: 14155550123, inboundAgentId: { id: 1 }, spaceId: "bad space", accountId: "../x" });
    expect(parseCallMetadata(raw, {})).toMatchObject({ number: null, agentId: null, spaceId: null, accountId: null });
  });
});

describe("call direction", () => {
  it("is inbound unless the console's outbound call says otherwise", () => {
    expect(parseCallMetadata(JSON.stringify({ number: "+14155550123" })).direction).toBe("inbound");
    expect(parseCallMetadata(JSON.stringify({ direction: "sideways" })).direction).toBe("inbound");
    const outbound = parseCallMetadata(JSON.stringify({ direction: "outbound", callId: "call_1", number: "+14155550123", agentId: "a1" }));
    expect(outbound).toMatchObject({ direction: "outbound", callId: "call_1", agentId: "a1" });
  });
});
