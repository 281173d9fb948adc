import { expect, test, type Page } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { adminPage } from "../deployment-admin";
import { choose } from "../select";

// Admin → Settings, stored in the database: invite-only sign-up (the sign-up page says so and
// refuses an uninvited email on its field), the public SIP domain and addresses shown to
// Spaces instead of the environment's, and defaults copied into new Spaces. The settings are
// put back to open at the end: every other spec signs users up.

async function saveSettings(admin: Page, values: { signUp: "Open: anyone may sign up" | "Invite-only: invited emails only"; invited?: string; domain?: string; ips?: string; minutes?: string }) {
  await admin.goto("/admin/settings");
  await choose(admin.getByLabel("Sign-up"), values.signUp);
  await admin.getByLabel("Invited emails").fill(values.invited ?? "");
  await admin.getByLabel("SIP domain").fill(values.domain ?? "");
  await admin.getByLabel("Our SIP server IPs").fill(values.ips ?? "");
  await admin.getByLabel("Monthly minutes limit").fill(values.minutes ?? "");
  await admin.getByRole("button", { name: "Save settings" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Deployment settings saved." })).toBeVisible();
}

test("invite-only sign-up, the saved SIP domain and addresses, and default limits reach new Spaces", async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await adminPage(browser);
  const invited = newUser("invited");
  const stranger = newUser("uninvited");
  try {
    await admin.goto("/admin/settings");
    await admin.getByLabel("SIP domain").fill("sip example");
    await admin.getByRole("button", { name: "Save settings" }).click();
    await expect(admin.getByText("A host name with an optional port")).toBeVisible();

    await saveSettings(admin, { signUp: "Invite-only: invited emails only", invited: invited.email.toUpperCase(), domain: "sip.admin.example.com:5070", ips: "198.51.100.7:5060", minutes: "45" });

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto("/sign-up");
    await expect(visitor.getByRole("note")).toHaveText("Sign-up on this deployment is by invitation only: use the email address you were invited with.");
    await visitor.getByLabel("Your name").fill(stranger.name);
    await visitor.getByLabel("Email").fill(stranger.email);
    await visitor.getByLabel("Password").fill(stranger.password);
    await visitor.getByLabel("Space name").fill(stranger.spaceName);
    await visitor.getByRole("button", { name: "Create account" }).click();
    await expect(visitor.getByRole("alert").filter({ hasText: "Sign-up on this deployment is by invitation only, and this email has not been invited." })).toBeVisible();
    await expect(visitor).toHaveURL(/\/sign-up$/);

    const spaceId = await signUp(visitor, invited);
    await visitor.goto(`/s/${spaceId}/settings/platform`);
    await expect(visitor.getByTestId("sip-domain")).toHaveText("sip.admin.example.com:5070");
    await expect(visitor.getByTestId("sip-ip")).toHaveText(["198.51.100.7:5060"]);
    await visitor.goto(`/s/${spaceId}/settings/usage`);
    await expect(visitor.getByTestId("usage-this-month")).toHaveText("0.0 min of 45 min allowed");
  } finally {
    await saveSettings(admin, { signUp: "Open: anyone may sign up" });
  }
  // Open again: anyone signs up, and the environment's domain is back.
  const page = await (await browser.newContext()).newPage();
  const spaceId = await signUp(page, newUser("after-open"));
  await page.goto(`/s/${spaceId}/settings/platform`);
  await expect(page.getByTestId("sip-domain")).not.toHaveText("sip.admin.example.com:5070");
});
