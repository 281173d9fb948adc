import { expect, test } from "@playwright/test";
import { killApp9, startApp } from "../app-process";
import { newUser, signUp } from "../fixtures";
import { callUntil, pbxAccountViaApi } from "../pbx-account";
import { startPbx } from "../sipp/pbx-uas";

// The web app killed with SIGKILL while calls ring or are up (the dispatcher runs apart from
// it): each call still reaches its right final state with its SIP code and duration, and is
// dialled once. While the app is down LiveKit's webhooks land nowhere; the dispatcher's
// reconciliation finds what they would have said.

const baseURL = () => process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";

test("killed while the call rings: answered, completed with its duration, dialled once", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("recover-ring"));
  const pbx = await startPbx({ kind: "answer", ringMs: 6000, holdMs: 4000 });
  const { from } = await pbxAccountViaApi(page.request, spaceId, pbx.port);
  const id = (await (await page.request.post(`/api/v1/spaces/${spaceId}/calls`, { data: { from, to: "+15550100310" } })).json()).id as string;
  await callUntil(page.request, spaceId, id, /^ringing$/, 20_000);
  await killApp9();
  await startApp(baseURL());
  const call = await callUntil(page.request, spaceId, id, /^(completed|failed|busy|no_answer)$/, 60_000);
  expect(call, JSON.stringify(call)).toMatchObject({ status: "completed", sipStatusCode: 200 });
  expect(call.durationMs!).toBeGreaterThan(3000);
  expect((await pbx.done).invites).toBe(1);
});

test("killed while the call is up: it completes with its duration though its leave webhook was lost", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("recover-up"));
  const pbx = await startPbx({ kind: "answer", holdMs: 5000 });
  const { from } = await pbxAccountViaApi(page.request, spaceId, pbx.port);
  const id = (await (await page.request.post(`/api/v1/spaces/${spaceId}/calls`, { data: { from, to: "+15550100311" } })).json()).id as string;
  await callUntil(page.request, spaceId, id, /^in_progress$/, 20_000);
  await killApp9();
  // Down until well after the PBX hung up: the leave webhook has nowhere to go.
  expect((await pbx.done).invites).toBe(1);
  await startApp(baseURL());
  const call = await callUntil(page.request, spaceId, id, /^(completed|failed|busy|no_answer)$/, 30_000);
  expect(call, JSON.stringify(call)).toMatchObject({ status: "completed", sipStatusCode: 200 });
  // Found by reconciliation (every 5 s: the hold plus at most that), or by LiveKit's leave
  // webhook retried once the app was back (dated within 0.5 s by its whole-second stamp).
  expect(call.durationMs!).toBeGreaterThanOrEqual(4300);
  expect(call.durationMs!).toBeLessThan(12_000);
});
