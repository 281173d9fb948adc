import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectLiveKit, type LiveKitClients } from "./client";
import { createDispatchRule, deleteDispatchRule, listDispatchRules, pendingTrunkId, updateDispatchRule, type DispatchRuleSpec } from "./dispatch-rules";
import { LiveKitError } from "./errors";
import { createInboundTrunk, deleteTrunk } from "./sip-trunks";
import { stackLiveKit } from "@/scripts/stack/stack-env";

// Against the real livekit-server of the test stack: the create-then-replace dance really
// yields a rule with numbers, rules of one trunk differ by number, and updates keep the id.

const randomNumber = () => `+1555${randomInt(1_000_000, 9_999_999)}`;

let lk: LiveKitClients;
let trunkId: string;
const [n1, n2] = [randomNumber(), randomNumber()];
const rules: string[] = [];

const spec = (number: string, agentMeta = '{"inboundAgentId":null}'): DispatchRuleSpec => ({
  name: number,
  metadata: JSON.stringify({ test: "dispatch-rules.int", number }),
  trunkIds: [trunkId],
  numbers: [number],
  roomPrefix: "call",
  agent: { name: "switchboard-agent", metadata: agentMeta },
});

beforeAll(async () => {
  lk = connectLiveKit(stackLiveKit());
  trunkId = (await createInboundTrunk({ name: "int-rules", metadata: "", numbers: [n1, n2], allowedAddresses: ["127.0.0.1"] }, lk)).id;
});

afterAll(async () => {
  for (const id of rules) await deleteDispatchRule(id, lk).catch(() => undefined);
  if (trunkId) await deleteTrunk(trunkId, lk).catch(() => undefined);
});

describe("dispatch rules", () => {
  it("two rules on one trunk, one per number, each with its agent dispatch; updates keep the id", async () => {
    const r1 = await createDispatchRule(spec(n1), "int-test", lk);
    rules.push(r1.id);
    const r2 = await createDispatchRule(spec(n2), "int-test", lk);
    rules.push(r2.id);
    expect(r1.id).toMatch(/^SDR_/);

    const onTrunk = await listDispatchRules({ trunkIds: [trunkId] }, lk);
    const mine = onTrunk.filter((r) => rules.includes(r.id));
    expect(mine.map((r) => r.numbers[0]).sort()).toEqual([n1, n2].sort());
    expect(mine.find((r) => r.id === r1.id)).toMatchObject({ trunkIds: [trunkId], numbers: [n1], kind: "individual", roomPrefix: "call", agents: [{ name: "switchboard-agent", metadata: '{"inboundAgentId":null}' }] });
    // Nothing was left on the pending trunk id.
    expect((await listDispatchRules({ trunkIds: [pendingTrunkId("int-test")] }, lk)).filter((r) => rules.includes(r.id))).toEqual([]);

    const updated = await updateDispatchRule(r1.id, spec(n1, '{"inboundAgentId":"ag-1"}'), lk);
    expect(updated.id).toBe(r1.id);
    const [again] = await listDispatchRules({ ids: [r1.id] }, lk);
    expect(again!.agents).toEqual([{ name: "switchboard-agent", metadata: '{"inboundAgentId":"ag-1"}' }]);
  });

  it("two rules without numbers on one pending trunk id clash, so a half-made rule must go before the next create", async () => {
    const pendingSpec = { ...spec(n1), trunkIds: [pendingTrunkId("int-test-clash")], numbers: [n1] };
    const first = await lk.sip.createSipDispatchRule({ type: "individual", roomPrefix: "call" }, { name: pendingSpec.name, metadata: pendingSpec.metadata, trunkIds: pendingSpec.trunkIds });
    rules.push(first.sipDispatchRuleId);
    const err = await createDispatchRule({ ...spec(n2) }, "int-test-clash", lk).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveKitError);
    expect((err as LiveKitError).kind).toBe("rejected");
    expect((err as LiveKitError).status).toBe(400);
    expect((err as LiveKitError).publicMessage).toBe("LiveKit refused to create the dispatch rule.");
    expect((err as LiveKitError).publicMessage).not.toContain(first.sipDispatchRuleId);
  });

  it("LiveKit does not refuse a duplicate that a replace moves onto the trunk: the console is the guard", async () => {
    // Its update check lists the rules already on the new trunk, which do not include the
    // rule being moved there. Two rules for one number would then fail every call to it
    // ("already exists"), which is why the converge removes the account's extra marked rules.
    const dup = await createDispatchRule(spec(n1), "int-test-dup", lk);
    rules.push(dup.id);
    const onTrunk = (await listDispatchRules({ trunkIds: [trunkId] }, lk)).filter((r) => r.numbers.includes(n1));
    expect(onTrunk.length).toBe(2);
  });

  it("delete is idempotent", async () => {
    const id = rules.shift()!;
    await deleteDispatchRule(id, lk);
    await expect(deleteDispatchRule(id, lk)).resolves.toBeUndefined();
    expect(await listDispatchRules({ ids: [id] }, lk)).toEqual([]);
  });
});
