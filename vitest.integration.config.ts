import { defineConfig } from "vitest/config";
import path from "node:path";

// Integration tier: runs against the real PostgreSQL and the LiveKit stack started by
// scripts/test.sh (which exports the stack's ports and keys into the environment).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") } },
  test: {
    include: ["**/*.int.test.ts"],
    exclude: ["node_modules/**", ".stack/**"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // The deployment's outbound caps per Space, out of the way of the load tests (as
    // scripts/test/run-suite.sh sets them); the dispatchers the tests start inherit them.
    env: {
      OUTBOUND_CALLS_PER_MINUTE: process.env.OUTBOUND_CALLS_PER_MINUTE ?? "1000000",
      OUTBOUND_CONCURRENT_CALLS: process.env.OUTBOUND_CONCURRENT_CALLS ?? "1000000",
      OUTBOUND_CALLS_PER_DAY: process.env.OUTBOUND_CALLS_PER_DAY ?? "1000000",
    },
  },
});
