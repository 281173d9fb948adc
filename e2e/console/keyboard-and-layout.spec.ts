import { expect, test } from "@playwright/test";
import { newUser, signUp } from "../fixtures";
import { noHorizontalScroll, tabTo } from "../layout";
import { bindViaApi, createAccountViaApi, randomNumber } from "../phone-numbers";
import { card } from "../sip-account-form";

// The console by keyboard alone (menu, drawer, form, discard guard, focus return) and on a
// 390 px phone screen (no sideways scroll, sidebar behind a menu button).

test("keyboard only: Import number menu, account form, discard guard, focus back on the opener", async ({ page }) => {
  const spaceId = await signUp(page, newUser("keyboard"));
  await page.goto(`/s/${spaceId}/phone-numbers`);

  const importButton = page.getByRole("button", { name: "Import number" });
  await tabTo(page, importButton);
  await page.keyboard.press("Enter");
  const item = page.getByRole("menuitem", { name: "From Custom SIP" });
  await expect(item).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await expect(item).toBeFocused();
  await page.keyboard.press("Enter");

  const drawer = page.getByRole("dialog", { name: "Import number from Custom SIP" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("heading", { name: "Import number from Custom SIP" })).toBeFocused();

  // A new view keeps focus in the drawer (its title), never on the page body.
  await tabTo(page, drawer.getByRole("button", { name: "Add Custom SIP account" }));
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "Add Custom SIP account" });
  await expect(form.getByRole("heading", { name: "Add Custom SIP account" })).toBeFocused();

  await tabTo(page, form.getByLabel("Account name"));
  await page.keyboard.type("Keyboard PBX");
  // The transport select: arrows open it and move, Escape closes only the list, Enter picks.
  const transport = form.getByLabel("SIP transport");
  await tabTo(page, transport);
  await page.keyboard.press("ArrowDown");
  const transports = page.getByRole("listbox");
  await expect(transports.getByRole("option", { name: "Auto" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(transports).toHaveCount(0);
  await expect(form).toBeVisible();
  await expect(transport).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(transports.getByRole("option", { name: "Auto" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(transports.getByRole("option", { name: "UDP" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(transport).toHaveText("UDP");
  await expect(transport).toBeFocused();
  const country = form.getByLabel("Destination country");
  await tabTo(page, country);
  await page.keyboard.type("AUT");
  const countries = form.getByRole("listbox", { name: "Countries" });
  await expect(countries.getByRole("option").first()).toHaveAccessibleName(/Austria/);
  await expect(countries.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(countries.getByRole("option", { name: /Australia/ })).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(country).toHaveValue("AT");
  await expect(form.getByText("Austria (AT)")).toBeVisible();

  // Escape on a changed form asks first; keeping the edits returns to where focus was.
  await page.keyboard.press("Escape");
  const discard = page.getByRole("alertdialog", { name: "Discard changes?" });
  await expect(discard).toBeVisible();
  await expect(discard.getByRole("button", { name: "Keep editing" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(discard).toHaveCount(0);
  await expect(country).toBeFocused();
  await expect(form.getByLabel("Account name")).toHaveValue("Keyboard PBX");

  await tabTo(page, form.getByLabel("Allowed inbound IPs"));
  await page.keyboard.type("127.0.0.1");
  await page.keyboard.press("Enter"); // submits the form
  await expect(drawer.getByText("Keyboard PBX was created.")).toBeVisible();
  await expect(drawer.getByRole("heading", { name: "Import number from Custom SIP" })).toBeFocused();
  const created = await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts`);
  expect(((await created.json()) as { items: unknown[] }).items).toEqual([expect.objectContaining({ accountName: "Keyboard PBX", destinationCountry: "AT", sipTransport: "udp" })]);

  // Unchanged list view: Escape closes at once and focus goes back to Import number.
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(importButton).toBeFocused();

  // Discarding for real: nothing is saved and focus still comes back to the opener.
  await page.keyboard.press("ArrowDown");
  await expect(item).toBeFocused();
  await page.keyboard.press("Enter");
  await tabTo(page, drawer.getByRole("button", { name: "Add Custom SIP account" }));
  await page.keyboard.press("Enter");
  await tabTo(page, form.getByLabel("Account name"));
  await page.keyboard.type("Never saved");
  await page.keyboard.press("Escape");
  await tabTo(page, discard.getByRole("button", { name: "Discard changes" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(importButton).toBeFocused();
  const after = await page.request.get(`/api/v1/spaces/${spaceId}/sip-accounts`);
  expect(((await after.json()) as { items: unknown[] }).items).toHaveLength(1);
});

test("country combobox: AUT and Austria find Austria, and AUT is never cut to AU", async ({ page }) => {
  const spaceId = await signUp(page, newUser("country"));
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await page.getByRole("button", { name: "Import number" }).click();
  await page.getByRole("menuitem", { name: "From Custom SIP" }).click();
  await page.getByRole("button", { name: "Add Custom SIP account" }).click();
  const country = page.getByLabel("Destination country");
  await expect(country).toHaveAttribute("role", "combobox");
  const countries = page.getByRole("listbox", { name: "Countries" });

  // By name, picked with the arrows and Enter.
  await country.fill("Austria");
  await expect(country).toHaveAttribute("aria-expanded", "true");
  await expect(countries.getByRole("option")).toHaveCount(1);
  await country.press("ArrowDown");
  await country.press("Enter");
  await expect(country).toHaveValue("AT");
  await expect(country).toHaveAttribute("aria-expanded", "false");

  // By alpha-3, picked with the mouse.
  await country.fill("aut");
  await countries.getByRole("option", { name: /Austria/ }).click();
  await expect(country).toHaveValue("AT");

  // Typed and left without picking: kept as typed, and the error names the right code.
  await country.fill("AUT");
  await page.keyboard.press("Escape"); // closes the list only
  await expect(country).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("dialog", { name: "Add Custom SIP account" })).toBeVisible();
  await page.getByLabel("Allowed inbound IPs").focus();
  await expect(country).toHaveValue("AUT");
  await expect(page.getByText("AUT is the three-letter code of Austria: enter the two-letter code AT.")).toBeVisible();
  await expect(country).toHaveAttribute("aria-invalid", "true");
  // The error is tied to the input, as the help is.
  await expect(country).toHaveAccessibleDescription(/three-letter code of Austria/);
  await expect(page.getByLabel("Account name")).toHaveAccessibleDescription("Any human-readable name.");
});

test("at 390 px: no sideways scroll, sidebar behind a menu button, long values ellipsised", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const spaceId = await signUp(page, newUser("narrow"));
  const longName = `A very long PBX account name that goes on ${"and on ".repeat(8)}`.trim();
  const accountId = await createAccountViaApi(page.request, spaceId, longName);
  await bindViaApi(page.request, spaceId, accountId, randomNumber(), { label: `Label ${"x".repeat(80)}` });

  for (const path of ["phone-numbers", "agents", "calls", "batches", "settings/platform", "settings/members", "settings/api-keys", "settings/api-reference", "settings/usage"]) {
    await page.goto(`/s/${spaceId}/${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await noHorizontalScroll(page);
  }

  await page.goto(`/s/${spaceId}/phone-numbers`);
  const importBox = await page.getByRole("button", { name: "Import number" }).boundingBox();
  expect(importBox!.x).toBeGreaterThanOrEqual(0);
  expect(importBox!.x + importBox!.width).toBeLessThanOrEqual(390);
  const accountName = page.getByRole("cell", { name: longName }).getByTitle(longName);
  await expect(accountName).toHaveCSS("text-overflow", "ellipsis");
  expect(await accountName.evaluate((el) => el.scrollWidth > el.clientWidth), "the long name is cut").toBe(true);

  // The sidebar opens from the menu button, and following a link closes it.
  const menu = page.getByRole("button", { name: "Open navigation" });
  await menu.click();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeVisible();
  await nav.getByRole("link", { name: "Agents" }).click();
  await expect(page).toHaveURL(/\/agents$/);
  await expect(nav).toBeHidden();

  // The drawer fits the screen too.
  await page.goto(`/s/${spaceId}/phone-numbers`);
  await page.getByRole("button", { name: "Import number" }).click();
  await page.getByRole("menuitem", { name: "From Custom SIP" }).click();
  await expect(card(page, longName)).toBeVisible();
  await noHorizontalScroll(page);
  const overflow = await page.getByRole("dialog").evaluate((el) => [...el.querySelectorAll("*")].filter((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5 && c.checkVisibility()).map((c) => c.outerHTML.slice(0, 120)));
  expect(overflow, "elements past the right edge of the drawer").toEqual([]);
});

test("empty pages offer the next step", async ({ page }) => {
  const spaceId = await signUp(page, newUser("empty"));
  await page.goto(`/s/${spaceId}/phone-numbers`);
  const importLink = page.getByRole("link", { name: "Import from Custom SIP" });
  await importLink.click();
  const drawer = page.getByRole("dialog", { name: "Import number from Custom SIP" });
  await expect(drawer).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(drawer).toHaveCount(0);
  await expect(page).toHaveURL(/\/phone-numbers$/);

  await page.goto(`/s/${spaceId}/agents`);
  await page.getByRole("button", { name: "Create your first agent" }).click();
  await expect(page.getByRole("dialog", { name: "New agent" })).toBeVisible();

  await page.goto(`/s/${spaceId}/batches`);
  await expect(page.getByRole("link", { name: "Start a batch" })).toHaveAttribute("href", `/s/${spaceId}/batches/new`);
  await page.goto(`/s/${spaceId}/calls`);
  await expect(page.getByRole("link", { name: "Go to Phone Numbers" })).toHaveAttribute("href", `/s/${spaceId}/phone-numbers`);
});
