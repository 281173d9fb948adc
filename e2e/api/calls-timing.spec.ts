import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { callUntil, pbxAccountViaApi } from "../pbx-account";
import { startPbx } from "../sipp/pbx-uas";

// Exact figures from the SIP side: the PBX (sipp) rings, answers, holds the call for an exact
// time and hangs up. The dispatcher dates the answer when LiveKit reports the call active; the
// hang-up is dated by the arrival of LiveKit's leave webhook, to the millisecond.

for (const holdMs of [2000, 12_000]) {
  test(`a call the PBX held ${holdMs / 1000} s is logged within 0.3 s of that, after showing ringing`, async ({ page }) => {
    test.setTimeout(60_000 + holdMs);
    const spaceId = await signUp(page, newUser(`timing-${holdMs}`));
    const pbx = await startPbx({ kind: "answer", ringMs: 1500, holdMs });
    const { from } = await pbxAccountViaApi(page.request, spaceId, pbx.port);
    const placed = await page.request.post(`/api/v1/spaces/${spaceId}/calls`, { data: { from, to: "+15550100300" } });
    expect(placed.status(), await placed.text()).toBe(201);
    const id = (await placed.json()).id as string;

    await callUntil(page.request, spaceId, id, /^ringing$/, 20_000);
    const call = await callUntil(page.request, spaceId, id, /^(completed|failed|busy|no_answer)$/, 30_000 + holdMs);
    expect(call.status, JSON.stringify(call)).toBe("completed");
    expect(call.sipStatusCode).toBe(200);
    expect(Math.abs(call.durationMs! - holdMs), JSON.stringify(call)).toBeLessThanOrEqual(300);
    expect(call.durationSeconds).toBe(Math.round(call.durationMs! / 1000));
    expect(call.events.map((e) => e.kind).filter((k) => k.startsWith("status:"))).toEqual(["status:queued", "status:dialing", "status:ringing", "status:in_progress", "status:completed"]);
    expect((await pbx.done).invites).toBe(1);
  });
}

test("a callee who never answers ends as no answer with the SIP code once the ringing timeout passes", async ({ page }) => {
  test.setTimeout(90_000);
  const spaceId = await signUp(page, newUser("timing-noanswer"));
  const pbx = await startPbx({ kind: "ring-no-answer" });
  const { from } = await pbxAccountViaApi(page.request, spaceId, pbx.port);
  const placed = await page.request.post(`/api/v1/spaces/${spaceId}/calls`, { data: { from, to: "+15550100301" } });
  const id = (await placed.json()).id as string;
  await callUntil(page.request, spaceId, id, /^ringing$/, 20_000);
  const call = await callUntil(page.request, spaceId, id, /^(completed|failed|busy|no_answer)$/, 60_000);
  expect(call).toMatchObject({ status: "no_answer", failureReason: "The destination did not answer." });
  expect([408, 487]).toContain(call.sipStatusCode);
  expect((await pbx.done).invites).toBe(1);
});
