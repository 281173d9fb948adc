import { serverEnv } from "@/lib/env";
import { reconcileRegistrations } from "@/lib/sip-registrations/sync-registration";
import { healDueAccounts } from "@/lib/provisioning/self-heal";
import { verifyStaleAccounts } from "@/lib/sip-accounts/periodic-verify";

// The dispatcher's upkeep of provisioning: every few seconds, accounts left Not provisioned
// while LiveKit was away are provisioned again (self-heal.ts); every minute, accounts not
// verified for VERIFY_EVERY_MINUTES are verified (periodic-verify.ts).

const HEAL_EVERY_MS = 2_000;
const REGISTRATIONS_EVERY_MS = 5_000;
const VERIFY_PASS_EVERY_MS = 60_000;

/** Whether the web app's environment is here (provisioning needs it); says why not once. */
export function webAppEnvironment(): boolean {
  try {
    serverEnv();
    return true;
  } catch (err) {
    console.warn(`[dispatcher] provisioning self-heal and periodic Verify are off: ${(err as Error).message}`);
    return false;
  }
}

/** Runs `task` every `ms`, never two of its passes at once. */
function every(ms: number, what: string, task: () => Promise<unknown>): NodeJS.Timeout {
  let busy = false;
  return setInterval(() => {
    if (busy) return;
    busy = true;
    task()
      .catch((err: Error) => console.error(`[dispatcher] ${what} failed`, { err: err.message }))
      .finally(() => (busy = false));
  }, ms);
}

export function startMaintenance(verifyEveryMinutes: number): { stop: () => void } {
  const timers = [every(HEAL_EVERY_MS, "self-heal", healDueAccounts)];
  if (verifyEveryMinutes > 0) timers.push(every(VERIFY_PASS_EVERY_MS, "periodic Verify", () => verifyStaleAccounts(verifyEveryMinutes)));
  // Agents' SIP registrations: back after an edge restart within seconds, failures retried when due.
  if (serverEnv().SIP_EDGE_RPC_URL) timers.push(every(REGISTRATIONS_EVERY_MS, "SIP registration reconcile", reconcileRegistrations));
  return { stop: () => timers.forEach(clearInterval) };
}
