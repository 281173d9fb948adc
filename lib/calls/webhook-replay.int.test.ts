import { createHash, randomBytes } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/livekit/webhook/route";
import { db } from "@/lib/db/client";
import { purgeOldReceipts } from "./webhook-receipts";

// A captured LiveKit webhook stays validly signed for a while. Posted again, it is
// acknowledged and dropped by its event id: the call's timeline is not written twice.

const suffix = randomBytes(4).toString("hex");
const number = `+1415${String(Date.now() % 10_000_000).padStart(7, "3")}`;
let spaceId = "";

beforeAll(async () => {
  spaceId = (await db().space.create({ data: { name: `replay-${suffix}` } })).id;
  const account = await db().sipAccount.create({ data: { spaceId, name: "PBX", liveNameKey: `replay-${suffix}`, destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  await db().phoneNumber.create({ data: { spaceId, sipAccountId: account.id, e164: number, liveE164: number } });
});

afterAll(async () => {
  await db().call.deleteMany({ where: { spaceId } });
  await db().space.deleteMany({ where: { id: spaceId } });
});

async function post(body: string) {
  const token = new AccessToken(process.env.LIVEKIT_API_KEY, process.env.LIVEKIT_API_SECRET);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return POST(new Request("http://127.0.0.1/api/livekit/webhook", { method: "POST", headers: { "content-type": "application/webhook+json", authorization: await token.toJwt() }, body }));
}

const room = `call_+15550100998_${suffix}`;
const participant = { identity: `sip_${suffix}`, kind: "SIP", joinedAt: String(Math.floor(Date.now() / 1000)), attributes: { "sip.trunkPhoneNumber": number, "sip.phoneNumber": "+15550100998", "sip.callStatus": "ringing" } };
const event = (id: string, name: string) => JSON.stringify({ event: name, id, createdAt: String(Math.floor(Date.now() / 1000)), room: { name: room, metadata: "" }, participant });

describe("LiveKit webhook replays", () => {
  it("applies an event once, however often its signed body is posted", async () => {
    const joined = event(`EV_join_${suffix}`, "participant_joined");
    expect((await post(joined)).status).toBe(204);
    expect((await post(event(`EV_left_${suffix}`, "participant_left"))).status).toBe(204);
    const timeline = async () => (await db().call.findUniqueOrThrow({ where: { roomName: room }, include: { events: true } })).events.map((e) => e.kind).sort();
    const before = await timeline();
    expect(before).toContain("participant_joined");

    expect((await post(joined)).status).toBe(204);
    expect((await post(joined)).status).toBe(204);
    expect(await timeline()).toEqual(before);
    expect(await db().livekitWebhookReceipt.count({ where: { eventId: { in: [`EV_join_${suffix}`, `EV_left_${suffix}`] } } })).toBe(2);
  });

  it("forgets ids after a day", async () => {
    await db().livekitWebhookReceipt.create({ data: { eventId: `EV_old_${suffix}`, receivedAt: new Date(Date.now() - 25 * 3600_000) } });
    expect(await purgeOldReceipts()).toBeGreaterThanOrEqual(1);
    expect(await db().livekitWebhookReceipt.count({ where: { eventId: `EV_old_${suffix}` } })).toBe(0);
  });
});
