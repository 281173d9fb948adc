import { defineConfig } from "@playwright/test";

// The app and the whole stack are started by scripts/test.sh, which exports E2E_BASE_URL.
// Debian's Chromium is used because Playwright's own browser download cannot work offline.
const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/assert-local-database.ts",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    browserName: "chromium",
    // API tests sign up through the real form once, then use page.request with that session.
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Without the background-networking flags Chromium tries to reach Google's hosts.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    { name: "console", testDir: "e2e/console" },
    // Attacks from the outside: browser tricks, oversized bodies, password guessing.
    { name: "security", testDir: "e2e/security" },
  ],
});
