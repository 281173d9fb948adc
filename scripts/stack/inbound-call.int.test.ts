import { randomInt } from "node:crypto";
import { ParticipantInfo_Kind, type ParticipantInfo } from "@livekit/protocol";
import { RoomServiceClient, SipClient } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectLiveKit, type LiveKitClients } from "@/lib/livekit/client";
import { createInboundTrunk, deleteTrunk } from "@/lib/livekit/sip-trunks";
import { runSipp, liveKitSipPort } from "./sipp";
import { stackLiveKit } from "./stack-env";

// An inbound call through the whole stack: sipp (the PBX) sends an INVITE to livekit-sip,
// which matches the trunk, applies the dispatch rule and joins a new room over WebRTC
// through livekit-server. Nobody in the room answers, so the call rings until sipp
// cancels it. Dispatch rules are not a lib/livekit verb yet: the SDK is used directly.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function poll<T>(what: string, timeoutMs: number, fn: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const calledNumber = `+1555${randomInt(1_000_000, 9_999_999)}`;
const callerNumber = "+15557654321";
const roomPrefix = `itest-${randomInt(100_000, 999_999)}`;

let lk: LiveKitClients;
let sip: SipClient;
let rooms: RoomServiceClient;
let trunkId = "";
let ruleId = "";

beforeAll(async () => {
  const { url, apiKey: key, apiSecret: secret } = stackLiveKit();
  lk = connectLiveKit({ url, apiKey: key, apiSecret: secret });
  sip = new SipClient(url, key, secret);
  rooms = new RoomServiceClient(url, key, secret);
  trunkId = (await createInboundTrunk({ name: "itest-call", metadata: "", numbers: [calledNumber], allowedAddresses: ["127.0.0.1"] }, lk)).id;
  ruleId = (await sip.createSipDispatchRule({ type: "individual", roomPrefix }, { name: "itest-call", trunkIds: [trunkId] })).sipDispatchRuleId;
});

afterAll(async () => {
  if (ruleId) await sip.deleteSipDispatchRule(ruleId).catch(() => undefined);
  if (trunkId) await deleteTrunk(trunkId, lk).catch(() => undefined);
  for (const r of await rooms.listRooms().catch(() => [])) {
    if (r.name.startsWith(roomPrefix)) await rooms.deleteRoom(r.name).catch(() => undefined);
  }
});

describe("an inbound SIP call", () => {
  it("rings, joins a new room as a SIP participant, and leaves it when cancelled", async () => {
    const call = runSipp({ scenario: "invite-cancel.xml", targetPort: liveKitSipPort(), fields: [calledNumber, callerNumber], pauseMs: 6000 });

    const { room, participant } = await poll("the SIP participant to join a room", 6000, async () => {
      const room = (await rooms.listRooms()).find((r) => r.name.startsWith(`${roomPrefix}_`));
      if (!room) return undefined;
      const participant = (await rooms.listParticipants(room.name)).find((p: ParticipantInfo) => p.kind === ParticipantInfo_Kind.SIP);
      return participant ? { room, participant } : undefined;
    });
    expect(room.name).toMatch(new RegExp(`^${roomPrefix}_\\${callerNumber}_`));
    expect(participant.attributes).toMatchObject({
      "sip.trunkID": trunkId,
      "sip.ruleID": ruleId,
      "sip.trunkPhoneNumber": calledNumber,
      "sip.phoneNumber": callerNumber,
    });
    // Joined means livekit-sip's WebRTC leg to livekit-server connected and published.
    expect(participant.tracks.length).toBeGreaterThan(0);

    const r = await call;
    expect(r.exitCode, r.output).toBe(0);
    expect(r.statusLines).toContain("SIP/2.0 180 Ringing");
    // The CANCEL's 200 and the INVITE's 487 are two transactions, and livekit-sip repeats 180
    // every second: a late 180 may land between them, so each is matched to what it answers.
    expect(r.responses.filter((x) => x.method === "CANCEL").map((x) => x.status)).toEqual(["SIP/2.0 200 OK"]);
    expect(r.responses.filter((x) => x.method === "INVITE" && !/^SIP\/2\.0 1\d\d /.test(x.status)).map((x) => x.status)).toEqual(["SIP/2.0 487 Request Terminated"]);

    await poll("the SIP participant to leave after CANCEL", 5000, async () => {
      const left = await rooms.listParticipants(room.name).then((ps) => !ps.some((p) => p.kind === ParticipantInfo_Kind.SIP)).catch(() => true);
      return left ? true : undefined;
    });
  });

  it("to a number no trunk serves never gets a final response, so the scenario fails (control)", async () => {
    // livekit-sip answers 100 and 180, then drops the call as "flood" without any final
    // response, not even 487 to our CANCEL; sipp gives up after 5 s.
    const r = await runSipp({ scenario: "invite-cancel.xml", targetPort: liveKitSipPort(), fields: ["+15550000000", callerNumber], pauseMs: 0, recvTimeoutMs: 5000, timeoutSeconds: 20 });
    expect(r.statusLines).not.toContain("SIP/2.0 487 Request Terminated");
    expect(r.exitCode).not.toBe(0);
  });
});
