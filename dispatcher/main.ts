import { createServer } from "node:http";
import { Logger, run, type TaskList } from "graphile-worker";
import { parseKeyring } from "@/lib/crypto/credentials";
import { createDbClient } from "@/lib/db/create-client";
import { installDbClient } from "@/lib/db/client";
import { installLiveKitConfig } from "@/lib/livekit/client";
import { jobNames } from "@/lib/queue/jobs";
import { resumeStalledDeliveries } from "@/lib/webhooks/resume-deliveries";
import { deliverWebhooksTask } from "./deliver-webhooks-task";
import { followEdgeRouting } from "./edge-routing-cache";
import { DialSlots } from "./dial-slots";
import { startMaintenance, webAppEnvironment } from "./maintenance";
import { liveKitOf, parseDispatcherEnv } from "./env";
import { placeCallTask } from "./place-call-task";
import { reconcileCalls } from "./reconcile";
import { syncRegistration } from "@/lib/sip-registrations/sync-registration";
import { finishSelfTest } from "@/lib/sip-accounts/self-test/finish-self-test";
import { purgeTranscriptsTask, purgeWebhookReceiptsTask, scheduledJobs } from "./schedule";

// The dispatcher process: takes queued calls from the job queue (graphile-worker on the
// console's PostgreSQL), dials them through LiveKit, sends the Spaces' webhooks, and keeps
// every live call's status true to LiveKit (reconciliation). Run any number of them against
// one database: claims are exclusive per call and limits are counted under a lock per Space.
//
//   node --conditions=react-server --import tsx dispatcher/main.ts   (scripts/dispatcher/start.sh)

const env = parseDispatcherEnv(process.env);
const db = createDbClient(env.DATABASE_URL, { maxConnections: 10 });
installDbClient(db);
const liveKit = liveKitOf(env);
installLiveKitConfig(liveKit);

const inFlight = new Set<string>();
const following = new Set<string>();
const settings = {
  agentName: env.AGENT_NAME,
  ringingTimeoutSeconds: env.CALL_RINGING_TIMEOUT_SECONDS,
  leaseSeconds: env.DISPATCHER_LEASE_SECONDS,
  passSeconds: env.DISPATCHER_RECONCILE_SECONDS,
  mode: env.DEPLOYMENT_MODE,
};

// Without LiveKit no call can be dialled: the dispatcher leaves place_call jobs in the queue
// (calls stay queued, not failed) until one that has LiveKit runs.
const starts = new DialSlots(env.DISPATCHER_DIAL_STARTS);
const claimsAhead = new DialSlots(env.DISPATCHER_DIAL_STARTS);
const taskList: TaskList = liveKit ? { [jobNames.placeCall]: placeCallTask({ ...settings, maxDials: env.DISPATCHER_MAX_DIALS, inFlight, starts, claimsAhead, spaceCeilings: { callsPerMinute: env.OUTBOUND_CALLS_PER_MINUTE, concurrentCalls: env.OUTBOUND_CONCURRENT_CALLS }, deploymentMode: env.DEPLOYMENT_MODE }) } : {};
if (!liveKit) console.warn("[dispatcher] LiveKit is not configured (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET): calls stay queued until a dispatcher with LiveKit runs.");
// Webhooks need the key ring that opens their signing secrets; without it they wait in the queue.
if (env.CREDENTIALS_KEYS) {
  taskList[jobNames.deliverWebhooks] = deliverWebhooksTask({
    mode: env.DEPLOYMENT_MODE,
    keyring: parseKeyring(env.CREDENTIALS_KEYS),
    retryScheduleSeconds: env.WEBHOOK_RETRY_SCHEDULE_SECONDS,
    disableAfterSeconds: env.WEBHOOK_DISABLE_AFTER_SECONDS,
    timeoutMs: env.WEBHOOK_TIMEOUT_SECONDS * 1000,
  });
} else {
  console.warn("[dispatcher] CREDENTIALS_KEYS is not set: webhooks stay queued until a dispatcher with the key ring runs.");
}

// Agents' SIP registrations are applied by the console's own code (edge over JSON-RPC, LiveKit),
// and so are round-trip self-tests judged and hung up.
if (liveKit && webAppEnvironment()) {
  taskList[jobNames.syncSipRegistration] = async (payload) => {
    const { agentId } = payload as { agentId: string };
    await syncRegistration(agentId);
  };
  // Round-trip self-tests are judged with the console's own code (public SIP domain, refusals).
  taskList[jobNames.finishSelfTest] = async (payload) => {
    const { selfTestId } = payload as { selfTestId: string };
    await finishSelfTest(selfTestId);
  };
}
taskList[jobNames.purgeTranscripts] = purgeTranscriptsTask;
taskList[jobNames.purgeWebhookReceipts] = purgeWebhookReceiptsTask;

const quiet = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[dispatcher] queue ${level}: ${message}`);
});

const runner = await run({
  connectionString: env.DATABASE_URL,
  concurrency: env.DISPATCHER_CONCURRENCY,
  maxPoolSize: env.DISPATCHER_CONCURRENCY + 2,
  taskList,
  parsedCronItems: scheduledJobs,
  logger: quiet,
  noHandleSignals: true,
  // Jobs arrive by LISTEN/NOTIFY within milliseconds; polling only covers missed notifications and run_at in the future.
  pollInterval: 1000,
  preset: {
    worker: {
      // Jobs are fetched (and locked) a batch at a time and their completions written a batch
      // at a time: ~1 statement per job instead of ~3 when calls are queued in bulk. A job
      // completed but not yet written when the process dies runs again later; every job here
      // is idempotent (a call is claimed only while queued). Jobs locked in a dead
      // dispatcher's batch are given back by reconciliation (reconcile.ts, requeueOrphans).
      localQueue: { size: env.DISPATCHER_CONCURRENCY, ttl: 60_000 },
      completeJobBatchDelay: 50,
    },
  },
});

let reconciling = false;
let lastReconcile: { at: string; checked: number } | null = null;
async function reconcile(): Promise<void> {
  if (!liveKit || reconciling) return;
  reconciling = true;
  try {
    const { checked } = await reconcileCalls(settings, inFlight, following);
    lastReconcile = { at: new Date().toISOString(), checked };
  } catch (err) {
    console.error("[dispatcher] reconciliation failed", { err: (err as Error).message });
  } finally {
    reconciling = false;
  }
}
void reconcile();
const timer = setInterval(() => void reconcile(), env.DISPATCHER_RECONCILE_SECONDS * 1000);

// Provisioning that heals itself and the periodic Verify run the console's own provisioning
// code, which reads the web app's environment (lib/env.ts): the scripts start the
// dispatcher with it. Without it (or without LiveKit) both stay off, and say so.
const maintenance = liveKit && webAppEnvironment() ? startMaintenance(env.VERIFY_EVERY_MINUTES) : null;

// In edge mode the edge caches routing answers; every change in the database empties that cache.
const edgeRouting = env.SIP_EDGE_RPC_URL ? followEdgeRouting(env.DATABASE_URL, env.SIP_EDGE_RPC_URL) : null;

// Deliveries whose sender died mid-send get a job again once their row lock lapses.
const webhookSweep = setInterval(() => {
  if (!env.CREDENTIALS_KEYS) return;
  resumeStalledDeliveries().catch((err: Error) => console.error("[dispatcher] webhook sweep failed", { err: err.message }));
}, 30_000);

const health = createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ ok: true, liveKitConfigured: Boolean(liveKit), starting: starts.inUse, claimedAhead: claimsAhead.inUse, dialling: inFlight.size, following: following.size, lastReconcile }));
});
health.listen(env.DISPATCHER_HTTP_PORT, env.DISPATCHER_HTTP_HOST);
console.log(`[dispatcher] ready (health http://${env.DISPATCHER_HTTP_HOST}:${env.DISPATCHER_HTTP_PORT}/, concurrency ${env.DISPATCHER_CONCURRENCY}, LiveKit ${liveKit ? liveKit.url : "not configured"})`);

// SIGTERM: take no new job, let the dials under way reach their answer (bounded), exit.
// Whatever is cut short is taken over by another dispatcher's reconciliation once its lease ends.
let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`[dispatcher] ${signal}: stopping (${inFlight.size} dials under way)`);
  clearInterval(timer);
  clearInterval(webhookSweep);
  maintenance?.stop();
  await edgeRouting?.stop();
  health.close();
  await runner.stop().catch(() => undefined);
  const deadline = Date.now() + 10_000;
  while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  await db.$disconnect().catch(() => undefined);
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
