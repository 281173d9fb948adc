import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_AGENT } from "../../agent-worker/agent-settings";
import { DISTRACTORS, recogniseSegment, speechSegments, ulawToPcm, whenAgentReplied, words } from "../../agent-worker/test/audio-check";
import { placeCall } from "../../agent-worker/test/sip-call";
import { spokenUlaw } from "../../agent-worker/test/spoken-ulaw";
import { stackSipPort } from "../../scripts/stack/sipp";
import { agentWorker, finishedCall } from "../agent-calls";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, createAgentViaApi, randomNumber } from "../phone-numbers";
import { startWebhookReceiver } from "../webhook-receiver";

// What the agent does on a call beyond greeting and answering, through the real stack (sipp as
// the PBX, the real agent worker in offline mode, the console's internal API): the transcript
// it reports, the ways it hangs up itself (maximum duration, silence timeout, the end-call
// key), and the caller context (an X- SIP header) it speaks. Each test is its own Space.

// Not serial: one call spoiled by a loaded machine does not skip the others.
test.beforeAll(() => agentWorker("start"));
test.afterAll(() => agentWorker("stop"));

const OTHER_GREETING = "Good evening, you have reached the city library. How may I help you?";

type TranscriptBody = { retentionDays: number; turns: { speaker: string; kind: string; text: string; at: string; interrupted: boolean }[] };

test("a call's transcript: the agent's greeting, what the caller said and the key they pressed, on REST and on the call page", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("agent-transcript"));
  const account = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: "Clinic PBX", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] },
  });
  expect(account.status(), await account.text()).toBe(201);
  const greeting = "Hello, you have reached the dental clinic. How can I help?";
  const agentId = await createAgentViaApi(page.request, spaceId, "Receptionist", greeting);
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, (await account.json()).id as string, n, { inboundAgentId: agentId });

  // The caller speaks once the greeting is over, then presses 5 once the agent has answered.
  const speech = spokenUlaw("I would like to book an appointment for tomorrow morning please");
  const call = await placeCall({
    sipPort: stackSipPort(),
    called: n,
    caller: "+15550100778",
    holdMs: 36_000,
    onAnswered: (peer, pt) => {
      setTimeout(() => {
        peer.play(speech);
        const spokenUntil = performance.now() + (speech.length / 8000) * 1000;
        whenAgentReplied(peer, spokenUntil, () => peer.pressKey("5", pt));
      }, 6000);
    },
  });
  expect(call.exitCode, call.output).toBe(0);
  const logged = await finishedCall(page.request, spaceId, (items) => items[0]?.id);

  let transcript: TranscriptBody | undefined;
  await expect
    .poll(async () => {
      transcript = await (await page.request.get(`/api/v1/spaces/${spaceId}/calls/${logged.id}/transcript`)).json();
      return transcript!.turns.some((t) => t.text === "You pressed 5.");
    }, { timeout: 20_000, intervals: [500] })
    .toBe(true);
  const turns = transcript!.turns;
  expect(transcript!.retentionDays).toBe(30);
  expect(turns[0], JSON.stringify(turns)).toMatchObject({ speaker: "agent", kind: "speech", text: greeting });
  // What pocketsphinx made of the caller's sentence is its own; that the caller said something is ours.
  const callerSpeech = turns.filter((t) => t.speaker === "caller" && t.kind === "speech");
  expect(callerSpeech.length, JSON.stringify(turns)).toBeGreaterThanOrEqual(1);
  expect(callerSpeech[0]!.text.length).toBeGreaterThan(0);
  expect(turns).toContainEqual(expect.objectContaining({ speaker: "caller", kind: "key", text: "5" }));
  expect(turns).toContainEqual(expect.objectContaining({ speaker: "agent", kind: "speech", text: "You pressed 5." }));
  // In the order they were said: the key press before the answer to it, all within the call.
  const keyAt = turns.findIndex((t) => t.kind === "key");
  expect(turns.findIndex((t) => t.text === "You pressed 5.")).toBeGreaterThan(keyAt);
  expect(Date.parse(turns[0]!.at)).toBeGreaterThanOrEqual(Date.parse(logged.answeredAt!) - 1000);

  await page.goto(`/s/${spaceId}/calls/${logged.id}`);
  const shown = page.getByRole("list", { name: "Transcript" });
  await expect(shown.getByTestId("transcript-turn").first()).toContainText(`Agent${greeting}`);
  await expect(shown.getByText("Pressed the key 5")).toBeVisible();
  await expect(shown.getByTestId("transcript-turn")).toHaveCount(turns.length);
});

/** An inbound call to a fresh number whose agent has `settings`; the agent, not the caller, hangs up. */
async function callHungUpByAgent(page: Page, label: string, settings: Record<string, unknown>, onAnswered?: Parameters<typeof placeCall>[0]["onAnswered"]) {
  const spaceId = await signUp(page, newUser(label));
  const account = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "Front desk PBX", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  expect(account.status(), await account.text()).toBe(201);
  const agentId = await createAgentViaApi(page.request, spaceId, "Front desk", "Hello, front desk here.");
  const patched = await page.request.patch(`/api/v1/spaces/${spaceId}/agents/${agentId}`, { data: settings });
  expect(patched.status(), await patched.text()).toBe(200);
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, (await account.json()).id as string, n, { inboundAgentId: agentId });
  // The caller never hangs up: sipp waits up to 45 s for the agent's BYE.
  const call = await placeCall({ sipPort: stackSipPort(), called: n, caller: "+15550100779", holdMs: 0, scenario: "inbound-answer-remote-bye.xml", answerTimeoutMs: 45_000, timeoutSeconds: 60, onAnswered });
  expect(call.exitCode, call.output).toBe(0);
  expect(call.byeAfterAnswerMs).not.toBeNull();
  const logged = await finishedCall(page.request, spaceId, (items) => items[0]?.id);
  return { spaceId, call, logged };
}

test("the agent's maximum call duration hangs up the call and is its end reason on the call log", async ({ page }) => {
  test.setTimeout(120_000);
  const { spaceId, call, logged } = await callHungUpByAgent(page, "agent-max-duration", { maxCallSeconds: 8 });
  // At the limit the agent says one short sentence, then hangs up.
  expect(call.byeAfterAnswerMs!, JSON.stringify(call)).toBeGreaterThanOrEqual(8000);
  expect(call.byeAfterAnswerMs!).toBeLessThan(8000 + 9000);
  expect(logged.status).toBe("completed");
  expect(logged.endReason).toBe("The call reached the agent's maximum duration of 8 seconds.");
  expect(logged.events.find((e) => e.kind === "ended_by_agent")?.detail).toBe(logged.endReason);
  await page.goto(`/s/${spaceId}/calls/${logged.id}`);
  await expect(page.getByTestId("call-reason")).toHaveText(logged.endReason!);
  await expect(page.getByRole("list", { name: "Timeline" }).getByText("The agent hung up")).toBeVisible();
});

test("the agent's silence timeout hangs up a call where nobody speaks, and says so on the call log", async ({ page }) => {
  test.setTimeout(120_000);
  const { call, logged } = await callHungUpByAgent(page, "agent-silence", { silenceTimeoutSeconds: 4 });
  // The greeting (about 2 s), 4 s of silence, the agent's last sentence.
  expect(call.byeAfterAnswerMs!, JSON.stringify(call)).toBeGreaterThanOrEqual(4000);
  expect(call.byeAfterAnswerMs!).toBeLessThan(20_000);
  expect(logged.endReason).toBe("Nobody spoke for 4 seconds (the agent's silence timeout).");
  expect(logged.events.map((e) => e.kind)).toContain("ended_by_agent");
});

test("offline, the caller's # key is the agent's end-call tool: it says goodbye and hangs up", async ({ page }) => {
  test.setTimeout(120_000);
  let pressedAt = 0;
  const { call, logged } = await callHungUpByAgent(page, "agent-end-call", {}, (peer, pt) =>
    setTimeout(() => {
      pressedAt = performance.now();
      peer.pressKey("#", pt);
    }, 4000),
  );
  expect(pressedAt).toBeGreaterThan(0);
  expect(call.byeAfterAnswerMs!, JSON.stringify(call)).toBeGreaterThanOrEqual(4000);
  expect(call.byeAfterAnswerMs!).toBeLessThan(15_000);
  expect(logged.endReason).toBe("The agent ended the call.");
  const heard = speechSegments(ulawToPcm(call.peer.recordedUlaw()));
  expect(heard.length, "the greeting, then the goodbye").toBeGreaterThanOrEqual(2);
});

test("caller context: an X- header the PBX sends is passed to the agent and its greeting says it; a missing variable says nothing", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("agent-caller-context"));
  const account = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: "Bakery PBX", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], passHeaders: ["X-Customer-Name"] },
  });
  expect(account.status(), await account.text()).toBe(201);
  const accountId = (await account.json()).id as string;
  expect((await account.json()).passHeaders).toEqual(["X-Customer-Name"]);
  // Verify compares the trunk's headersToAttributes too: what LiveKit holds is what the account says.
  const verified = await (await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}/verify`)).json();
  expect(verified.ok, JSON.stringify(verified)).toBe(true);

  const agentId = await createAgentViaApi(page.request, spaceId, "Baker", "Hello {{X-Customer-Name}}, welcome to the bakery{{loyalty_tier}}.");
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, n, { inboundAgentId: agentId });

  const call = await placeCall({ sipPort: stackSipPort(), called: n, caller: "+15550100780", holdMs: 9000, scenario: "inbound-answer-x-header.xml", field4: "Margaret" });
  expect(call.exitCode, call.output).toBe(0);
  const said = "Hello Margaret, welcome to the bakery.";
  // The caller heard the agent's greeting (pocketsphinx picks it among other sentences; it cannot
  // be trusted to hear one inserted name through the phone codec, so the words are checked below).
  const ulaw = call.peer.recordedUlaw();
  const segments = speechSegments(ulawToPcm(ulaw));
  expect(segments.length).toBeGreaterThanOrEqual(1);
  expect(recogniseSegment(ulaw, segments[0]!, [said, OTHER_GREETING, DEFAULT_AGENT.greeting, ...DISTRACTORS])).toBe(words(said));

  // What the agent said, word for word (its transcript): the header's value, no braces, no gap.
  const logged = await finishedCall(page.request, spaceId, (items) => items[0]?.id);
  let greeting = "";
  await expect
    .poll(async () => {
      const t = (await (await page.request.get(`/api/v1/spaces/${spaceId}/calls/${logged.id}/transcript`)).json()) as TranscriptBody;
      greeting = t.turns[0]?.text ?? "";
      return greeting;
    }, { timeout: 15_000, intervals: [500] })
    .toBe(said);
});


/** A call whose agent has transfer destinations; the caller presses 0 (offline: transfer to the first). */
async function callTransferredBy(page: Page, label: string, scenario: string, holdMs: number) {
  const receiver = await startWebhookReceiver();
  const spaceId = await signUp(page, newUser(label));
  const hook = await page.request.post(`/api/v1/spaces/${spaceId}/webhooks`, { data: { url: receiver.url, events: ["call.transferred", "call.transfer_failed"] } });
  expect(hook.status(), await hook.text()).toBe(201);
  receiver.secret = (await hook.json()).secret as string;
  const account = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "Shop PBX", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
  expect(account.status(), await account.text()).toBe(201);
  const agentId = await createAgentViaApi(page.request, spaceId, "Shop", "Hello, shop here.");
  const destinations = [{ name: "sales", target: "+15550100999" }, { name: "support", target: "sip:support@pbx.example.com" }];
  const patched = await page.request.patch(`/api/v1/spaces/${spaceId}/agents/${agentId}`, { data: { transferDestinations: destinations } });
  expect(patched.status(), await patched.text()).toBe(200);
  expect((await patched.json()).transferDestinations).toEqual(destinations);
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, (await account.json()).id as string, n, { inboundAgentId: agentId });
  const call = await placeCall({ sipPort: stackSipPort(), called: n, caller: "+15550100781", holdMs, scenario, answerTimeoutMs: 40_000, timeoutSeconds: 90, onAnswered: (peer, pt) => setTimeout(() => peer.pressKey("0", pt), 3000) });
  // sipp saw the whole exchange its scenario expects (REFER and what follows), or says where not.
  expect(call.exitCode, call.output).toBe(0);
  const logged = await finishedCall(page.request, spaceId, (items) => items[0]?.id);
  return { spaceId, call, logged, receiver };
}

test("transfer to a human: the PBX accepts the REFER (202, NOTIFY 200); the call log says transferred to sales, and a webhook says so", async ({ page }) => {
  test.setTimeout(150_000);
  const { spaceId, call, logged, receiver } = await callTransferredBy(page, "agent-transfer-ok", "inbound-refer-accept.xml", 0);
  try {
    // sipp took the REFER, answered 202, sent NOTIFY 200 (answered 200), then livekit-sip's BYE.
    expect(call.exitCode, call.output).toBe(0);
    expect(call.referTo).toBe("tel:+15550100999");
    expect(call.statusLines).toContain("SIP/2.0 200 OK");
    expect(logged.endReason).toBe("Transferred to sales (+15550100999).");
    const event = logged.events.find((e) => e.kind === "transferred");
    expect(event?.detail, JSON.stringify(logged.events)).toBe("Transferred to sales (+15550100999): the PBX accepted the REFER and connected the call (NOTIFY 200).");
    await expect.poll(() => receiver.received.map((r) => r.type), { timeout: 20_000 }).toContain("call.transferred");
    const hook = receiver.received.find((r) => r.type === "call.transferred")!;
    expect(hook.verified).toBe(true);
    expect(hook.data).toMatchObject({ callId: logged.id, transfer: { destination: "sales", target: "+15550100999", outcome: "transferred", sipStatusCode: null } });
    await page.goto(`/s/${spaceId}/calls/${logged.id}`);
    const timeline = page.getByRole("list", { name: "Timeline" });
    await expect(timeline.getByText("Transferred", { exact: true })).toBeVisible();
    await expect(timeline.getByText(event!.detail!)).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test("transfer refused: the PBX answers the REFER 603; the call log says the transfer failed, the agent stays on the call", async ({ page }) => {
  test.setTimeout(150_000);
  const { spaceId, call, logged, receiver } = await callTransferredBy(page, "agent-transfer-refused", "inbound-refer-refuse.xml", 9000);
  try {
    expect(call.exitCode, call.output).toBe(0);
    expect(call.referTo).toBe("tel:+15550100999");
    expect(logged.status).toBe("completed");
    expect(logged.endReason ?? "").not.toMatch(/Transferred/);
    const event = logged.events.find((e) => e.kind === "transfer_failed");
    expect(event?.detail, JSON.stringify(logged.events)).toBe("Transfer to sales (+15550100999) failed: the PBX refused it (SIP 603). The agent stays on the call.");
    await expect.poll(() => receiver.received.map((r) => r.type), { timeout: 20_000 }).toContain("call.transfer_failed");
    expect(receiver.received.find((r) => r.type === "call.transfer_failed")!.data).toMatchObject({ transfer: { destination: "sales", outcome: "failed", sipStatusCode: 603 } });
    // After the refusal the agent tells the caller and stays on the call (its transcript says what it said).
    await expect
      .poll(async () => ((await (await page.request.get(`/api/v1/spaces/${spaceId}/calls/${logged.id}/transcript`)).json()) as TranscriptBody).turns.map((t) => t.text), { timeout: 15_000 })
      .toContain("Sorry, I could not transfer you to sales. I am still here to help.");
  } finally {
    await receiver.close();
  }
});
