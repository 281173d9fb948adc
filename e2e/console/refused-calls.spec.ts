import { randomInt } from "node:crypto";
import { expect, test } from "@playwright/test";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, randomNumber } from "../phone-numbers";

// The operator's side of a refused call: the Calls page's Status "Refused" lists it with the
// cause in plain words and a one-click fix, and the fix takes effect on the PBX's next INVITE
// (the SIP edge reads the account from the database each time).

const loopback = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

test("a call from an address outside Allowed inbound IPs shows under Refused; one click allows it and the next INVITE gets through", async ({ page }) => {
  const spaceId = await signUp(page, newUser("refused-ui"));
  const office = loopback();
  const branch = loopback();
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, {
    data: { accountName: "Office PBX", destinationCountry: "US", allowedInboundIps: [office] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const accountId = (await created.json()).id as string;
  const number = randomNumber();
  await bindViaApi(page.request, spaceId, accountId, number);

  const refused = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [number, "+15550100130"], localIp: branch, timeoutSeconds: 15 });
  expect(refused.statusLines.at(-1), refused.output).toBe("SIP/2.0 403 Forbidden");

  await page.goto(`/s/${spaceId}/calls`);
  await page.getByLabel("Status").selectOption("refused");
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByTestId("refused-call-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(number);
  await expect(row).toContainText(branch);
  await expect(row).toContainText("not in this account's Allowed inbound IPs");

  await row.getByRole("button", { name: `Add ${branch} to Allowed inbound IPs` }).click();
  await expect(row.getByRole("status")).toHaveText(`${branch} is now in Office PBX's Allowed inbound IPs.`);

  const through = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [number, "+15550100131"], localIp: branch, pauseMs: 500 });
  expect(through.exitCode, through.output).toBe(0);
  const account = (await (await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts`)).json()).items[0];
  expect(account.allowedInboundIps).toEqual([office, branch]);

  // The account page lists the same refusal under Refused calls.
  await page.goto(`/s/${spaceId}/sip-accounts/${accountId}`);
  const section = page.getByRole("region", { name: "Refused calls" });
  await expect(section.getByTestId("refused-call-row")).toHaveCount(1);
  await expect(section.getByTestId("refused-call-row")).toContainText(branch);
});
