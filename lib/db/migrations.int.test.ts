import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NO_FILTER, openSchemaEngine, readMigrations, readSchema } from "@/scripts/db/schema-engine.mjs";
import { createDbClient, type DbClient } from "./create-client";
import { isUniqueViolation } from "./errors";

// Runs the committed migrations into a throwaway database on the DATABASE_URL server and
// checks the result against prisma/schema.prisma, then exercises the constraints through
// the real client. DATABASE_URL itself is only used to create and drop that database.

const serverUrl = process.env.DATABASE_URL;
const dbName = `switchboard_migtest_${randomBytes(4).toString("hex")}`;
let testUrl: string;
let admin: pg.Client;
let db: DbClient | undefined;

beforeAll(async () => {
  if (!serverUrl) throw new Error("DATABASE_URL must name a PostgreSQL server where this user may CREATE DATABASE");
  admin = new pg.Client({ connectionString: serverUrl });
  admin.on("error", () => {});
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  testUrl = url.toString();
});

afterAll(async () => {
  await db?.$disconnect();
  if (!admin) return;
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  // The engine's shadow databases must not outlive it either.
  const { rows } = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
  await admin.end();
  expect(rows).toEqual([]);
});

describe("committed migrations", () => {
  it("apply to a fresh database and produce exactly prisma/schema.prisma", async () => {
    const migrationsList = await readMigrations();
    expect(migrationsList.migrationDirectories.length).toBeGreaterThan(0);
    expect(migrationsList.lockfile.content).toContain('provider = "postgresql"');

    const { engine, schema, close } = await openSchemaEngine({ connectionString: testUrl });
    try {
      const first = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      expect(first.appliedMigrationNames).toEqual(migrationsList.migrationDirectories.map((d) => d.path));
      const again = await engine.applyMigrations({ migrationsList, filters: NO_FILTER });
      expect(again.appliedMigrationNames).toEqual([]);

      const diff = await engine.diff({
        from: { tag: "schemaDatasource", files: [schema], configDir: process.cwd() },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      // Non-empty means schema.prisma changed without a migration: npm run db:migration:new -- <name>
      expect(diff.stdout).toBe("-- This is an empty migration.\n");
      expect(diff.exitCode).toBe(0);
    } finally {
      await close();
    }
  });

  it("would notice a schema change that has no migration", async () => {
    const real = await readSchema();
    const changed = { ...real, content: `${real.content}\nmodel Forgotten {\n  id String @id\n}\n` };
    const { engine, close } = await openSchemaEngine({ connectionString: testUrl, schema: changed });
    try {
      const diff = await engine.diff({
        from: { tag: "schemaDatasource", files: [changed], configDir: process.cwd() },
        to: { tag: "schemaDatamodel", files: [changed] },
        script: true,
        exitCode: true,
        filters: NO_FILTER,
      });
      expect(diff.exitCode).toBe(2);
      expect(diff.stdout).toContain('CREATE TABLE "Forgotten"');
    } finally {
      await close();
    }
  });

  it("are recorded in _prisma_migrations as finished, as prisma migrate deploy expects", async () => {
    const client = new pg.Client({ connectionString: testUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT migration_name, finished_at, rolled_back_at, checksum FROM _prisma_migrations",
      );
      const names = (await readMigrations()).migrationDirectories.map((d) => d.path);
      expect(rows.map((r) => r.migration_name).sort()).toEqual(names);
      for (const row of rows) {
        expect(row.finished_at).not.toBeNull();
        expect(row.rolled_back_at).toBeNull();
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      }
    } finally {
      await client.end();
    }
  });
});

describe("constraints", () => {
  beforeAll(() => {
    db = createDbClient(testUrl, { maxConnections: 2 });
  });

  it("allow one Membership per (spaceId, userId) and isUniqueViolation recognises the clash", async () => {
    const client = db!;
    const user = await client.user.create({ data: { email: "owner@example.test", name: "Owner", passwordHash: "x" } });
    const space = await client.space.create({ data: { name: "A" } });
    await client.membership.create({ data: { spaceId: space.id, userId: user.id, role: "OWNER" } });

    const err = await client.membership
      .create({ data: { spaceId: space.id, userId: user.id, role: "MEMBER" } })
      .then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(err, ["spaceId", "userId"])).toBe(true);
    expect(isUniqueViolation(err, ["userId", "spaceId"])).toBe(true);
    expect(isUniqueViolation(err, "email")).toBe(false);
    expect(await client.membership.count({ where: { spaceId: space.id } })).toBe(1);

    // The same user may still join another space.
    const other = await client.space.create({ data: { name: "B" } });
    await expect(client.membership.create({ data: { spaceId: other.id, userId: user.id } })).resolves.toMatchObject({
      role: "MEMBER",
    });
  });

  it("keep emails unique, and isUniqueViolation names the field", async () => {
    const client = db!;
    await client.user.create({ data: { email: "dup@example.test", name: "One", passwordHash: "x" } });
    const err = await client.user
      .create({ data: { email: "dup@example.test", name: "Two", passwordHash: "x" } })
      .then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(err, "email")).toBe(true);
    expect(isUniqueViolation(err, ["spaceId", "userId"])).toBe(false);
  });

  it("refuse an email that was not lowercased", async () => {
    const err = await db!.user
      .create({ data: { email: "Mixed@Example.test", name: "M", passwordHash: "x" } })
      .then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message)).toContain("users_email_lowercase");
    expect(isUniqueViolation(err)).toBe(false);
    // Non-ASCII lowercase letters pass: lower() under COLLATE "C" only folds A-Z.
    await expect(
      db!.user.create({ data: { email: "zoë.ñ@example.test", name: "Z", passwordHash: "x" } }),
    ).resolves.toBeTruthy();
  });
});
