import { randomInt } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { runSipp, stackSipPort } from "../../scripts/stack/sipp";
import { newUser, signUp } from "../fixtures";
import { bindViaApi, randomNumber } from "../phone-numbers";

// The Route tester's verdicts against what real INVITEs from sipp get through the SIP edge,
// for the same facts: answered (reached LiveKit), 404, 403.

const loopback = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

/** A fresh tester page per case, so the verdict read is this case's, not the previous one. */
async function verdict(page: Page, spaceId: string, calledNumber: string, sourceAddress: string): Promise<string> {
  await page.goto(`/s/${spaceId}/calls/route-tester`);
  await page.getByLabel("Called number").fill(calledNumber);
  await page.getByLabel("Source address").fill(sourceAddress);
  await page.getByRole("button", { name: "Test route" }).click();
  const text = page.getByTestId("route-verdict");
  await expect(text).toContainText(/^(Answered|Refused)/);
  return (await text.textContent()) ?? "";
}

test("the Route tester's verdicts match what real INVITEs get", async ({ page }) => {
  const spaceId = await signUp(page, newUser("route-tester"));
  const pbx = loopback();
  const stranger = loopback();
  const created = await page.request.post(`/api/v1/spaces/${spaceId}/sip-accounts`, { data: { accountName: "Tested PBX", destinationCountry: "US", allowedInboundIps: [pbx] } });
  expect(created.status(), await created.text()).toBe(201);
  const number = randomNumber();
  await bindViaApi(page.request, spaceId, (await created.json()).id, number);
  const unbound = randomNumber();

  await page.goto(`/s/${spaceId}/calls`);
  await page.getByRole("link", { name: "Route tester" }).click();
  await expect(page.getByRole("heading", { name: "Route tester" })).toBeVisible();

  const cases = [
    { called: number, from: pbx, expected: /^Answered: Tested PBX takes it for \+1\d+, and the built-in default agent answers\.$/, sip: "reached" },
    { called: number.slice(1), from: pbx, expected: /^Answered:/, sip: "reached" },
    { called: unbound, from: pbx, expected: /^Refused: your PBX is answered 404\.$/, sip: "SIP/2.0 404 Not Found" },
    { called: number, from: stranger, expected: /^Refused: your PBX is answered 403\.$/, sip: "SIP/2.0 403 Forbidden" },
  ];
  for (const c of cases) {
    expect(await verdict(page, spaceId, c.called, c.from), `${c.called} from ${c.from}`).toMatch(c.expected);
    if (c.sip === "reached") {
      const call = await runSipp({ scenario: "invite-cancel.xml", targetPort: stackSipPort(), fields: [c.called, "+15550100140"], localIp: c.from, pauseMs: 300 });
      expect(call.exitCode, `${c.called}: ${call.output}`).toBe(0);
    } else {
      const call = await runSipp({ scenario: "invite-refused.xml", targetPort: stackSipPort(), fields: [c.called, "+15550100140"], localIp: c.from, timeoutSeconds: 15 });
      expect(call.statusLines.at(-1), call.output).toBe(c.sip);
    }
  }
  // The tester records nothing: the two refusals above are the real INVITEs'.
  const refused = (await (await page.request.get(`/api/v1/spaces/${spaceId}/refused-calls`)).json()).items;
  expect(refused).toHaveLength(2);
});
