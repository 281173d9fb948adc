import { AgentServer, log } from "@livekit/agents";

// SIGTERM in production mode makes the agents CLI call server.drain(): stop taking calls,
// wait for the ones in progress, then close. In @livekit/agents 1.9.0 drain() joins every
// process of its pool, and a process that is still waiting to start (the pool refills right
// after a call takes a warm process, and at boot) rejects at once with "runner not started";
// the CLI then closes the worker and cuts every call in progress. This wraps drain() so that
// after such a rejection it still waits, up to the same limit, until no call is left.

const original = AgentServer.prototype.drain;

export function installRobustDrain(defaultTimeoutMs: number): void {
  AgentServer.prototype.drain = async function drain(this: AgentServer, timeout?: number) {
    const until = Date.now() + (timeout ?? defaultTimeoutMs);
    try {
      await original.call(this, timeout);
    } catch (err) {
      if (!(err instanceof Error) || err.message !== "runner not started") throw err;
      log().info({ activeCalls: this.activeJobs.length }, "draining: waiting for the calls in progress");
    }
    while (this.activeJobs.length > 0) {
      if (Date.now() >= until) throw new Error("timed out draining");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } as typeof original;
}
