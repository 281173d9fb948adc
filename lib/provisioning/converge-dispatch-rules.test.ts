import { describe, expect, it } from "vitest";
import { listDispatchRules } from "@/lib/livekit/dispatch-rules";
import { fakeDispatchRules, livekitAnswered, livekitUnreachable } from "@/lib/livekit/testing/fake-dispatch-rules";
import { convergeDispatchRules } from "./converge-dispatch-rules";
import { desiredDispatchRules, type NumberForProvisioning } from "./desired-dispatch-rules";
import { markerMetadata } from "./marker";

const account = { id: "acc-1", spaceId: "s-1" };
const a: NumberForProvisioning = { id: "pn-a", e164: "+14155552671", inboundAgentId: null };
const b: NumberForProvisioning = { id: "pn-b", e164: "+74951234567", inboundAgentId: "ag-1" };
const want = (numbers: NumberForProvisioning[], trunk = "ST_in") => desiredDispatchRules(account, trunk, numbers, "switchboard-agent");

async function converge(fake: ReturnType<typeof fakeDispatchRules>, numbers: NumberForProvisioning[], known = new Map<string, string | null>(), sweep = false, trunk = "ST_in") {
  return convergeDispatchRules(account.id, trunk, want(numbers, trunk), known, { sweep, lk: fake.lk });
}

describe("convergeDispatchRules", () => {
  it("creates a rule per number, then writes nothing while nothing changed", async () => {
    const fake = fakeDispatchRules();
    const first = await converge(fake, [a, b]);
    expect(first.changes).toEqual(["Created the dispatch rule of +14155552671", "Created the dispatch rule of +74951234567"]);
    expect(first.failures.size).toBe(0);
    const writes = fake.writes.length;
    const again = await converge(fake, [a, b], first.ruleIds);
    expect(again.changes).toEqual([]);
    expect(fake.writes.length).toBe(writes);
    expect(again.ruleIds).toEqual(first.ruleIds);
  });

  it("updates the rule in place when the inbound agent changes", async () => {
    const fake = fakeDispatchRules();
    const first = await converge(fake, [a, b]);
    const next = await converge(fake, [a, { ...b, inboundAgentId: "ag-2" }], first.ruleIds);
    expect(next.ruleIds.get("pn-b")).toBe(first.ruleIds.get("pn-b"));
    expect(next.changes).toEqual([expect.stringMatching(/^Updated the dispatch rule of \+74951234567 \(agent assignment differs\)$/)]);
    const [rule] = await listDispatchRules({ ids: [first.ruleIds.get("pn-b")!] }, fake.lk);
    expect(JSON.parse(rule!.agents[0]!.metadata).inboundAgentId).toBe("ag-2");
  });

  it("removes the rule of an unbound number and leaves rules that are not the account's alone", async () => {
    const fake = fakeDispatchRules();
    const foreign = fake.seed({ trunkIds: ["ST_in"], numbers: ["+15550001111"], metadata: "{}" });
    const other = fake.seed({ trunkIds: ["ST_in"], numbers: ["+15550002222"], metadata: markerMetadata({ spaceId: "s-2", accountId: "acc-2", role: "dispatch-rule", number: "+15550002222" }) });
    const first = await converge(fake, [a, b]);
    const next = await converge(fake, [a], first.ruleIds);
    expect(next.changes).toEqual([`Removed the dispatch rule of +74951234567 (${first.ruleIds.get("pn-b")})`]);
    expect([...fake.rules.keys()].sort()).toEqual([first.ruleIds.get("pn-a")!, foreign, other].sort());
  });

  it("adopts a half-made rule left on the pending trunk instead of making a second one", async () => {
    const fake = fakeDispatchRules();
    fake.failNext("update", livekitUnreachable());
    await expect(converge(fake, [a])).rejects.toMatchObject({ kind: "unreachable" });
    const [leftover] = [...fake.rules.keys()];
    const next = await converge(fake, [a]);
    expect(next.ruleIds.get("pn-a")).toBe(leftover);
    expect(fake.rules.size).toBe(1);
    expect(next.changes[0]).toMatch(/^Updated the dispatch rule of \+14155552671 \(trunks differ.*numbers differ/);
  });

  it("moves rules to a recreated inbound trunk, found by their stored ids", async () => {
    const fake = fakeDispatchRules();
    const first = await converge(fake, [a, b]);
    const next = await converge(fake, [a, b], first.ruleIds, false, "ST_new");
    expect(next.ruleIds).toEqual(first.ruleIds);
    expect([...fake.rules.values()].every((r) => r.trunkIds[0] === "ST_new")).toBe(true);
  });

  it("fails only the number whose rule LiveKit refuses", async () => {
    const fake = fakeDispatchRules();
    fake.failNext("create", livekitAnswered(400, "Dispatch rule for the same trunk ... already exists in SDR_x"));
    const result = await converge(fake, [a, b]);
    expect([...result.failures.keys()]).toEqual(["pn-a"]);
    expect(result.failures.get("pn-a")).not.toContain("SDR_x");
    expect(result.ruleIds.has("pn-b")).toBe(true);
  });

  it("sweeps duplicates of the account's rules on Reprovision", async () => {
    const fake = fakeDispatchRules();
    const first = await converge(fake, [a]);
    const dup = fake.seed({ trunkIds: ["ST_old"], numbers: [a.e164], metadata: markerMetadata({ spaceId: "s-1", accountId: "acc-1", role: "dispatch-rule", number: a.e164 }) });
    expect((await converge(fake, [a], first.ruleIds)).changes).toEqual([]);
    const swept = await converge(fake, [a], first.ruleIds, true);
    expect(swept.changes).toEqual([`Removed the dispatch rule of +14155552671 (${dup})`]);
  });

  it("sweeps from a Refresh all snapshot: its marked rules are read again as they are now", async () => {
    const fake = fakeDispatchRules();
    const first = await converge(fake, [a]);
    const marker = markerMetadata({ spaceId: "s-1", accountId: "acc-1", role: "dispatch-rule", number: a.e164 });
    const dup = fake.seed({ trunkIds: ["ST_old"], numbers: [a.e164], metadata: marker });
    const goneSince = fake.seed({ trunkIds: ["ST_old"], numbers: [a.e164], metadata: marker });
    const snapshot = { markedIds: (accountId: string, role: string) => (accountId === "acc-1" && role === "dispatch-rule" ? [first.ruleIds.get("pn-a")!, dup, goneSince] : []) };
    fake.rules.delete(goneSince); // removed by someone else after the snapshot was taken
    const swept = await convergeDispatchRules(account.id, "ST_in", want([a]), first.ruleIds, { sweep: snapshot, lk: fake.lk });
    expect(swept.changes).toEqual([`Removed the dispatch rule of +14155552671 (${dup})`]);
    expect([...fake.rules.keys()]).toEqual([first.ruleIds.get("pn-a")]);
  });
});
