import { ServerError } from "livekit-server-sdk";
import { describe, expect, it } from "vitest";
import { createDispatchRule, deleteDispatchRule, listDispatchRules, pendingTrunkId, updateDispatchRule, type DispatchRuleSpec } from "./dispatch-rules";
import { LiveKitError } from "./errors";
import { fakeDispatchRules } from "./testing/fake-dispatch-rules";

const spec: DispatchRuleSpec = {
  name: "+14155552671",
  metadata: '{"marker":1}',
  trunkIds: ["ST_in"],
  numbers: ["+14155552671"],
  roomPrefix: "call",
  agent: { name: "switchboard-agent", metadata: '{"inboundAgentId":null}' },
};

describe("createDispatchRule", () => {
  it("creates on a pending trunk id, then puts the full rule in place under the same id", async () => {
    const fake = fakeDispatchRules();
    const rule = await createDispatchRule(spec, "acc-1", fake.lk);
    expect(fake.writes).toEqual([`create ${rule.id}`, `update ${rule.id}`]);
    expect(rule).toMatchObject({ trunkIds: ["ST_in"], numbers: ["+14155552671"], kind: "individual", roomPrefix: "call", agents: [spec.agent], metadata: spec.metadata });
    const [stored] = await listDispatchRules({ ids: [rule.id] }, fake.lk);
    expect(stored).toEqual(rule);
  });

  it("leaves a rule that matches no call when the replace fails (LiveKit died in between)", async () => {
    const fake = fakeDispatchRules();
    fake.failNext("update", new TypeError("fetch failed"));
    const err = await createDispatchRule(spec, "acc-1", fake.lk).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveKitError);
    const [left] = await listDispatchRules({}, fake.lk);
    expect(left!.trunkIds).toEqual([pendingTrunkId("acc-1")]);
    expect(left!.numbers).toEqual([]);
    expect(left!.metadata).toBe(spec.metadata);
  });

  it("refuses an unscoped rule before calling LiveKit", async () => {
    const fake = fakeDispatchRules();
    await expect(createDispatchRule({ ...spec, trunkIds: [] }, "acc-1", fake.lk)).rejects.toThrow(/scoped/);
    await expect(createDispatchRule({ ...spec, numbers: [] }, "acc-1", fake.lk)).rejects.toThrow(/numbers/);
    expect(fake.writes).toEqual([]);
  });
});

describe("updateDispatchRule", () => {
  it("replaces agent metadata in place", async () => {
    const fake = fakeDispatchRules();
    const rule = await createDispatchRule(spec, "acc-1", fake.lk);
    const updated = await updateDispatchRule(rule.id, { ...spec, agent: { ...spec.agent, metadata: '{"inboundAgentId":"a2"}' } }, fake.lk);
    expect(updated.id).toBe(rule.id);
    expect(updated.agents).toEqual([{ name: "switchboard-agent", metadata: '{"inboundAgentId":"a2"}' }]);
  });
});

describe("listDispatchRules and deleteDispatchRule", () => {
  it("leave out placeholders for unknown ids, and ask nothing for an empty list", async () => {
    const fake = fakeDispatchRules();
    const rule = await createDispatchRule(spec, "acc-1", fake.lk);
    expect((await listDispatchRules({ ids: ["SDR_gone", rule.id] }, fake.lk)).map((r) => r.id)).toEqual([rule.id]);
    expect(await listDispatchRules({ ids: [] }, fake.lk)).toEqual([]);
    expect(await listDispatchRules({ trunkIds: [] }, fake.lk)).toEqual([]);
  });

  it("treat deleting a missing rule as done, and map other failures", async () => {
    const fake = fakeDispatchRules();
    await expect(deleteDispatchRule("SDR_gone", fake.lk)).resolves.toBeUndefined();
    fake.failNext("delete", new ServerError("Internal", "boom", 500, "internal"));
    const rule = await createDispatchRule(spec, "acc-1", fake.lk);
    await expect(deleteDispatchRule(rule.id, fake.lk)).rejects.toMatchObject({ kind: "rejected", status: 500 });
  });
});
