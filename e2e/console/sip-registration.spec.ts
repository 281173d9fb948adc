import { expect, test, type APIRequestContext } from "@playwright/test";
import { RoomServiceClient } from "livekit-server-sdk";
import { DEFAULT_AGENT } from "../../agent-worker/agent-settings";
import { DISTRACTORS, recogniseSegment, speechSegments, ulawToPcm, words } from "../../agent-worker/test/audio-check";
import { placeCall } from "../../agent-worker/test/sip-call";
import { stackSipPort } from "../../scripts/stack/sipp";
import { stackLiveKit } from "../../scripts/stack/stack-env";
import { agentWorker } from "../agent-calls";
import { newUser, signUp } from "../fixtures";
import { killEdge, startLiveKitServer } from "../livekit";
import { bindViaApi, createAccountViaApi, createAgentViaApi, randomNumber } from "../phone-numbers";
import { startRegistrar } from "../sipp/pbx-registrar";

// An agent registered as an extension on the customer's PBX (seed 002, issue 13 point 4):
// sipp is the PBX's registrar, the stack's SIP edge (Kamailio's uac module, driven by the
// dispatcher) sends the REGISTERs, and the console shows what the PBX answered.

type Registration = { status: string; lastCode: number | null; lastReason: string | null; expiresAt: string | null; lastAttemptAt: string | null; explanation: { summary: string; fix: string | null } };

const url = (spaceId: string, agentId: string) => `/api/v1/spaces/${spaceId}/agents/${agentId}/sip-registration`;

async function read(request: APIRequestContext, spaceId: string, agentId: string): Promise<Registration> {
  const response = await request.get(url(spaceId, agentId));
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** Polls until the status is `status` (the edge registers within its 5 s timer). */
async function untilStatus(request: APIRequestContext, spaceId: string, agentId: string, status: string, timeout = 30_000): Promise<Registration> {
  let last: Registration | undefined;
  await expect.poll(async () => (last = await read(request, spaceId, agentId)).status, { timeout, intervals: [250] }).toBe(status);
  return last!;
}

async function register(request: APIRequestContext, spaceId: string, agentId: string, body: Record<string, unknown>) {
  const response = await request.put(url(spaceId, agentId), { data: body });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("registration", () => {
  test("from the agent's page: field errors on their fields, then challenged (401) and Registered with the PBX's 200", async ({ page }) => {
    test.setTimeout(90_000);
    const registrar = await startRegistrar({ user: "1001", password: "ext-1001-secret", expires: 300 });
    try {
      const spaceId = await signUp(page, newUser("sip-reg-ui"));
      const agentId = await createAgentViaApi(page.request, spaceId, "Front desk");
      await page.goto(`/s/${spaceId}/agents`);
      await page.getByRole("link", { name: "SIP registration" }).click();
      await expect(page.getByRole("heading", { name: "Front desk: SIP registration" })).toBeVisible();
      await expect(page.getByTestId("registration-status")).toHaveAttribute("data-status", "none");

      const form = page.getByRole("form", { name: "SIP registration" });
      await form.getByLabel("X-Dest-User").fill("not allowed!");
      await form.getByRole("button", { name: "Save and register" }).click();
      await expect(form.getByText("Enter the SIP domain (for example sip.example.com).")).toBeVisible();
      await expect(form.getByText("Use a-z, A-Z, 0-9 and . _ + @ ~ / - only in X-Dest-User.")).toBeVisible();

      await form.getByLabel("SIP domain").fill("127.0.0.1");
      await form.getByLabel("Username", { exact: true }).fill("1001");
      await form.getByLabel("Password", { exact: true }).fill("ext-1001-secret");
      await form.getByLabel("Port", { exact: true }).fill(String(registrar.port));
      await form.getByLabel("X-Dest-User").fill("");
      await form.getByRole("button", { name: "Save and register" }).click();

      const status = page.getByTestId("registration-status");
      await expect(status).toHaveAttribute("data-status", "registered", { timeout: 30_000 });
      await expect(status).toContainText("Registered");
      await expect(status).toContainText("Last answer from the PBX: 200 OK");
      const saved = await read(page.request, spaceId, agentId);
      expect(saved).toMatchObject({ status: "registered", lastCode: 200 });
      const granted = new Date(saved.expiresAt!).getTime() - Date.now();
      expect(granted).toBeGreaterThan(250_000);
      expect(granted).toBeLessThanOrEqual(300_000);
      // The password field shows it is set, never what it is.
      await expect(form.getByTestId("registration-password-state")).toHaveText("A password is set. Leave this empty to keep it.");
      // The first REGISTER carried no credentials (challenged), the second answered the challenge.
      const [first, second] = await registrar.requests();
      expect(first).toEqual({ withDigest: false, expires: "600" });
      expect(second).toEqual({ withDigest: true, expires: "600" });

      // Unregister from the page: confirmed, then REGISTER with Expires: 0 and the form is empty again.
      await form.getByRole("button", { name: "Unregister" }).click();
      await page.getByRole("alertdialog", { name: "Unregister Front desk?" }).getByRole("button", { name: "Unregister" }).click();
      await expect(status).toHaveAttribute("data-status", "none", { timeout: 30_000 });
      expect((await registrar.requests()).map((r) => r.expires)).toContain("0");
      expect((await page.request.get(url(spaceId, agentId))).status()).toBe(404);
    } finally {
      await registrar.stop();
    }
  });

  test("a wrong password: auth_failed with the PBX's 403 explained, no more REGISTERs until the credentials change", async ({ page }) => {
    test.setTimeout(120_000);
    const spaceId = await signUp(page, newUser("sip-reg-auth"));
    const agentId = await createAgentViaApi(page.request, spaceId, "Night line");
    const refusing = await startRegistrar({ user: "1002", password: "the-right-one", expires: 300 });
    try {
      await register(page.request, spaceId, agentId, { domain: "127.0.0.1", port: refusing.port, username: "1002", password: "a-wrong-one" });
      const failed = await untilStatus(page.request, spaceId, agentId, "auth_failed");
      expect(failed).toMatchObject({ lastCode: 403, lastReason: "Forbidden" });
      expect(failed.explanation.summary).toContain("Agent not receiving calls: registration failed, 403 Forbidden from the PBX");
      expect(failed.explanation.fix).toContain("password");
      // Nothing is retried: a bounded look (three of the dispatcher's 5 s passes and the edge's
      // 5 s timer) proves a negative, so it has to last; the status must hold through it.
      const deadline = Date.now() + 16_000;
      while (Date.now() < deadline) {
        const now = await read(page.request, spaceId, agentId);
        expect(now.status).toBe("auth_failed");
        expect(now.lastAttemptAt).toBe(failed.lastAttemptAt);
        await page.waitForTimeout(1_000);
      }
      expect(await refusing.requests()).toEqual([{ withDigest: false, expires: "600" }, { withDigest: true, expires: "600" }]);
    } finally {
      await refusing.stop();
    }

    // New credentials (and here a new registrar) register again at once.
    const accepting = await startRegistrar({ user: "1002", password: "the-right-one", expires: 300 });
    try {
      await register(page.request, spaceId, agentId, { domain: "127.0.0.1", port: accepting.port, username: "1002", password: "the-right-one" });
      await untilStatus(page.request, spaceId, agentId, "registered");
    } finally {
      await accepting.stop();
    }
  });

  test("a 20 s expiry is refreshed in time, an edge restart registers again, and DELETE sends Expires: 0", async ({ page }) => {
    test.setTimeout(150_000);
    const spaceId = await signUp(page, newUser("sip-reg-refresh"));
    const agentId = await createAgentViaApi(page.request, spaceId, "Hotline");
    const registrar = await startRegistrar({ user: "1003", password: "hotline-secret", expires: 20 });
    try {
      await register(page.request, spaceId, agentId, { domain: "127.0.0.1", port: registrar.port, username: "1003", password: "hotline-secret" });
      const first = await untilStatus(page.request, spaceId, agentId, "registered");
      const firstExpiry = new Date(first.expiresAt!).getTime();

      // The refresh lands before the first expiry, and the status never lapses meanwhile.
      let refreshed: Registration | undefined;
      await expect
        .poll(async () => {
          refreshed = await read(page.request, spaceId, agentId);
          expect(refreshed.status).toBe("registered");
          return new Date(refreshed.expiresAt!).getTime() > firstExpiry;
        }, { timeout: 25_000, intervals: [250] })
        .toBe(true);
      expect(Date.now()).toBeLessThan(firstExpiry);
      expect((await registrar.accepted()).length).toBeGreaterThanOrEqual(2);

      // The edge keeps nothing: killed and started again, it is given the registration back.
      const before = (await registrar.accepted()).length;
      killEdge();
      startLiveKitServer();
      await expect.poll(async () => (await registrar.accepted()).length, { timeout: 30_000, intervals: [500] }).toBeGreaterThan(before);
      await untilStatus(page.request, spaceId, agentId, "registered");

      const removed = await page.request.delete(url(spaceId, agentId));
      expect(removed.status()).toBe(202);
      await expect.poll(async () => (await page.request.get(url(spaceId, agentId))).status(), { timeout: 30_000, intervals: [500] }).toBe(404);
      // The unregistration was challenged like any REGISTER, and answered with the digest.
      expect((await registrar.requests()).slice(-2)).toEqual([{ withDigest: false, expires: "0" }, { withDigest: true, expires: "0" }]);
    } finally {
      await registrar.stop();
    }
  });

  test("REST refuses what the edge cannot do, on the field concerned", async ({ page }) => {
    const spaceId = await signUp(page, newUser("sip-reg-rest"));
    const agentId = await createAgentViaApi(page.request, spaceId, "Validator");
    const base = { domain: "pbx.example.com", username: "1005", password: "secret-1005" };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ transport: "tls" }, "transport", "TLS is not available"],
      [{ subscribe: true }, "subscribe", "SUBSCRIBE (presence / BLF) is not supported"],
      [{ xDestUser: "two words" }, "xDestUser", "X-Dest-User"],
      [{ did: "12" }, "did", "E.164"],
      [{ port: 70000 }, "port", "1 to 65535"],
      [{ domain: "sip:pbx.example.com" }, "domain", "host name"],
      [{ domain: undefined }, "domain", "Enter the SIP domain"],
    ];
    for (const [patch, field, message] of cases) {
      const response = await page.request.put(url(spaceId, agentId), { data: { ...base, ...patch } });
      expect(response.status(), JSON.stringify(patch)).toBe(422);
      const body = (await response.json()) as { errors: { path: string; message: string }[] };
      expect(body.errors.find((e) => e.path === field)?.message, JSON.stringify(body)).toContain(message);
    }
    const noPassword = await page.request.put(url(spaceId, agentId), { data: { domain: "pbx.example.com", username: "1005" } });
    expect(noPassword.status()).toBe(422);
    expect(await noPassword.text()).toContain("Enter the SIP password");
    // Empty strings are unset, and the answer never carries the password.
    const saved = await page.request.put(url(spaceId, agentId), { data: { ...base, proxy: "", did: "", xDestUser: "" } });
    expect(saved.status(), await saved.text()).toBe(200);
    const text = await saved.text();
    expect(text).not.toContain("secret-1005");
    expect(JSON.parse(text)).toMatchObject({ proxy: null, did: null, xDestUser: null, extension: "1005", subscribe: false, status: "pending" });
    expect((await page.request.get(`/api/v1/spaces/${spaceId}/agents/nope/sip-registration`)).status()).toBe(404);
  });

  test("a DID and a bound number never collide: each side refuses the other, 409 on its field", async ({ page }) => {
    const spaceId = await signUp(page, newUser("sip-reg-did"));
    const agentId = await createAgentViaApi(page.request, spaceId, "Front desk");
    const accountId = await createAccountViaApi(page.request, spaceId);
    const bound = randomNumber();
    await bindViaApi(page.request, spaceId, accountId, bound);
    const base = { domain: "pbx.example.com", username: "1006", password: "secret-1006" };

    const clash = await page.request.put(url(spaceId, agentId), { data: { ...base, did: bound } });
    expect(clash.status()).toBe(409);
    expect((await clash.json()).errors).toEqual([expect.objectContaining({ path: "did", message: expect.stringContaining("bound to a Custom SIP account") })]);

    const did = randomNumber();
    expect((await page.request.put(url(spaceId, agentId), { data: { ...base, did } })).status()).toBe(200);
    const taken = await page.request.post(`/api/v1/spaces/${spaceId}/phone-numbers`, { data: { accountId, number: did } });
    expect(taken.status()).toBe(409);
    expect((await taken.json()).errors).toEqual([expect.objectContaining({ path: "number", message: expect.stringContaining("DID of an agent's SIP registration") })]);
  });
});

// A whole call to the registered agent, with the agent worker running as the stack runs it.
const GREETING = "Thank you for calling the harbour office. How can I help you today?";
const CANDIDATES = [GREETING, DEFAULT_AGENT.greeting, ...DISTRACTORS];


/** The attributes of the first SIP participant LiveKit shows in any room, polled while `until` runs. */
async function sipAttributesDuring(until: Promise<unknown>): Promise<Record<string, string> | null> {
  const { url: lkUrl, apiKey, apiSecret } = stackLiveKit();
  const rooms = new RoomServiceClient(lkUrl, apiKey, apiSecret);
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    for (const room of await rooms.listRooms()) {
      const sip = (await rooms.listParticipants(room.name)).find((p) => p.attributes["sip.callID"]);
      if (sip) return { ...sip.attributes };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

test.describe("calls to a registered agent", () => {
  test.describe.configure({ mode: "serial" });
  test.beforeAll(() => agentWorker("start"));
  test.afterAll(() => agentWorker("stop"));

  test("the PBX's INVITE to the registered contact is answered by the agent, with the DID in To and X-Dest-User visible to it", async ({ page }) => {
    test.setTimeout(150_000);
    const registrar = await startRegistrar({ user: "1004", password: "harbour-secret", expires: 300 });
    try {
      const spaceId = await signUp(page, newUser("sip-reg-call"));
      const agentId = await createAgentViaApi(page.request, spaceId, "Harbour office", GREETING);
      const did = randomNumber();
      await register(page.request, spaceId, agentId, { domain: "127.0.0.1", port: registrar.port, username: "1004", password: "harbour-secret", did, xDestUser: "routing.user+1@example" });
      await untilStatus(page.request, spaceId, agentId, "registered");
      const [contact] = await registrar.accepted();
      const contactUser = /^sip:([^@]+)@/.exec(contact!)?.[1];
      expect(contactUser, contact).toMatch(/^sb[a-z2-7]{26}r\d+$/);

      const call = placeCall({ sipPort: stackSipPort(), called: contactUser!, caller: "+15550100888", holdMs: 8000 });
      const attributes = await sipAttributesDuring(call);
      const result = await call;
      expect(result.exitCode, result.output).toBe(0);
      const ulaw = result.peer.recordedUlaw();
      const segments = speechSegments(ulawToPcm(ulaw));
      expect(segments.length).toBeGreaterThanOrEqual(1);
      expect(recogniseSegment(ulaw, segments[0]!, CANDIDATES)).toBe(words(GREETING));

      expect(attributes?.["sip.trunkPhoneNumber"]).toBe(did);
      expect(attributes?.["sip.h.x-dest-user"]).toBe("routing.user+1@example");

      // The call log has it: inbound, to the DID, answered by the agent.
      await expect
        .poll(async () => {
          const list = (await (await page.request.get(`/api/v1/spaces/${spaceId}/calls`)).json()) as { items: { to: string; agent: { id: string } | null; status: string; direction: string }[] };
          const [latest] = list.items;
          return latest ? `${latest.direction} ${latest.to} ${latest.agent?.id} ${latest.status}` : "none";
        }, { timeout: 30_000, intervals: [500] })
        .toBe(`inbound ${did} ${agentId} completed`);

      // An old or made-up contact rings nobody.
      const stranger = await placeCall({ sipPort: stackSipPort(), called: "sbaaaaaaaaaaaaaaaaaaaaaaaaaar1", caller: "+15550100889", holdMs: 1000, answerTimeoutMs: 3_000, timeoutSeconds: 10 });
      expect(stranger.statusLines).toContain("SIP/2.0 404 Not Found");
    } finally {
      await registrar.stop();
    }
  });
});
