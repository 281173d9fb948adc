#!/usr/bin/env node
// Applies every committed migration in prisma/migrations that DATABASE_URL has not seen yet.
//
//   DATABASE_URL=postgresql://... node scripts/db/migrate.mjs     (npm run db:migrate)
//
// Same bookkeeping as `prisma migrate deploy` (the _prisma_migrations table, checksums, an
// advisory lock against concurrent runs), done by the WebAssembly schema engine so it works
// offline. Idempotent: a second run applies nothing.

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
