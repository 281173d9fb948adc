// Prisma's schema engine (the part behind `prisma migrate`), compiled to WebAssembly and
// talking to PostgreSQL through the pg driver adapter. The Prisma CLI would download a native
// engine instead, which cannot work offline.
//
// Used by migrate.mjs, new-migration.mjs and lib/db/migrations.int.test.ts.
// Reading list: node_modules/@prisma/schema-engine-wasm/schema_engine.d.ts (the API).

import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
export const LOCKFILE_NAME = "migration_lock.toml";

/** No tables or enums are managed outside Prisma. */
export const NO_FILTER = { externalTables: [], externalEnums: [] };

// PostgreSQL's internal one-byte type "char" (OID 18) appears in the catalog queries the
// engine runs to describe a database (pg_constraint.contype). @prisma/adapter-pg 7.10 has no
// mapping for it and fails the whole query ("Column type 'char' could not be deserialized"),
// so every diff against a live or shadow database would fail; the engine in turn insists on
// reading that column as a character, not as text. So: the pg client relabels such columns
// as text (OID 25, the same text form) and tags their names, and the adapter wrapper below
// untags them and reports them to the engine as Character.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const CHAR_TAG = "\u0000char\u0000";
const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

function relabelChar(result) {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of r?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        field.name = CHAR_TAG + field.name;
      }
    }
  }
  return result;
}

function untagChar(resultSet) {
  resultSet.columnNames.forEach((name, i) => {
    if (name.startsWith(CHAR_TAG)) {
      resultSet.columnNames[i] = name.slice(CHAR_TAG.length);
      resultSet.columnTypes[i] = CHARACTER_COLUMN;
    }
  });
  return resultSet;
}

/**
 * Runs a migration script as one simple query, as Prisma's native engine does.
 * @prisma/adapter-pg 7.10's executeScript splits the script on every ";", which breaks any
 * statement holding one inside it (a PL/pgSQL trigger function's body, a comment).
 */
function withWholeScripts(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.client.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/** Wraps an adapter (or a transaction) so its results carry Character columns again. */
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => untagChar(await queryRaw(query));
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  }
  return queryable;
}

class CatalogSafeClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    // Submittables (cursors, streams) manage their own results.
    if (config && typeof config.submit === "function") return super.query(config, values, callback);
    if (callback) return super.query(config, values, (err, res) => callback(err, err ? res : relabelChar(res)));
    return super.query(config, values).then(relabelChar);
  }
}

// The engine reports a Rust panic through this global before trapping; without it the
// reason is lost behind "unreachable".
let lastPanic;
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    lastPanic = message;
  },
};

let ready;
/** Instantiates the WebAssembly module once per process (Node 20 cannot import .wasm as ESM). */
function loadWasm() {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await fs.readFile(path.join(dir, "schema_engine_bg.wasm"));
    // The engine arms 10-second timers it never clears (seen with a finished applyMigrations),
    // which would hold every script open for 10 s after its work is done: unref them.
    const imports = { ...bindings };
    for (const key of Object.keys(imports).filter((k) => k.startsWith("__wbg_setTimeout_"))) {
      const setTimer = bindings[key];
      imports[key] = (...args) => {
        const timer = setTimer(...args);
        timer?.unref?.();
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bindings.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
  })();
  return ready;
}

export async function readSchema(schemaPath = SCHEMA_PATH) {
  return { path: schemaPath, content: await fs.readFile(schemaPath, "utf8") };
}

/**
 * The migrations folder in the shape the engine expects, read the way the Prisma CLI reads
 * it: every sub-folder is a migration, ordered by name, its script in migration.sql.
 */
export async function readMigrations(dir = MIGRATIONS_DIR) {
  const lockContent = await fs.readFile(path.join(dir, LOCKFILE_NAME), "utf8").catch(() => null);
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const content = await fs
      .readFile(path.join(dir, entry.name, "migration.sql"), "utf8")
      .then((value) => ({ tag: "ok", value }))
      .catch((err) => ({ tag: "error", value: err.message }));
    migrationDirectories.push({ path: entry.name, migrationFile: { path: "migration.sql", content } });
  }
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE_NAME, content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * pg connection parameters from a URL, with the same parser pg uses. They must be discrete
 * fields: pg lets a `connectionString` override an explicit `database`, so a pool config that
 * carries one cannot be pointed at another database.
 */
function connectionParams(connectionString) {
  const requireFromPg = createRequire(createRequire(import.meta.url).resolve("pg"));
  const { parse } = requireFromPg("pg-connection-string");
  return { ...parse(connectionString) };
}

/**
 * A migration-aware adapter factory for `connectionString`.
 *
 * Shadow databases: @prisma/adapter-pg's own connectToShadowDb() spreads the pool config,
 * connection string included, into the shadow pool and adds `database`; pg lets the
 * connection string win, so the "shadow" migrations run against the MAIN database (seen with
 * 7.10.0). We create the shadow database ourselves, connect to it by name, and drop it when
 * the engine disposes it, or at close() if the engine failed before disposing.
 */
function adapterFactory(connectionString, onLog) {
  const params = connectionParams(connectionString);
  const makePool = (database) => {
    const pool = new pg.Pool({ ...params, database, max: 2, Client: CatalogSafeClient });
    // An idle client dropped by the server must not crash the process.
    pool.on("error", (err) => onLog?.(`pool error: ${err.message}`));
    return pool;
  };
  const mainPool = makePool(params.database);
  const main = new PrismaPg(mainPool);
  const shadows = new Set();
  // The engine does not await an adapter's dispose(), so close() waits for them.
  const disposals = new Set();

  async function dropShadow(name) {
    if (!shadows.has(name)) return;
    await mainPool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    shadows.delete(name);
  }

  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => withWholeScripts(withCharColumns(await main.connect())),
    async connectToShadowDb() {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await mainPool.query(`CREATE DATABASE "${name}"`);
      shadows.add(name);
      const shadowPool = makePool(name);
      const adapter = withWholeScripts(withCharColumns(await new PrismaPg(shadowPool).connect()));
      const release = adapter.dispose.bind(adapter);
      adapter.dispose = () => {
        const done = (async () => {
          await release();
          await shadowPool.end();
          await dropShadow(name);
        })();
        disposals.add(done);
        return done;
      };
      return adapter;
    },
    async close() {
      await Promise.allSettled(disposals);
      for (const name of [...shadows]) await dropShadow(name).catch((err) => onLog?.(`could not drop ${name}: ${err.message}`));
      await mainPool.end().catch(() => {});
    },
  };
}

/**
 * Opens a schema engine on `connectionString`. Operations that need a scratch database
 * (diffing from a migrations folder) get a temporary `prisma_migrate_shadow_db_<uuid>`
 * database on the same server, dropped afterwards. The caller must `await close()`.
 *
 * @param {{ connectionString: string, schema?: { path: string, content: string }, onLog?: (line: string) => void }} options
 */
export async function openSchemaEngine({ connectionString, schema, onLog }) {
  await loadWasm();
  const schemaFile = schema ?? (await readSchema());
  const factory = adapterFactory(connectionString, onLog);
  let engine;
  try {
    engine = await bindings.SchemaEngine.new(
      { datamodels: [[schemaFile.path, schemaFile.content]] },
      (line) => onLog?.(String(line)),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
  } catch (err) {
    await factory.close();
    throw engineError(err);
  }
  return {
    engine,
    schema: schemaFile,
    async close() {
      engine.free();
      await factory.close();
    },
  };
}

/**
 * A panic inside the engine can surface as an uncaught "RuntimeError: unreachable" rather
 * than a rejected promise. CLI scripts call this so the reason is printed, not lost.
 */
export function reportEnginePanics() {
  process.on("uncaughtException", (err) => {
    process.stderr.write(`error: ${engineError(err).message}\n`);
    process.exit(1);
  });
}

/** Engine errors arrive as plain objects or wasm-bindgen errors; give them a readable message. */
export function engineError(err) {
  if (lastPanic) {
    const e = new Error(`schema engine panicked: ${lastPanic}`);
    e.cause = err;
    lastPanic = undefined;
    return e;
  }
  if (err instanceof Error) return err;
  if (err && typeof err === "object" && "message" in err) {
    const e = new Error(String(err.message));
    e.cause = err;
    return e;
  }
  return new Error(typeof err === "string" ? err : JSON.stringify(err));
}

/** What the Prisma CLI writes to migration_lock.toml for PostgreSQL. */
export const LOCKFILE_CONTENT = `# Please do not edit this file manually
# It should be added in your version-control system (e.g., Git)
provider = "postgresql"
`;

/** Engine log lines are JSON; keep warnings and errors, drop the chatter. */
export function printEngineLog(line) {
  try {
    const { level, fields } = JSON.parse(line);
    if (level === "WARN" || level === "ERROR") process.stderr.write(`[schema-engine] ${level}: ${fields?.message ?? line}\n`);
  } catch {
    process.stderr.write(`[schema-engine] ${line}\n`);
  }
}

/** DATABASE_URL from the environment, or exit with a message that says where to get one. */
export function requireDatabaseUrl(purpose) {
  const url = process.env.DATABASE_URL?.trim();
  if (!url) {
    process.stderr.write(
      `error: DATABASE_URL is not set; ${purpose}.\n` +
        `For the local embedded PostgreSQL: export DATABASE_URL=$(node scripts/db/postgres.mjs up)\n`,
    );
    process.exit(1);
  }
  return url;
}
