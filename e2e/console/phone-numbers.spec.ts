import { expect, test, type Page } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { dispatchRulesOf, startLiveKitServer, stopLiveKitServer, trunksOf } from "../livekit";
import { bindViaApi, createAccountViaApi, createAgentViaApi, numberRow, randomNumber, spaced } from "../phone-numbers";
import { card, openCustomSipDrawer } from "../sip-account-form";
import { choose } from "../select";
import { toast } from "../toast";

// Binding numbers through the drawer and managing them from the list, checked after each
// step against what the real LiveKit holds, through its own list API.

const parking = (accountId: string) => `switchboard-unbound-${accountId}`;

async function bindThroughDrawer(page: Page, account: string, number: string, label = "") {
  await card(page, account).getByRole("button", { name: "Bind a number" }).click();
  const form = page.getByRole("form", { name: "Bind a number" });
  await expect(form.getByLabel("SIP account")).toHaveText(account);
  await form.getByLabel("Phone number").fill(number);
  await form.getByLabel("Label (optional)").fill(label);
  await form.getByRole("button", { name: "Connect" }).click();
}

function agentMetadata(rule: { roomConfig?: { agents: { agentName: string; metadata: string }[] } }) {
  const [agent] = rule.roomConfig?.agents ?? [];
  return { agentName: agent?.agentName, ...(JSON.parse(agent?.metadata ?? "{}") as Record<string, unknown>) };
}

async function closeDrawer(page: Page) {
  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();
}

test("bind and unbind through the console: trunk numbers and dispatch rules follow in LiveKit", async ({ page }) => {
  const spaceId = await signUp(page, newUser("pn-bind"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Mango Office");
  const before = await trunksOf(accountId);
  expect(before.inbound[0]!.numbers).toEqual([parking(accountId)]);
  const inboundId = before.inbound[0]!.sipTrunkId;
  const outboundId = before.outbound[0]!.sipTrunkId;
  const [n1, n2] = [randomNumber(), randomNumber()].sort() as [string, string];

  await openCustomSipDrawer(page, spaceId);
  // Refused in the form, with the reason on the number field.
  for (const [typed, reason] of [["+1-800-FLOWERS", /letters/], [`${n1} x12`, /extension/], ["+1 415 555 267", /not a valid number/]] as const) {
    await card(page, "Mango Office").getByRole("button", { name: "Bind a number" }).click();
    await page.getByLabel("Phone number").fill(typed);
    await page.getByRole("button", { name: "Connect" }).click();
    await expect(page.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("form", { name: "Bind a number" }).getByRole("alert")).toHaveText(reason);
    await page.getByRole("button", { name: "Cancel" }).click();
  }
  expect(await dispatchRulesOf(accountId)).toEqual([]);

  // First number, typed with spaces and brackets: stored and sent to LiveKit as E.164.
  await bindThroughDrawer(page, "Mango Office", spaced(n1), "Support line");
  await expect(page.getByText(`${n1} is connected to Mango Office.`)).toBeVisible();
  let lk = await trunksOf(accountId);
  expect(lk.inbound.map((t) => [t.sipTrunkId, t.numbers])).toEqual([[inboundId, [n1]]]);
  expect(lk.outbound.map((t) => [t.sipTrunkId, t.numbers])).toEqual([[outboundId, [n1]]]);
  let rules = await dispatchRulesOf(accountId);
  expect(rules).toHaveLength(1);
  const rule1 = rules[0]!;
  expect(rule1.trunkIds).toEqual([inboundId]);
  expect(rule1.numbers).toEqual([n1]);
  expect(rule1.rule?.rule.case).toBe("dispatchRuleIndividual");
  expect(rule1.rule?.rule.value).toMatchObject({ roomPrefix: "call", pin: "" });
  expect(agentMetadata(rule1)).toMatchObject({ agentName: "switchboard-agent", number: n1, inboundAgentId: null, accountId, spaceId });
  expect(JSON.parse(rule1.metadata)).toMatchObject({ managedBy: "switchboard/v1", role: "dispatch-rule", number: n1, accountId, spaceId });

  // Second number joins the same trunks in place and gets its own rule.
  await bindThroughDrawer(page, "Mango Office", n2);
  await expect(page.getByText(`${n2} is connected to Mango Office.`)).toBeVisible();
  lk = await trunksOf(accountId);
  expect(lk.inbound.map((t) => [t.sipTrunkId, [...t.numbers].sort()])).toEqual([[inboundId, [n1, n2]]]);
  expect(lk.outbound.map((t) => [t.sipTrunkId, [...t.numbers].sort()])).toEqual([[outboundId, [n1, n2]]]);
  rules = await dispatchRulesOf(accountId);
  expect(rules.map((r) => r.numbers[0]).sort()).toEqual([n1, n2]);
  const rule2Id = rules.find((r) => r.numbers[0] === n2)!.sipDispatchRuleId;

  // The same number again is refused on its field.
  await bindThroughDrawer(page, "Mango Office", n1);
  await expect(page.getByText("This number is already bound to another Custom SIP account (possibly in another Space).", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();
  await closeDrawer(page);

  // The list: number, label, account, inbound agent, status.
  await expect(numberRow(page, n1)).toContainText("Support line");
  await expect(numberRow(page, n1)).toContainText("Mango Office");
  await expect(numberRow(page, n1)).toContainText("No agent");
  await expect(numberRow(page, n1)).toContainText("Provisioned");
  await expect(page.getByTestId("numbers-range")).toHaveText("1–2 of 2");

  // Unbind the first: it leaves both trunks and its rule goes; the other rule is untouched.
  await numberRow(page, n1).getByRole("button", { name: n1 }).click();
  await page.getByRole("dialog", { name: n1 }).getByRole("button", { name: "Remove number" }).click();
  await page.getByRole("alertdialog", { name: `Remove ${n1}?` }).getByRole("button", { name: "Remove number" }).click();
  await expect(toast(page, `${n1} was removed.`)).toBeVisible();
  await expect(numberRow(page, n1)).toHaveCount(0);
  lk = await trunksOf(accountId);
  expect(lk.inbound.map((t) => [t.sipTrunkId, t.numbers])).toEqual([[inboundId, [n2]]]);
  expect(lk.outbound.map((t) => [t.sipTrunkId, t.numbers])).toEqual([[outboundId, [n2]]]);
  expect((await dispatchRulesOf(accountId)).map((r) => r.sipDispatchRuleId)).toEqual([rule2Id]);

  // Unbind the last: the trunks are parked again (same ids) and no rule is left.
  await numberRow(page, n2).getByRole("button", { name: n2 }).click();
  await page.getByRole("dialog", { name: n2 }).getByRole("button", { name: "Remove number" }).click();
  await page.getByRole("alertdialog", { name: `Remove ${n2}?` }).getByRole("button", { name: "Remove number" }).click();
  await expect(page.getByText("No phone numbers yet")).toBeVisible();
  lk = await trunksOf(accountId);
  expect(lk.inbound.map((t) => [t.sipTrunkId, t.numbers])).toEqual([[inboundId, [parking(accountId)]]]);
  expect(lk.outbound.map((t) => [t.sipTrunkId, t.numbers])).toEqual([[outboundId, [parking(accountId)]]]);
  expect(await dispatchRulesOf(accountId)).toEqual([]);
});

test("assigning agents on the number's card updates its dispatch rule in place", async ({ page }) => {
  const spaceId = await signUp(page, newUser("pn-agents"));
  const accountId = await createAccountViaApi(page.request, spaceId);
  const agentA = await createAgentViaApi(page.request, spaceId, "Agent A");
  const agentB = await createAgentViaApi(page.request, spaceId, "Agent B");
  const n = randomNumber();
  const bound = await bindViaApi(page.request, spaceId, accountId, n);
  const [rule] = await dispatchRulesOf(accountId);
  expect(rule!.sipDispatchRuleId).toBe(bound.dispatchRuleId);
  const ruleId = rule!.sipDispatchRuleId;

  const assign = async (field: "Inbound agent" | "Outbound agent", agent: string) => {
    await numberRow(page, n).getByRole("button", { name: n }).click();
    const drawer = page.getByRole("dialog", { name: n });
    await choose(drawer.getByLabel(field), agent);
    await drawer.getByRole("button", { name: "Save" }).click();
    await expect(drawer.getByRole("status")).toHaveText("Saved.");
    await closeDrawer(page);
  };
  const onlyRule = async () => {
    const rules = await dispatchRulesOf(accountId);
    expect(rules.map((r) => r.sipDispatchRuleId)).toEqual([ruleId]);
    return agentMetadata(rules[0]!);
  };

  await page.goto(`/s/${spaceId}/phone-numbers`);
  await assign("Inbound agent", "Agent A");
  await expect(numberRow(page, n)).toContainText("Agent A");
  expect(await onlyRule()).toMatchObject({ number: n, inboundAgentId: agentA, agentName: "switchboard-agent" });

  await assign("Inbound agent", "Agent B");
  await expect(numberRow(page, n)).toContainText("Agent B");
  expect(await onlyRule()).toMatchObject({ inboundAgentId: agentB });

  // The outbound agent and the label live in the console only: the rule does not change.
  await assign("Outbound agent", "Agent A");
  expect(await onlyRule()).toMatchObject({ inboundAgentId: agentB });

  await assign("Inbound agent", "No agent");
  await expect(numberRow(page, n)).toContainText("No agent");
  expect(await onlyRule()).toMatchObject({ inboundAgentId: null });
});

test("LiveKit down: a bind is saved as Not provisioned and an unbind is refused; the bind is provisioned by itself once LiveKit is back", async ({ page }) => {
  test.setTimeout(120_000);
  const spaceId = await signUp(page, newUser("pn-down"));
  const accountId = await createAccountViaApi(page.request, spaceId, "Offline PBX");
  const [kept, offline] = [randomNumber(), randomNumber()];
  await bindViaApi(page.request, spaceId, accountId, kept);
  await openCustomSipDrawer(page, spaceId);

  stopLiveKitServer();
  try {
    await bindThroughDrawer(page, "Offline PBX", offline);
    await expect(page.getByRole("alert").filter({ hasText: "Saved, but the number is not provisioned in LiveKit yet" })).toContainText("LiveKit could not be reached");
    await closeDrawer(page);
    await expect(numberRow(page, offline)).toContainText("Not provisioned");

    await numberRow(page, kept).getByRole("button", { name: kept }).click();
    await page.getByRole("dialog", { name: kept }).getByRole("button", { name: "Remove number" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Remove ${kept}?` });
    await confirm.getByRole("button", { name: "Remove number" }).click();
    await expect(confirm.getByRole("alert")).toHaveText(`LiveKit could not be reached, so ${kept} was not removed and stays bound. Try again once LiveKit is back.`);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await closeDrawer(page);
  } finally {
    startLiveKitServer();
  }
  await expect(numberRow(page, kept)).toHaveCount(1);

  // No click: the dispatcher provisions the number's rule by itself once LiveKit answers.
  await expect.poll(async () => (await dispatchRulesOf(accountId)).map((r) => r.numbers[0]).sort(), { timeout: 60_000, intervals: [500] }).toEqual([kept, offline].sort());
  await expect.poll(async () => { await page.reload(); return numberRow(page, offline).textContent(); }, { timeout: 30_000 }).not.toContain("Not provisioned");
  await expect(numberRow(page, offline)).toContainText("Provisioned");
  const lk = await trunksOf(accountId);
  expect([...lk.inbound[0]!.numbers].sort()).toEqual([kept, offline].sort());
  expect((await dispatchRulesOf(accountId)).map((r) => r.numbers[0]).sort()).toEqual([kept, offline].sort());
});

test("the list searches by digits or label and pages through numbers on the server", async ({ page }) => {
  test.setTimeout(120_000);
  const spaceId = await signUp(page, newUser("pn-list"));
  const accountId = await createAccountViaApi(page.request, spaceId);
  const numbers = Array.from({ length: 28 }, () => randomNumber()).filter((n, i, all) => all.indexOf(n) === i).sort();
  for (const [i, n] of numbers.entries()) await bindViaApi(page.request, spaceId, accountId, n, i === 3 ? { label: "Front desk" } : {});

  await page.goto(`/s/${spaceId}/phone-numbers`);
  await expect(page.getByTestId("numbers-range")).toHaveText(`1–25 of ${numbers.length}`);
  await expect(page.getByTestId("phone-number-row")).toHaveCount(25);
  await expect(page.getByTestId("phone-number-row").first()).toHaveAccessibleName(numbers[0]!);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("numbers-range")).toHaveText(`26–${numbers.length} of ${numbers.length}`);
  await expect(page.getByTestId("phone-number-row").first()).toHaveAccessibleName(numbers[25]!);
  await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page.getByTestId("phone-number-row").first()).toHaveAccessibleName(numbers[0]!);

  // Digits, typed any way, find the number; anything else searches labels.
  const target = numbers[17]!;
  await page.getByLabel("Search numbers").fill(spaced(target).slice(-8));
  await expect(page.getByTestId("phone-number-row")).toHaveCount(1);
  await expect(numberRow(page, target)).toHaveCount(1);
  await page.getByLabel("Search numbers").fill("front DESK");
  await expect(page.getByTestId("phone-number-row")).toHaveCount(1);
  await expect(numberRow(page, numbers[3]!)).toContainText("Front desk");
  await page.getByLabel("Search numbers").fill("no such label");
  await expect(page.getByTestId("numbers-range")).toHaveText("No numbers match.");
});
