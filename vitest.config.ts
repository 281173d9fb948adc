import { defineConfig } from "vitest/config";
import path from "node:path";

// Unit tier: pure code and services with fakes. Integration tests (*.int.test.ts) need the
// real stack and run from vitest.integration.config.ts instead.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // "server-only" throws outside a React Server Component bundle; tests import services directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "agent-worker/**/*.test.ts", "dispatcher/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/*.int.test.ts", "node_modules/**"],
    environment: "node",
  },
});
