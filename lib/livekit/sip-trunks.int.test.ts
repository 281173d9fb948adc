import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectLiveKit, type LiveKitClients } from "./client";
import { LiveKitError } from "./errors";
import {
  createInboundTrunk,
  createOutboundTrunk,
  deleteTrunk,
  listInboundTrunks,
  listOutboundTrunks,
  updateInboundTrunk,
  updateOutboundTrunk,
} from "./sip-trunks";
import { stackLiveKit } from "@/scripts/stack/stack-env";

// Against the real livekit-server of the test stack (scripts/stack/up.sh). The runner
// exports LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET; nothing else is needed.

// Numbers unique per run, so leftovers from an aborted run never conflict.
const randomNumber = () => `+1555${randomInt(1_000_000, 9_999_999)}`;

let lk: LiveKitClients;
const created: string[] = [];

beforeAll(() => {
  lk = connectLiveKit(stackLiveKit());
});

afterAll(async () => {
  for (const id of created) await deleteTrunk(id, lk).catch(() => undefined);
});

describe("inbound trunks", () => {
  it("create, list, update in place, delete", async () => {
    const [n1, n2, n3] = [randomNumber(), randomNumber(), randomNumber()];
    const trunk = await createInboundTrunk(
      { name: "int-inbound", metadata: '{"v":1}', numbers: [n1], allowedAddresses: ["127.0.0.1"], auth: { username: "pbx-user", password: "first-Pa55word" } },
      lk,
    );
    created.push(trunk.id);
    expect(trunk.id).toMatch(/^ST_/);

    const [listed] = await listInboundTrunks({ ids: [trunk.id] }, lk);
    expect(listed).toMatchObject({ id: trunk.id, name: "int-inbound", metadata: '{"v":1}', numbers: [n1], allowedAddresses: ["127.0.0.1"], authUsername: "pbx-user", hasAuthPassword: true });
    expect(listed!.authPasswordMatches("first-Pa55word")).toBe(true);
    expect(listed!.authPasswordMatches("other")).toBe(false);

    const updated = await updateInboundTrunk(
      trunk.id,
      { name: "int-inbound-renamed", metadata: '{"v":2}', numbers: [n2, n3], allowedAddresses: ["127.0.0.0/8", "192.0.2.10"] },
      lk,
    );
    expect(updated.id).toBe(trunk.id);

    const [after] = await listInboundTrunks({ ids: [trunk.id] }, lk);
    expect(after).toMatchObject({
      id: trunk.id,
      name: "int-inbound-renamed",
      metadata: '{"v":2}',
      numbers: [n2, n3],
      allowedAddresses: ["127.0.0.0/8", "192.0.2.10"],
      authUsername: "",
      hasAuthPassword: false,
    });
    const all = await listInboundTrunks({}, lk);
    expect(all.filter((t) => t.id === trunk.id)).toHaveLength(1);
    expect(all.some((t) => t.numbers.includes(n1))).toBe(false);

    await deleteTrunk(trunk.id, lk);
    expect(await listInboundTrunks({ ids: [trunk.id] }, lk)).toEqual([]);
    // Deleting again is not an error: convergence code can retry blindly.
    await expect(deleteTrunk(trunk.id, lk)).resolves.toBeUndefined();
  });

  it("a second trunk with the same number is rejected without LiveKit's text in the public message", async () => {
    const number = randomNumber();
    const first = await createInboundTrunk({ name: "int-first", metadata: "", numbers: [number], allowedAddresses: ["127.0.0.1"] }, lk);
    created.push(first.id);

    const err = await createInboundTrunk({ name: "int-second", metadata: "", numbers: [number], allowedAddresses: ["127.0.0.1"] }, lk).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LiveKitError);
    const e = err as LiveKitError;
    expect(e.kind).toBe("rejected");
    expect(e.status).toBe(400);
    expect(e.publicMessage).toBe("LiveKit refused to create the inbound trunk.");
    // LiveKit's own message names the other trunk: it stays in the cause, for the log only.
    expect(String((e.cause as Error).message)).toContain(first.id);
    expect(e.publicMessage).not.toContain(first.id);
  });
});

describe("outbound trunks", () => {
  it("create, list, replace address and transport in place, delete", async () => {
    const [n1, n2] = [randomNumber(), randomNumber()];
    const trunk = await createOutboundTrunk(
      { name: "int-outbound", metadata: "m1", address: "127.0.0.1:5999", transport: "udp", destinationCountry: "US", numbers: [n1], auth: { username: "out-user", password: "out-Pa55word" } },
      lk,
    );
    created.push(trunk.id);

    const [listed] = await listOutboundTrunks({ ids: [trunk.id] }, lk);
    expect(listed).toMatchObject({ id: trunk.id, name: "int-outbound", metadata: "m1", address: "127.0.0.1:5999", transport: "udp", destinationCountry: "US", numbers: [n1], authUsername: "out-user", hasAuthPassword: true });
    expect(listed!.authPasswordMatches("out-Pa55word")).toBe(true);

    const updated = await updateOutboundTrunk(
      trunk.id,
      { name: "int-outbound-2", metadata: "m2", address: "pbx.example.test:5080", transport: "tcp", destinationCountry: "", numbers: [n2], auth: { username: "out-user", password: "rotated-Pa55word" } },
      lk,
    );
    expect(updated.id).toBe(trunk.id);

    const [after] = await listOutboundTrunks({ ids: [trunk.id] }, lk);
    expect(after).toMatchObject({ id: trunk.id, name: "int-outbound-2", metadata: "m2", address: "pbx.example.test:5080", transport: "tcp", destinationCountry: "", numbers: [n2], authUsername: "out-user", hasAuthPassword: true });
    expect(after!.authPasswordMatches("rotated-Pa55word")).toBe(true);
    expect(after!.authPasswordMatches("out-Pa55word")).toBe(false);

    await deleteTrunk(trunk.id, lk);
    expect(await listOutboundTrunks({ ids: [trunk.id] }, lk)).toEqual([]);
  });
});
