import { describe, expect, it, vi } from "vitest";
import { SIPInboundTrunkInfo, SIPOutboundTrunkInfo, SIPTransport } from "@livekit/protocol";
import { ValidationError } from "@/lib/errors";
import type { LiveKitClients } from "./client";
import { createInboundTrunk, listInboundTrunks, listOutboundTrunks, updateOutboundTrunk } from "./sip-trunks";

// A fake SipClient: only the methods each test touches.
function fakeLiveKit(sip: Record<string, unknown>): LiveKitClients {
  return { sip } as unknown as LiveKitClients;
}

const spec = { name: "pbx", metadata: "{}", numbers: ["+15550001111"], allowedAddresses: ["203.0.113.10"] };

describe("createInboundTrunk", () => {
  it.each([
    ["10.0.0.1, 10.0.0.2"],
    ["010.0.0.1"],
    ["10.0.0.1/33"],
    ["*"],
    ["pbx.example.com"],
    ["sip://10.0.0.1"],
    ["10.0.0.1;transport=udp"],
    ["::1"],
    [" 10.0.0.1"],
  ])("refuses allowlist entry %j before calling LiveKit (LiveKit would drop it and allow everyone)", async (entry) => {
    const create = vi.fn();
    const p = createInboundTrunk({ ...spec, allowedAddresses: ["192.0.2.1", entry] }, fakeLiveKit({ createSipInboundTrunk: create }));
    await expect(p).rejects.toBeInstanceOf(ValidationError);
    expect(create).not.toHaveBeenCalled();
  });

  it.each([["10.0.0.0/7"], ["0.0.0.0/0"], ["128.0.0.0/1"]])("refuses %j: wider than /8 is never one operator's PBX", async (entry) => {
    const create = vi.fn();
    await expect(createInboundTrunk({ ...spec, allowedAddresses: [entry] }, fakeLiveKit({ createSipInboundTrunk: create }))).rejects.toBeInstanceOf(ValidationError);
    expect(create).not.toHaveBeenCalled();
  });

  it("refuses a trunk with neither allowed addresses nor a password, and accepts a password alone", async () => {
    const create = vi.fn(async () => new SIPInboundTrunkInfo({ sipTrunkId: "ST_2" }));
    const lk = fakeLiveKit({ createSipInboundTrunk: create });
    await expect(createInboundTrunk({ ...spec, allowedAddresses: [] }, lk)).rejects.toThrow(/from anywhere/);
    await expect(createInboundTrunk({ ...spec, allowedAddresses: [], auth: { username: "pbx", password: "" } }, lk)).rejects.toThrow(/from anywhere/);
    expect(create).not.toHaveBeenCalled();
    await createInboundTrunk({ ...spec, allowedAddresses: [], auth: { username: "pbx", password: "long-enough-Pa55" } }, lk);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("passes canonical IPv4 and CIDR entries through", async () => {
    const create = vi.fn(async () => new SIPInboundTrunkInfo({ sipTrunkId: "ST_1", allowedAddresses: ["203.0.113.0/24", "0.0.0.0"] }));
    const trunk = await createInboundTrunk({ ...spec, allowedAddresses: ["203.0.113.0/24", "0.0.0.0"] }, fakeLiveKit({ createSipInboundTrunk: create }));
    expect(trunk.id).toBe("ST_1");
    expect(create).toHaveBeenCalledWith("pbx", ["+15550001111"], expect.objectContaining({ allowedAddresses: ["203.0.113.0/24", "0.0.0.0"] }));
  });
});

describe("returned trunks", () => {
  it("never expose the password, only whether it is set and whether a candidate matches", async () => {
    const lk = fakeLiveKit({
      listSipInboundTrunk: async () => [new SIPInboundTrunkInfo({ sipTrunkId: "ST_1", authUsername: "pbx", authPassword: "s3cret-Pa55" })],
    });
    const [trunk] = await listInboundTrunks({}, lk);
    expect(trunk).toBeDefined();
    expect(JSON.stringify(trunk)).not.toContain("s3cret");
    expect(trunk!.authUsername).toBe("pbx");
    expect(trunk!.hasAuthPassword).toBe(true);
    expect(trunk!.authPasswordMatches("s3cret-Pa55")).toBe(true);
    expect(trunk!.authPasswordMatches("s3cret-Pa56")).toBe(false);
    expect(trunk!.authPasswordMatches("")).toBe(false);
  });

  it("leave out the placeholders LiveKit returns for unknown ids", async () => {
    const list = vi.fn(async () => [new SIPOutboundTrunkInfo(), new SIPOutboundTrunkInfo({ sipTrunkId: "ST_2", transport: SIPTransport.SIP_TRANSPORT_TCP })]);
    const trunks = await listOutboundTrunks({ ids: ["ST_gone", "ST_2"] }, fakeLiveKit({ listSipOutboundTrunk: list }));
    expect(list).toHaveBeenCalledWith({ trunkIds: ["ST_gone", "ST_2"] });
    expect(trunks.map((t) => [t.id, t.transport, t.hasAuthPassword])).toEqual([["ST_2", "tcp", false]]);
  });

  it("asks nothing for an empty id list", async () => {
    const list = vi.fn();
    expect(await listInboundTrunks({ ids: [] }, fakeLiveKit({ listSipInboundTrunk: list }))).toEqual([]);
    expect(list).not.toHaveBeenCalled();
  });
});

describe("updateOutboundTrunk", () => {
  it("replaces the whole trunk, including address and transport, under the same id", async () => {
    const update = vi.fn(async (_id: string, info: SIPOutboundTrunkInfo) => info);
    const trunk = await updateOutboundTrunk(
      "ST_9",
      { name: "out", metadata: "", address: "pbx.example.com:5080", transport: "tls", destinationCountry: "US", numbers: ["+15550002222"] },
      fakeLiveKit({ updateSipOutboundTrunk: update }),
    );
    const info = update.mock.calls[0]![1];
    expect(update.mock.calls[0]![0]).toBe("ST_9");
    expect(info.sipTrunkId).toBe("ST_9");
    expect(info.transport).toBe(SIPTransport.SIP_TRANSPORT_TLS);
    expect(info.authUsername).toBe("");
    expect(trunk).toMatchObject({ id: "ST_9", address: "pbx.example.com:5080", transport: "tls", destinationCountry: "US" });
  });
});
