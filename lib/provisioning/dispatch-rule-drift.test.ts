import { describe, expect, it } from "vitest";
import type { DispatchRule } from "@/lib/livekit/dispatch-rules";
import { desiredDispatchRules } from "./desired-dispatch-rules";
import { dispatchRuleDrift } from "./dispatch-rule-drift";

const [want] = desiredDispatchRules({ id: "acc-1", spaceId: "s-1" }, "ST_in", [{ id: "pn-1", e164: "+14155552671", inboundAgentId: "ag-1" }], "switchboard-agent");
const spec = want!.spec;
const inPlace: DispatchRule = {
  id: "SDR_1",
  name: spec.name,
  metadata: spec.metadata,
  trunkIds: [...spec.trunkIds],
  numbers: [...spec.numbers],
  kind: "individual",
  roomPrefix: spec.roomPrefix,
  pin: "",
  agents: [{ ...spec.agent }],
};

describe("dispatchRuleDrift", () => {
  it("is empty for a rule that matches", () => {
    expect(dispatchRuleDrift(inPlace, spec)).toEqual([]);
  });

  it.each<[Partial<DispatchRule>, RegExp]>([
    [{ trunkIds: ["switchboard-pending-acc-1"] }, /trunks differ/],
    [{ numbers: [] }, /numbers differ/],
    [{ kind: "other" }, /room settings/],
    [{ pin: "1234" }, /room settings/],
    [{ agents: [] }, /agent dispatch differs/],
    [{ agents: [{ name: "other-worker", metadata: spec.agent.metadata }] }, /agent dispatch differs/],
    [{ agents: [{ name: spec.agent.name, metadata: "{}" }] }, /agent assignment differs/],
    [{ metadata: "" }, /marker/],
    [{ name: "renamed" }, /name differs/],
  ])("notices %j", (patch, message) => {
    const drift = dispatchRuleDrift({ ...inPlace, ...patch }, spec);
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatch(message);
  });
});
