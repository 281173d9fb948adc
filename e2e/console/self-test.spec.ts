import { expect, test, type APIRequestContext } from "@playwright/test";
import { stackSipPort } from "../../scripts/stack/sipp";
import { agentWorker } from "../agent-calls";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, createAgentViaApi, randomNumber } from "../phone-numbers";
import { startLoopPbx, type LoopPbx } from "../sipp/loop-pbx";

// The round-trip self-test against a PBX that really routes the call back: sipp twins (side A
// takes our outbound call with digest, side B sends it back in through the SIP edge). The
// passing run is driven from the account page; each broken leg (outbound auth, allowlist,
// the PBX's routing) through REST, whose verdict must name that leg and its fix.

test.describe.configure({ mode: "serial" });
test.beforeAll(() => agentWorker("start"));
test.afterAll(() => agentWorker("stop"));

type Leg = { key: string; state: string; sipCode: number | null; detail: string };
type SelfTest = { id: string; state: string; failedLeg: string | null; summary: string; fix: string | null; legs: Leg[]; outboundCallId: string; inboundCallId: string | null };

const USER = "loop-trunk";
const PASSWORD = "loop-pw-7";

async function loopAccount(request: APIRequestContext, spaceId: string, pbx: LoopPbx, extra: Record<string, unknown> = {}) {
  const created = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: "Loop PBX", sipServerAddress: `127.0.0.1:${pbx.port}`, sipTransport: "udp", outboundUsername: USER, outboundPassword: PASSWORD, destinationCountry: "US", allowedInboundIps: ["127.0.0.1"], ...extra },
  });
  expect(created.status(), await created.text()).toBe(201);
  const accountId = (await created.json()).id as string;
  const agentId = await createAgentViaApi(request, spaceId, "Loop receptionist");
  const number = randomNumber();
  await bindViaApi(request, spaceId, accountId, number, { inboundAgentId: agentId });
  return { accountId, number };
}

async function verdict(request: APIRequestContext, spaceId: string, accountId: string, testId: string): Promise<SelfTest> {
  let test = {} as SelfTest;
  await expect
    .poll(async () => {
      test = await (await request.get(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}/self-tests/${testId}`)).json();
      return test.state;
    }, { timeout: 90_000, intervals: [500] })
    .not.toBe("running");
  return test;
}

async function startViaApi(request: APIRequestContext, spaceId: string, accountId: string): Promise<string> {
  const started = await request.post(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}/self-tests`, { data: {} });
  expect(started.status(), await started.text()).toBe(202);
  return (await started.json()).id as string;
}

test("Run self-test: out through the PBX, back in, answered by the agent, hung up; every leg green on the account page", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("self-test-pass"));
  const pbx = await startLoopPbx({ username: USER, password: PASSWORD, edgePort: stackSipPort() });
  try {
    const { accountId, number } = await loopAccount(page.request, spaceId, pbx);
    await page.goto(`/s/${spaceId}/sip-accounts/${accountId}`);
    const panel = page.getByRole("region", { name: "Round-trip self-test" });
    await panel.getByRole("button", { name: "Run self-test" }).click();
    const result = panel.getByTestId("self-test-result");
    await expect(result.getByText("Passed", { exact: true })).toBeVisible({ timeout: 90_000 });
    await expect(result.getByRole("status")).toHaveText(`The call went out to your PBX, came back in for ${number} and Loop receptionist answered it.`);
    for (const leg of ["out", "back", "agent"]) await expect(result.locator(`[data-leg="${leg}"]`)).toHaveAttribute("data-state", "ok");
    await expect(result.locator('[data-leg="out"]')).toContainText("SIP 200");

    // The test hung both calls up: both legs end completed in the call log, and the PBX got one call.
    const [test] = (await (await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts/${accountId}/self-tests`)).json()).items as SelfTest[];
    expect(test!.inboundCallId).not.toBeNull();
    for (const id of [test!.outboundCallId, test!.inboundCallId!]) {
      await expect.poll(async () => (await (await page.request.get(`/api/v1/spaces/${spaceId}/calls/${id}`)).json()).status, { timeout: 30_000 }).toBe("completed");
    }
    const sipp = await pbx.done;
    expect(sipp.invitesToPbx, sipp.outOutput).toBe(1);
    expect(sipp.backMessages).toContain(`INVITE sip:${number}@`);
  } finally {
    pbx.stop();
  }
});

test("wrong outbound credentials: the verdict fails the out leg with the PBX's 403 and points at the outbound username and password", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("self-test-auth"));
  const pbx = await startLoopPbx({ username: USER, password: PASSWORD, edgePort: stackSipPort() });
  try {
    const { accountId } = await loopAccount(page.request, spaceId, pbx, { outboundPassword: "not-the-password" });
    const test = await verdict(page.request, spaceId, accountId, await startViaApi(page.request, spaceId, accountId));
    expect(test).toMatchObject({ state: "failed", failedLeg: "out" });
    expect(test.legs.map((l) => [l.key, l.state])).toEqual([["out", "failed"], ["back", "not_reached"], ["agent", "not_reached"]]);
    expect(test.legs[0]!.sipCode).toBe(403);
    expect(test.fix).toMatch(/^Outbound auth: check that the account's Outbound username and password match/);
  } finally {
    pbx.stop();
  }
});

test("the PBX's address missing from Allowed inbound IPs: the verdict fails the way back with the edge's 403 and names the address to add", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("self-test-allowlist"));
  const pbx = await startLoopPbx({ username: USER, password: PASSWORD, edgePort: stackSipPort() });
  try {
    const { accountId } = await loopAccount(page.request, spaceId, pbx, { allowedInboundIps: ["127.0.0.9"] });
    const test = await verdict(page.request, spaceId, accountId, await startViaApi(page.request, spaceId, accountId));
    expect(test).toMatchObject({ state: "failed", failedLeg: "back" });
    expect(test.legs.map((l) => [l.key, l.state])).toEqual([["out", "ok"], ["back", "failed"], ["agent", "not_reached"]]);
    expect(test.legs[1]!.sipCode).toBe(403);
    expect(test.fix).toBe("Allowlist: add 127.0.0.1 (the address your PBX sends from) to the account's Allowed inbound IPs.");
  } finally {
    pbx.stop();
  }
});

test("a PBX that mangles the number on the way back: the verdict blames the PBX's routing and says where to send the number", async ({ page }) => {
  test.setTimeout(150_000);
  const spaceId = await signUp(page, newUser("self-test-routing"));
  const pbx = await startLoopPbx({ username: USER, password: PASSWORD, edgePort: stackSipPort(), dialPrefix: "9" });
  try {
    const { accountId, number } = await loopAccount(page.request, spaceId, pbx);
    // The edge answers the mangled number 404 and, with two accounts listing 127.0.0.1, can tell
    // no Space: the verdict rests on the PBX's own answer to our leg (it relays the 404).
    const other = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "Second PBX", destinationCountry: "US", allowedInboundIps: ["127.0.0.1"] } });
    expect(other.status(), await other.text()).toBe(201);
    const test = await verdict(page.request, spaceId, accountId, await startViaApi(page.request, spaceId, accountId));
    expect(test).toMatchObject({ state: "failed", failedLeg: "out" });
    expect(test.legs[0]!.sipCode).toBe(404);
    expect(test.fix).toMatch(new RegExp(`^PBX routing: make your PBX send calls for \\${number} to \\S+ unchanged`));
  } finally {
    pbx.stop();
  }
});
