#!/usr/bin/env node
// `prisma generate`, offline.
//
//   node scripts/db/generate.mjs        (npm run db:generate)
//
// The Prisma CLI insists on downloading its native schema engine before any command, and
// Prisma's download server is out of reach here. The Prisma 7 client needs no native engine
// (queries are compiled in WebAssembly inside the generated client), so we point
// PRISMA_SCHEMA_ENGINE_BINARY at an existing file to satisfy the check. Migrations go through
// the WebAssembly schema engine instead (scripts/db/migrate.mjs).

import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");

const result = spawnSync(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || fileURLToPath(import.meta.url),
    PRISMA_ENGINES_CHECKSUM_IGNORE_MISSING: "1",
    // No telemetry or update checks: nothing may leave the machine.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
