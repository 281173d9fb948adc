import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RoomServiceClient, SipClient } from "livekit-server-sdk";
import { recordAnswer } from "@/lib/calls/answered";
import { applyCallWebhook } from "@/lib/calls/webhooks";
import { placeCall } from "@/agent-worker/test/sip-call";
import { liveKitSipPort } from "@/scripts/stack/sipp";
import { answerWithTone, type ToneAnswerer } from "@/bench/tone-participant";
import { db } from "@/lib/db/client";
import { bindPhoneNumber } from "@/lib/phone-numbers/bind-phone-number";
import type { SpaceContext } from "@/lib/spaces/context";
import { createSipAccount } from "./create-sip-account";
import { recreateSipAccount } from "./recreate-sip-account";
import { reprovisionSipAccount } from "./reprovision-sip-account";
import { sipAccountSchemas } from "./server-schemas";
import { stackLiveKit } from "@/scripts/stack/stack-env";

// Calls that are up while the console repairs LiveKit, with sipp as the customer's PBX on
// 127.0.0.1 sending RTP, and a participant that answers each new call room with a tone
// (livekit-sip answers 200 OK only once someone in the room publishes audio).

const liveKit = stackLiveKit();
const sip = new SipClient(liveKit.url, liveKit.apiKey, liveKit.apiSecret);
// Direct mode (the integration tier has no web app for the edge to ask): straight to livekit-sip.
const sipPort = liveKitSipPort();
const caller = "+15557654321";
let ctx: SpaceContext;
let accountId: string;
let number: string;
let tone: ToneAnswerer;

/** Drift behind the console's back, so a Reprovision really writes to the trunk. */
async function driftInboundTrunk() {
  const [trunk] = await sip.listSipInboundTrunk({ trunkIds: [(await db().sipAccount.findUniqueOrThrow({ where: { id: accountId } })).inboundTrunkId!] });
  trunk!.allowedAddresses = ["127.0.0.1", `203.0.113.${randomInt(1, 250)}`];
  await sip.updateSipInboundTrunk(trunk!.sipTrunkId, trunk!);
}

function answered(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  return { promise: new Promise<void>((r) => (resolve = r)), resolve };
}

beforeAll(async () => {
  const user = await db().user.create({ data: { email: `live-${randomUUID()}@int.switchboard.test`, name: "Live", passwordHash: "x" } });
  const space = await db().space.create({ data: { name: "Live calls", memberships: { create: { userId: user.id, role: "OWNER" } } } });
  ctx = { userId: user.id, spaceId: space.id, role: "OWNER" };
  const input = sipAccountSchemas().createSipAccountInput.parse({
    accountName: "Live PBX", sipServerAddress: "127.0.0.1:5999", sipTransport: "udp", destinationCountry: "US", allowedInboundIps: "127.0.0.1",
    outboundUsername: "", outboundPassword: "", inboundUsername: "", inboundPassword: "",
  });
  accountId = (await createSipAccount(ctx, input)).account.id;
  number = `+1415${randomInt(2_000_000, 9_999_999)}`;
  await bindPhoneNumber(ctx, { accountId, number, label: null, inboundAgentId: null, outboundAgentId: null });
  tone = answerWithTone({ ...liveKit, roomPrefix: "call" });
});

afterAll(async () => {
  await tone?.stop();
});

describe("calls during Reprovision", () => {
  it("an answered call sending RTP survives Reprovisions in place and ends with BYE -> 200", async () => {
    const up = answered();
    let repairedAt = 0;
    const call = placeCall({ sipPort, called: number, caller, holdMs: 9_000, timeoutSeconds: 45, onAnswered: () => up.resolve() });
    await up.promise;
    for (let i = 0; i < 3; i++) {
      await driftInboundTrunk();
      const result = await reprovisionSipAccount(ctx, accountId);
      expect(result.changes.join(" ")).toContain("Updated the inbound trunk");
    }
    repairedAt = performance.now();
    const done = await call;
    expect(done.answerMs, done.output).not.toBeNull();
    // The INVITE's 200 OK and the BYE's 200 OK: the call ended normally, from our side.
    expect(done.statusLines.filter((l) => l.startsWith("SIP/2.0 200"))).toHaveLength(2);
    expect(done.exitCode, done.output).toBe(0);
    expect(done.peer.received.filter((p) => p.at > repairedAt).length).toBeGreaterThan(50);
  }, 90_000);

  it("INVITEs sent every 200 ms during Reprovisions are all matched to the trunk and answered", async () => {
    const calls: ReturnType<typeof placeCall>[] = [];
    const repairs = (async () => {
      for (let i = 0; i < 4; i++) {
        await driftInboundTrunk();
        await reprovisionSipAccount(ctx, accountId);
      }
    })();
    for (let i = 0; i < 10; i++) {
      calls.push(placeCall({ sipPort, called: number, caller: `+1555765${String(4300 + i)}`, holdMs: 1_500, timeoutSeconds: 40 }));
      await new Promise((r) => setTimeout(r, 200));
    }
    await repairs;
    const results = await Promise.all(calls);
    for (const r of results) {
      expect(r.answerMs, r.output).not.toBeNull();
      expect(r.exitCode, r.output).toBe(0);
    }
  }, 120_000);

  it("Recreate from scratch drops the live call, as its warning says, and the next call is answered", async () => {
    const up = answered();
    const call = placeCall({ sipPort, called: number, caller, holdMs: 15_000, timeoutSeconds: 45, onAnswered: () => up.resolve() });
    await up.promise;
    // The call log's row for it, as LiveKit's join webhook makes it (no web app runs in this tier).
    const rooms = new RoomServiceClient(liveKit.url, liveKit.apiKey, liveKit.apiSecret);
    // Earlier tests' rooms for the same caller may linger: take the one whose SIP leg is up
    // now (LiveKit may show the answer a moment after sipp saw its 200 OK: look for 5 s).
    let room: { name: string } | undefined;
    let sipParticipant: Awaited<ReturnType<typeof rooms.listParticipants>>[number] | undefined;
    for (const deadline = Date.now() + 5000; !sipParticipant && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      for (const r of (await rooms.listRooms()).filter((x) => x.name.startsWith("call_"))) {
        sipParticipant = (await rooms.listParticipants(r.name)).find((p) => p.attributes["sip.trunkPhoneNumber"] === number && p.attributes["sip.callStatus"] === "active");
        if (sipParticipant) {
          room = r;
          break;
        }
      }
    }
    if (!room || !sipParticipant) throw new Error("the answered call's room was not found in LiveKit");
    const join = { roomName: room.name, roomMetadata: null, at: new Date() };
    const participant = { identity: sipParticipant.identity, isSip: true, attributes: { ...sipParticipant.attributes }, joinedAt: new Date(), disconnectReason: null };
    await applyCallWebhook({ ...join, event: "participant_joined", participant });
    await recordAnswer({ roomName: room.name, participantIdentity: sipParticipant.identity });

    const result = await recreateSipAccount(ctx, accountId);
    expect(result.changes[0]).toBe("Dropped 1 active call");
    // The leave that follows (here applied by hand) keeps the console's own reason.
    await applyCallWebhook({ ...join, at: new Date(), event: "participant_left", participant: { ...participant, disconnectReason: "other" } });
    const logged = await db().call.findUniqueOrThrow({ where: { roomName: room.name }, include: { events: true } });
    expect(logged).toMatchObject({ status: "completed", endReason: "Dropped by Recreate from scratch on the account." });
    expect(logged.events.map((e) => e.kind)).toContain("dropped");
    const dropped = await call;
    // livekit-sip hung up: the caller never got to send its own BYE after 15 s.
    expect(dropped.exitCode).not.toBe(0);
    expect(dropped.output).toMatch(/BYE/);

    const next = await placeCall({ sipPort, called: number, caller, holdMs: 1_000, timeoutSeconds: 40 });
    expect(next.exitCode, next.output).toBe(0);
  }, 120_000);
});

describe("who may call in", () => {
  it("with inbound digest auth: LiveKit challenges with 407, the authenticated INVITE is answered; a wrong password is not", async () => {
    const input = sipAccountSchemas().createSipAccountInput.parse({
      accountName: "Digest in PBX", sipServerAddress: "", sipTransport: "auto", destinationCountry: "US", allowedInboundIps: "",
      outboundUsername: "", outboundPassword: "", inboundUsername: "pbx-in", inboundPassword: "in-secret-42",
    });
    const digestAccount = (await createSipAccount(ctx, input)).account.id;
    const digestNumber = `+1415${randomInt(2_000_000, 9_999_999)}`;
    await bindPhoneNumber(ctx, { accountId: digestAccount, number: digestNumber, label: null, inboundAgentId: null, outboundAgentId: null });

    const ok = await placeCall({ sipPort, called: digestNumber, caller, holdMs: 1_000, timeoutSeconds: 40, scenario: "inbound-answer-digest.xml", auth: { username: "pbx-in", password: "in-secret-42" } });
    expect(ok.statusLines.filter((l) => l.startsWith("SIP/2.0 407")), ok.statusLines.join("\n")).toHaveLength(1);
    expect(ok.answerMs, ok.output).not.toBeNull();
    expect(ok.exitCode, ok.output).toBe(0);

    const wrong = await placeCall({ sipPort, called: digestNumber, caller, holdMs: 1_000, timeoutSeconds: 30, answerTimeoutMs: 8_000, scenario: "inbound-answer-digest.xml", auth: { username: "pbx-in", password: "not-it" } });
    expect(wrong.answerMs).toBeNull();
    expect(wrong.exitCode).not.toBe(0);
  }, 120_000);

  it("a caller from an address outside Allowed inbound IPs (127.0.0.2) is never answered", async () => {
    const outside = await placeCall({ sipPort, called: number, caller, holdMs: 1_000, timeoutSeconds: 30, answerTimeoutMs: 8_000, localIp: "127.0.0.2" });
    expect(outside.answerMs).toBeNull();
    expect(outside.statusLines.some((l) => l.startsWith("SIP/2.0 200"))).toBe(false);
    expect(outside.exitCode).not.toBe(0);
    // The same call from the allowed address is answered (the control).
    const inside = await placeCall({ sipPort, called: number, caller, holdMs: 1_000, timeoutSeconds: 40 });
    expect(inside.exitCode, inside.output).toBe(0);
  }, 120_000);
});
