import { createHash } from "node:crypto";
import { AccessToken } from "livekit-server-sdk";
import { describe, expect, it, vi } from "vitest";

const KEY = "devkey";
const SECRET = "a-test-secret-that-is-at-least-32-chars";
vi.mock("@/lib/env", () => ({ serverEnv: () => ({ LIVEKIT_URL: "http://127.0.0.1:1", LIVEKIT_API_KEY: KEY, LIVEKIT_API_SECRET: SECRET }) }));

const { receiveCallWebhook, webhookTime } = await import("./call-webhooks");

async function sign(body: string, secret = SECRET) {
  const token = new AccessToken(KEY, secret);
  token.sha256 = createHash("sha256").update(body).digest("base64");
  return token.toJwt();
}

const body = JSON.stringify({
  event: "participant_joined",
  id: "EV_1",
  createdAt: "1795279356",
  room: { name: "number-_+15550100999_abc", metadata: "" },
  participant: { identity: "sip_+15550100999", kind: "SIP", joinedAt: "1795279350", attributes: { "sip.trunkPhoneNumber": "+14155550123", "sip.phoneNumber": "+15550100999", "sip.callStatus": "ringing" } },
});

describe("LiveKit call webhooks", () => {
  it("accepts a webhook signed with the console's key and reduces it to what calls need", async () => {
    const ev = await receiveCallWebhook(body, await sign(body));
    expect(ev).toMatchObject({
      event: "participant_joined",
      roomName: "number-_+15550100999_abc",
      participant: { identity: "sip_+15550100999", isSip: true, attributes: { "sip.trunkPhoneNumber": "+14155550123", "sip.callStatus": "ringing" } },
    });
    // Arriving long after LiveKit stamped it: dated by the middle of LiveKit's whole second.
    expect(ev?.at.toISOString()).toBe(new Date(1795279356 * 1000 + 500).toISOString());
    expect(ev?.participant?.joinedAt?.toISOString()).toBe(new Date(1795279350 * 1000).toISOString());
  });

  it("dates a prompt webhook by its arrival, to the millisecond, and a late one by LiveKit's whole second", () => {
    const stamp = 1795279356;
    expect(webhookTime(stamp, new Date(stamp * 1000 + 734)).getTime()).toBe(stamp * 1000 + 734);
    expect(webhookTime(stamp, new Date(stamp * 1000 + 5000)).getTime()).toBe(stamp * 1000 + 500);
    expect(webhookTime(undefined, new Date(42)).getTime()).toBe(42);
  });

  it("says why a SIP participant left: busy or declined is rejected, no answer is unavailable", async () => {
    const left = (reason: string) => JSON.stringify({ event: "participant_left", id: "EV_2", createdAt: "1795279356", room: { name: "call-x" }, participant: { identity: "sip-out-x", kind: "SIP", disconnectReason: reason, attributes: {} } });
    for (const [reason, ours] of [["USER_REJECTED", "rejected"], ["USER_UNAVAILABLE", "unavailable"], ["CLIENT_INITIATED", "hangup"]] as const) {
      const b = left(reason);
      expect((await receiveCallWebhook(b, await sign(b)))?.participant?.disconnectReason).toBe(ours);
    }
  });

  it("refuses an unsigned webhook, another key's signature and a body changed after signing", async () => {
    expect(await receiveCallWebhook(body, null)).toBeNull();
    expect(await receiveCallWebhook(body, await sign(body, "another-secret-that-is-at-least-32-chars"))).toBeNull();
    expect(await receiveCallWebhook(body.replace("+14155550123", "+14155550124"), await sign(body))).toBeNull();
  });
});
