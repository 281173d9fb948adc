import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { createKey, keyClient } from "../api-access";
import { newUser, signUp } from "../fixtures";
import { choose } from "../select";

// Settings → API keys and Settings → API reference in the browser.

test("create a key in Settings: the secret is shown once with a copy button, works, and is revoked from the list", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const spaceId = await signUp(page, newUser("console-keys"));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("tab", { name: "API keys" }).click();
  await expect(page).toHaveURL(new RegExp(`/s/${spaceId}/settings/api-keys$`));
  await expect(page.getByText("No API keys yet.")).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByText("Give the key a name, e.g. the system that will use it.")).toBeVisible();
  await page.getByLabel("Key name").fill("CRM sync");
  await choose(page.getByLabel("Role"), "Admin");
  await page.getByRole("button", { name: "Create key" }).click();

  const secretBox = page.getByTestId("new-api-key-secret");
  await expect(secretBox).toHaveText(/^sb_live_[A-Za-z0-9_-]{43}$/);
  const secret = (await secretBox.textContent())!;
  await expect(page.getByText("Copy it now: it will not be shown again.")).toBeVisible();
  await page.getByRole("button", { name: "Copy API key" }).click();
  await expect(page.getByRole("button", { name: "Copy API key" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  const row = page.getByTestId("api-key-row").filter({ hasText: "CRM sync" });
  await expect(row).toContainText(`${secret.slice(0, 16)}…`);
  await expect(row).toContainText("Admin");
  await expect(row).toContainText("Never");

  const client = await keyClient(secret);
  expect((await client.get(`/api/v1/spaces/${spaceId}/agents`)).status()).toBe(200);

  await page.getByRole("button", { name: "Done" }).click();
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(await page.content()).not.toContain(secret.slice(16));
  await expect(row).not.toContainText("Never");

  await row.getByRole("button", { name: "Revoke CRM sync" }).click();
  await page.getByRole("alertdialog", { name: "Revoke this API key?" }).getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No API keys yet.")).toBeVisible();
  expect((await client.get(`/api/v1/spaces/${spaceId}/agents`)).status()).toBe(401);
});

test("Settings → API reference: contents, a page per resource with every operation and its fields, and nothing loaded from elsewhere", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const outside: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!) && !r.url().startsWith("data:")) outside.push(r.url());
  });
  const spaceId = await signUp(page, newUser("console-apiref"));
  await page.goto(`/s/${spaceId}/settings/api-reference`);
  await expect(page.getByRole("tab", { name: "API reference" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
  const doc = (await (await page.request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { tags: string[] }>> };
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) byTag.set(op.tags[0]!, [...(byTag.get(op.tags[0]!) ?? []), `${method.toUpperCase()} ${path}`]);
  }
  const contents = page.getByRole("navigation", { name: "Contents" });
  for (const tag of byTag.keys()) await expect(contents.getByRole("link", { name: tag, exact: true })).toBeVisible();

  for (const [tag, regions] of byTag) {
    await page.goto(`/s/${spaceId}/settings/api-reference`);
    await contents.getByRole("link", { name: tag, exact: true }).click();
    await expect(page.getByRole("navigation", { name: `${tag} operations` })).toBeVisible();
    for (const name of regions) {
      const region = page.getByRole("region", { name, exact: true });
      await expect(region).toBeVisible();
      await expect(region.getByRole("button", { name: /^Copy curl example of / })).toBeVisible();
    }
  }
  await page.goto(`/s/${spaceId}/settings/api-reference/sip-accounts`);
  const create = page.getByRole("region", { name: "POST /spaces/{spaceId}/sip-accounts", exact: true });
  await expect(create.getByRole("table", { name: "Request body of createSipAccount" })).toContainText("outboundPassword");
  await expect(create.getByRole("table", { name: "Request body of createSipAccount" })).toContainText("write-only");
  await expect(create).toContainText("Idempotency-Key (header)");
  await expect(create.getByLabel("curl example of createSipAccount", { exact: true })).toContainText(`/api/v1/spaces/${spaceId}/sip-accounts`);
  expect(outside).toEqual([]);
});

test("the reference's curl examples run as they are: create an agent, then list it", async ({ page, baseURL }) => {
  const spaceId = await signUp(page, newUser("console-apiref-curl"));
  const { secret } = await createKey(page.request, spaceId, "ADMIN");
  await page.goto(`/s/${spaceId}/settings/api-reference/agents`);
  const run = async (operationId: string) => {
    const line = await page.getByLabel(`curl example of ${operationId}`, { exact: true }).textContent();
    // The example exactly as shown, with the status code printed after the body.
    const result = spawnSync("bash", ["-c", `${line} -sS -w '\\n%{http_code}'`], { encoding: "utf8", timeout: 20_000, env: { ...process.env, SWITCHBOARD_URL: baseURL!, SWITCHBOARD_API_KEY: secret } });
    const lines = result.stdout.trimEnd().split("\n");
    return { status: Number(lines.pop()), body: lines.join("\n"), stderr: result.stderr };
  };
  const created = await run("createAgent");
  expect(created.status, created.body + created.stderr).toBe(201);
  const name = (JSON.parse(created.body) as { name: string }).name;
  const listed = await run("listAgents");
  expect(listed.status, listed.stderr).toBe(200);
  expect((JSON.parse(listed.body) as { items: { name: string }[] }).items.map((a) => a.name)).toContain(name);
});
