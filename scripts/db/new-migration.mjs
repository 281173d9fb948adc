#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
// committed migrations to prisma/schema.prisma (what `prisma migrate dev --create-only` does).
//
//   DATABASE_URL=postgresql://... node scripts/db/new-migration.mjs <name>
//   (npm run db:migration:new -- <name>)
//
// DATABASE_URL is only used as a server on which to create (and drop) a temporary shadow
// database that the migrations are replayed into; the database it names is not changed.
// Refuses when there is no difference. Review the SQL, then apply it with db:migrate.

import fs from "node:fs/promises";
import path from "node:path";
import {
  openSchemaEngine,
  readMigrations,
  requireDatabaseUrl,
  printEngineLog,
  engineError,
  reportEnginePanics,
  LOCKFILE_CONTENT,
  LOCKFILE_NAME,
  MIGRATIONS_DIR,
  NO_FILTER,
  ROOT,
} from "./schema-engine.mjs";

const rawName = process.argv[2];
const name = (rawName ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_+|_+$/g, "")
  .slice(0, 200);
if (!name) {
  process.stderr.write("usage: node scripts/db/new-migration.mjs <name>   e.g. add_phone_numbers\n");
  process.exit(2);
}

reportEnginePanics();
const connectionString = requireDatabaseUrl("new-migration needs a PostgreSQL server for its temporary shadow database");
const migrationsList = await readMigrations();
const lockExists = migrationsList.lockfile.content !== null;
if (lockExists && !/provider\s*=\s*"postgresql"/.test(migrationsList.lockfile.content)) {
  process.stderr.write(`error: prisma/migrations/${LOCKFILE_NAME} names another provider than postgresql\n`);
  process.exit(1);
}
// The engine needs the lockfile to know the connector, even before the first migration.
migrationsList.lockfile.content ??= LOCKFILE_CONTENT;

const { engine, schema, close } = await openSchemaEngine({ connectionString, onLog: printEngineLog });
let diff;
try {
  diff = await engine.diff({
    from: { tag: "migrations", ...migrationsList },
    to: { tag: "schemaDatamodel", files: [schema] },
    script: true,
    exitCode: true,
    filters: NO_FILTER,
  });
} catch (err) {
  process.stderr.write(`error: could not compute the migration: ${engineError(err).message}\n`);
  process.exit(1);
} finally {
  await close();
}

// exitCode 2: the two sides differ; 0: they match.
if (diff.exitCode !== 2) {
  process.stderr.write(
    "No difference between prisma/migrations and prisma/schema.prisma: no migration created.\n" +
      "Change prisma/schema.prisma first.\n",
  );
  process.exit(1);
}

const now = new Date();
const pad = (n) => String(n).padStart(2, "0");
const timestamp =
  `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}` +
  `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
const dirName = `${timestamp}_${name}`;
const last = migrationsList.migrationDirectories.at(-1)?.path;
if (last && dirName.localeCompare(last) <= 0) {
  process.stderr.write(`error: ${dirName} would sort before the latest migration ${last}; check the clock\n`);
  process.exit(1);
}

const dir = path.join(MIGRATIONS_DIR, dirName);
await fs.mkdir(dir, { recursive: true });
await fs.writeFile(path.join(dir, "migration.sql"), diff.stdout ?? "", "utf8");
if (!lockExists) await fs.writeFile(path.join(MIGRATIONS_DIR, LOCKFILE_NAME), LOCKFILE_CONTENT, "utf8");

console.log(`Created ${path.relative(ROOT, path.join(dir, "migration.sql"))}`);
console.log("Review it, then apply it with: npm run db:migrate");
