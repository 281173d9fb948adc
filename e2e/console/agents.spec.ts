import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, createAccountViaApi, numberRow, randomNumber } from "../phone-numbers";
import { choose } from "../select";
import { toast } from "../toast";

// The Agents page: create, edit and delete agents; offline providers by default; an agent
// that numbers use cannot be deleted.

test("create an agent with the offline defaults, edit it, and refuse a taken name", async ({ page }) => {
  const spaceId = await signUp(page, newUser("agents-crud"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Agents" }).click();
  await expect(page.getByText("No agents yet")).toBeVisible();

  await page.getByRole("button", { name: "New agent" }).click();
  const form = page.getByRole("form", { name: "New agent" });
  for (const provider of ["Speech-to-text", "LLM", "Text-to-speech"]) {
    await expect(form.getByLabel(provider)).toHaveText("Offline (works on this machine, no provider needed)");
  }
  await expect(form.getByLabel("Language")).toHaveText("English (United States) (en-US)");
  await form.getByRole("button", { name: "Create agent" }).click();
  await expect(form.getByText("Enter the agent name.")).toBeVisible();
  await expect(form.getByText("Enter the greeting.")).toBeVisible();
  await expect(form.getByText("Enter the instructions.")).toBeVisible();

  await form.getByLabel("Name").fill("Support");
  await form.getByLabel("Greeting").fill("Hello, you have reached support. How can I help?");
  await form.getByLabel("Instructions").fill("You answer support calls.\nKeep answers short.");
  await form.getByRole("button", { name: "Create agent" }).click();
  await expect(toast(page, "Support was created.")).toBeVisible();
  const support = page.getByRole("article", { name: "Support" });
  await expect(support).toContainText("Hello, you have reached support. How can I help?");
  await expect(support.getByTestId("agent-providers")).toHaveText("STT Offline · LLM Offline · TTS Offline");

  await support.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("form", { name: "Edit agent" });
  await expect(edit.getByLabel("Instructions")).toHaveValue("You answer support calls.\nKeep answers short.");
  await choose(edit.getByLabel("Language"), "Russian (ru-RU)");
  await edit.getByLabel("Voice").fill("ru-female-1");
  await choose(edit.getByLabel("Speech-to-text"), "Deepgram");
  await choose(edit.getByLabel("LLM"), "OpenAI-compatible API");
  await choose(edit.getByLabel("Text-to-speech"), "ElevenLabs");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(toast(page, "Support was saved.")).toBeVisible();
  await expect(support).toContainText("Russian");
  await expect(support).toContainText("ru-female-1");
  await expect(support.getByTestId("agent-providers")).toHaveText("STT Deepgram · LLM OpenAI-compatible API · TTS ElevenLabs");

  // Names are unique per Space whatever their case.
  await page.getByRole("button", { name: "New agent" }).click();
  await form.getByLabel("Name").fill("SUPPORT");
  await form.getByLabel("Greeting").fill("Hi.");
  await form.getByLabel("Instructions").fill("Be nice.");
  await form.getByRole("button", { name: "Create agent" }).click();
  await expect(form.getByText("Another agent in this Space already has this name.")).toBeVisible();

  const api = await page.request.get(`/api/v1/spaces/${spaceId}/agents`);
  expect((await api.json()).items).toEqual([expect.objectContaining({ name: "Support", language: "ru-RU", voice: "ru-female-1", sttProvider: "deepgram", llmProvider: "openai-compatible", ttsProvider: "elevenlabs" })]);
});

test("deleting an agent that a number uses is refused, naming the number; once unassigned it can go", async ({ page }) => {
  const spaceId = await signUp(page, newUser("agents-del"));
  const accountId = await createAccountViaApi(page.request, spaceId);
  await page.goto(`/s/${spaceId}/agents`);
  await page.getByRole("button", { name: "New agent" }).click();
  await page.getByLabel("Name").fill("Receptionist");
  await page.getByLabel("Greeting").fill("Good morning.");
  await page.getByLabel("Instructions").fill("Route callers politely.");
  await page.getByRole("button", { name: "Create agent" }).click();
  await expect(toast(page, "Receptionist was created.")).toBeVisible();
  const agentId = ((await (await page.request.get(`/api/v1/spaces/${spaceId}/agents`)).json()).items[0].id) as string;
  const n = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, n, { outboundAgentId: agentId });

  const receptionist = page.getByRole("article", { name: "Receptionist" });
  await receptionist.getByRole("button", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete Receptionist?" });
  await confirm.getByRole("button", { name: "Delete agent" }).click();
  await expect(confirm.getByRole("alert")).toHaveText(`Receptionist answers or places calls for ${n}. Assign another agent to those numbers (or remove them) first.`);
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(receptionist).toBeVisible();

  // Unassign on the number's card, then delete.
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await numberRow(page, n).getByRole("button", { name: n }).click();
  const drawer = page.getByRole("dialog", { name: n });
  await expect(drawer.getByLabel("Outbound agent")).toHaveText("Receptionist");
  await choose(drawer.getByLabel("Outbound agent"), "No agent");
  await drawer.getByRole("button", { name: "Save" }).click();
  await expect(drawer.getByRole("status")).toHaveText("Saved.");

  await page.goto(`/s/${spaceId}/agents`);
  await page.getByRole("article", { name: "Receptionist" }).getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog", { name: "Delete Receptionist?" }).getByRole("button", { name: "Delete agent" }).click();
  await expect(toast(page, "Receptionist was deleted.")).toBeVisible();
  await expect(page.getByText("No agents yet")).toBeVisible();
});
