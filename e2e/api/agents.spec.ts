import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";

// The REST face of agents: the same schema as the form, Space-scoped ids, and the refusal to
// delete an agent that numbers use.

const base = (spaceId: string) => `/api/v1/spaces/${spaceId}/agents`;
const valid = { name: "Api agent", greeting: "Hello from the API.", instructions: "Be brief." };

test("create with offline defaults, patch keeps what is absent, 422 on bad providers, 409 on a taken name", async ({ page }) => {
  const spaceId = await signUp(page, newUser("api-agents"));
  const created = await page.request.post(base(spaceId), { data: valid });
  expect(created.status()).toBe(201);
  const agent = await created.json();
  expect(agent).toMatchObject({ ...valid, language: "en-US", voice: null, sttProvider: "offline", llmProvider: "offline", ttsProvider: "offline" });

  const patched = await page.request.patch(`${base(spaceId)}/${agent.id}`, { data: { ttsProvider: "cartesia", voice: "sonic-en" } });
  expect(patched.status()).toBe(200);
  expect(await patched.json()).toMatchObject({ ...valid, ttsProvider: "cartesia", voice: "sonic-en", sttProvider: "offline" });
  const voiceCleared = await page.request.patch(`${base(spaceId)}/${agent.id}`, { data: { voice: null } });
  expect((await voiceCleared.json()).voice).toBeNull();

  const badProvider = await page.request.post(base(spaceId), { data: { ...valid, name: "Other", llmProvider: "gpt" } });
  expect(badProvider.status()).toBe(422);
  expect((await badProvider.json()).errors).toEqual([{ path: "llmProvider", message: "Choose an LLM provider from the list." }]);
  const unknownField = await page.request.post(base(spaceId), { data: { ...valid, name: "Other", spaceId: "x" } });
  expect(unknownField.status()).toBe(400);
  const taken = await page.request.post(base(spaceId), { data: { ...valid, name: "API AGENT" } });
  expect(taken.status()).toBe(409);
  expect((await taken.json()).errors).toEqual([{ path: "name", message: "Another agent in this Space already has this name." }]);
});

test("another Space's agent is a 404; an agent in use is a 409 naming its numbers", async ({ browser }) => {
  const pageA = await (await browser.newContext()).newPage();
  const pageB = await (await browser.newContext()).newPage();
  const spaceA = await signUp(pageA, newUser("api-agents-a"));
  const spaceB = await signUp(pageB, newUser("api-agents-b"));
  const agentB = (await (await pageB.request.post(base(spaceB), { data: valid })).json()).id as string;

  for (const [method, path] of [["get", `${base(spaceA)}/${agentB}`], ["patch", `${base(spaceA)}/${agentB}`], ["delete", `${base(spaceA)}/${agentB}`], ["get", `${base(spaceB)}/${agentB}`]] as const) {
    const response = await pageA.request[method](path, method === "patch" ? { data: { name: "stolen" } } : {});
    expect(response.status(), `${method} ${path}`).toBe(404);
  }

  const accountB = await createAccountViaApi(pageB.request, spaceB);
  const n = randomNumber();
  await bindViaApi(pageB.request, spaceB, accountB, n, { inboundAgentId: agentB });
  const refused = await pageB.request.delete(`${base(spaceB)}/${agentB}`);
  expect(refused.status()).toBe(409);
  expect((await refused.json()).detail).toBe(`Api agent answers or places calls for ${n}. Assign another agent to those numbers (or remove them) first.`);
  expect((await pageB.request.get(`${base(spaceB)}/${agentB}`)).status()).toBe(200);
});
