import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { cli, ServerOptions } from "@livekit/agents";
import { workerEnv } from "./env.js";
import { installRobustDrain } from "./robust-drain.js";
import { nodeOptionsWithSemiSpace } from "./job-process-heap.js";

// The worker process: `node agent-worker/dist/main.js start` after `node agent-worker/build.mjs`
// (production mode: SIGTERM and SIGINT drain calls in progress before exiting). It registers
// under AGENT_NAME, so LiveKit hands it only rooms whose dispatch rule names that agent; each
// call runs agent.ts in a job process of its own.

const env = workerEnv();

const maxCalls = env.AGENT_WORKER_MAX_CALLS;

/**
 * Warm job processes when AGENT_WORKER_IDLE_PROCESSES is empty: two per core. Calls that
 * arrive together each need a process, and a new one takes seconds to start on busy cores;
 * with the framework's one per core, 4 calls arriving 0.5 s apart on 2 cores waited up to
 * 9 s for an answer, with two per core 2.3 s (bench/worker-capacity.ts). Each costs about
 * 65 MB (PSS) while it waits.
 */
function defaultIdleProcesses(callLimit: number | undefined): number {
  return Math.max(1, Math.min(2 * availableParallelism(), callLimit ?? Infinity));
}

installRobustDrain(env.AGENT_WORKER_DRAIN_SECONDS * 1000);

// Before the framework forks its first process (agent-worker/README.md: the young generation).
if (env.AGENT_WORKER_JOB_SEMI_SPACE_MB > 0) {
  process.env.NODE_OPTIONS = nodeOptionsWithSemiSpace(process.env.NODE_OPTIONS, env.AGENT_WORKER_JOB_SEMI_SPACE_MB);
}

cli.runApp(
  new ServerOptions({
    agent: fileURLToPath(new URL("./agent.js", import.meta.url)),
    agentName: env.AGENT_NAME,
    wsURL: env.LIVEKIT_URL,
    apiKey: env.LIVEKIT_API_KEY,
    apiSecret: env.LIVEKIT_API_SECRET,
    host: env.AGENT_WORKER_HTTP_HOST,
    port: env.AGENT_WORKER_HTTP_PORT,
    drainTimeout: env.AGENT_WORKER_DRAIN_SECONDS * 1000,
    // How long a job process may take to exit once asked. A call's process is done within a
    // second; a warm process started during a drain ignores the request and is killed after
    // this (the framework's 60 s default held every SIGTERM exit up that long).
    shutdownProcessTimeout: 10_000,
    numIdleProcesses: env.AGENT_WORKER_IDLE_PROCESSES ?? defaultIdleProcesses(maxCalls),
    // A fixed call budget instead of the CPU reading, when configured: full at exactly maxCalls.
    ...(maxCalls !== undefined ? { loadFunc: async (server) => server.activeJobs.length / maxCalls, loadThreshold: 1 } : {}),
  }),
);
