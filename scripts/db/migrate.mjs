#!/usr/bin/env node
// Applies every committed migration in prisma/migrations that DATABASE_URL has not seen yet,
// then installs or upgrades the job queue's own schema (graphile_worker, managed by the
// library's runMigrations; Prisma's migrations never touch it).
//
//   DATABASE_URL=postgresql://... node scripts/db/migrate.mjs     (npm run db:migrate)
//
// Same bookkeeping as `prisma migrate deploy` (the _prisma_migrations table, checksums, an
// advisory lock against concurrent runs), done by the WebAssembly schema engine so it works
// offline. Idempotent: a second run applies nothing.

import { runMigrations as runQueueMigrations, Logger } from "graphile-worker";
import { openSchemaEngine, readMigrations, requireDatabaseUrl, printEngineLog, engineError, reportEnginePanics, NO_FILTER } from "./schema-engine.mjs";

reportEnginePanics();
const connectionString = requireDatabaseUrl("migrate needs the database to apply migrations to");
const started = Date.now();
const migrationsList = await readMigrations();

if (migrationsList.migrationDirectories.length === 0) {
  console.log("No migrations in prisma/migrations: nothing to apply.");
  process.exit(0);
}

const { engine, close } = await openSchemaEngine({ connectionString, onLog: printEngineLog });
try {
  const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
  const total = migrationsList.migrationDirectories.length;
  if (appliedMigrationNames.length === 0) {
    console.log(`Database is up to date (${total} migration${total === 1 ? "" : "s"}, none pending).`);
  } else {
    for (const name of appliedMigrationNames) console.log(`Applied ${name}`);
    console.log(`Applied ${appliedMigrationNames.length} of ${total} migrations in ${Date.now() - started} ms.`);
  }
} catch (err) {
  process.stderr.write(`error: migration failed: ${engineError(err).message}\n`);
  process.exitCode = 1;
} finally {
  await close();
}

if (!process.exitCode) {
  try {
    // Quiet unless something fails: the library logs every step at info level.
    const logger = new Logger(() => (level, message) => level === "error" && process.stderr.write(`${message}\n`));
    await runQueueMigrations({ connectionString, logger });
    console.log("Job queue schema (graphile_worker) is up to date.");
  } catch (err) {
    process.stderr.write(`error: job queue migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
