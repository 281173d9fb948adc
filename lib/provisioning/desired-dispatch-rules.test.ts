import { describe, expect, it } from "vitest";
import { agentDispatchMetadata, desiredDispatchRules, ROOM_PREFIX } from "./desired-dispatch-rules";
import { readMarker } from "./marker";

const account = { id: "acc-1", spaceId: "space-1" };
const numbers = [
  { id: "pn-2", e164: "+74951234567", inboundAgentId: "agent-a" },
  { id: "pn-1", e164: "+14155552671", inboundAgentId: null },
];

describe("desiredDispatchRules", () => {
  it("has one individual rule per number, scoped to the inbound trunk and to that number", () => {
    const rules = desiredDispatchRules(account, "ST_in", numbers, "switchboard-agent");
    expect(rules.map((r) => r.number)).toEqual(["+14155552671", "+74951234567"]);
    for (const r of rules) {
      expect(r.spec.trunkIds).toEqual(["ST_in"]);
      expect(r.spec.numbers).toEqual([r.number]);
      expect(r.spec.roomPrefix).toBe(ROOM_PREFIX);
      expect(r.spec.agent.name).toBe("switchboard-agent");
    }
  });

  it("marks each rule with the account and its number", () => {
    const [rule] = desiredDispatchRules(account, "ST_in", numbers, "switchboard-agent");
    expect(readMarker(rule!.spec.metadata)).toEqual({ managedBy: "switchboard/v1", spaceId: "space-1", accountId: "acc-1", role: "dispatch-rule", number: "+14155552671" });
  });

  it("hands the worker the number, its inbound agent, the account and the Space", () => {
    const rules = desiredDispatchRules(account, "ST_in", numbers, "switchboard-agent");
    expect(JSON.parse(rules[1]!.spec.agent.metadata)).toEqual({ phoneNumberId: "pn-2", number: "+74951234567", inboundAgentId: "agent-a", accountId: "acc-1", spaceId: "space-1" });
    expect(JSON.parse(rules[0]!.spec.agent.metadata)).toMatchObject({ number: "+14155552671", inboundAgentId: null });
  });

  it("hands the worker the Space a platform number is assigned to, not its carrier account's", () => {
    const [rule] = desiredDispatchRules(account, "ST_in", [{ id: "pn-9", e164: "+14155550100", inboundAgentId: "agent-t", spaceId: "tenant-space" }], "switchboard-agent");
    expect(JSON.parse(rule!.spec.agent.metadata)).toMatchObject({ accountId: "acc-1", spaceId: "tenant-space", inboundAgentId: "agent-t" });
    // The marker stays the account's: provisioning finds the rule by its account.
    expect(readMarker(rule!.spec.metadata)).toMatchObject({ spaceId: "space-1", accountId: "acc-1" });
  });

  it("changes only the agent metadata when another agent is assigned", () => {
    const before = desiredDispatchRules(account, "ST_in", numbers, "switchboard-agent")[1]!;
    const after = desiredDispatchRules(account, "ST_in", [{ ...numbers[0]!, inboundAgentId: "agent-b" }, numbers[1]!], "switchboard-agent")[1]!;
    expect(after.spec.agent.metadata).not.toEqual(before.spec.agent.metadata);
    expect({ ...after.spec, agent: undefined }).toEqual({ ...before.spec, agent: undefined });
  });

  it("follows the inbound trunk id (a recreated trunk moves every rule)", () => {
    const rules = desiredDispatchRules(account, "ST_new", numbers, "switchboard-agent");
    expect(rules.every((r) => r.spec.trunkIds[0] === "ST_new")).toBe(true);
  });

  it("has no rules without numbers", () => {
    expect(desiredDispatchRules(account, "ST_in", [], "switchboard-agent")).toEqual([]);
  });
});

describe("agentDispatchMetadata", () => {
  it("is the same string for the same values whatever the key order given", () => {
    const a = agentDispatchMetadata({ phoneNumberId: "p", number: "+1", inboundAgentId: null, accountId: "a", spaceId: "s" });
    const b = agentDispatchMetadata({ spaceId: "s", accountId: "a", inboundAgentId: null, number: "+1", phoneNumberId: "p" });
    expect(a).toBe(b);
  });
});
