import "server-only";
import type { LiveKitClients } from "@/lib/livekit/client";
import { serverEnv } from "@/lib/env";
import { UpstreamError } from "@/lib/errors";
import { isLiveKitNotConfigured, LIVEKIT_NOT_CONFIGURED } from "@/lib/livekit/errors";
import { decryptSecret } from "@/lib/crypto/credentials";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";
import { withAccountLock, type AccountTx } from "./account-lock";
import { loadLiveNumbers, recordNumberOutcomes, recordNumbersFailed, type LiveNumberRow } from "./account-numbers";
import { convergeDispatchRules, removeDispatchRules } from "./converge-dispatch-rules";
import { convergeTrunks, removeTrunks } from "./converge-trunks";
import { desiredDispatchRules } from "./desired-dispatch-rules";
import { liveKitInboundAddresses } from "@/lib/edge/edge-mode";
import { desiredTrunks, type AccountForProvisioning } from "./desired-trunks";
import { emitProvisioned, emitProvisioningFailed } from "./provisioning-webhook-events";
import { nextHealAt } from "./heal-schedule";
import { provisioningRefusal } from "./preflight";
import type { SweepSnapshot } from "./sweep-snapshot";

// The database side of provisioning: read the account and its bound numbers as stored,
// converge LiveKit to them (trunks, then one dispatch rule per number), and record the
// outcome on the rows (ids, status, a plain reason) in the same lock, so neither the card nor
// the numbers list ever claims more than LiveKit holds.

export type ProvisionOutcome =
  | { ok: true; changes: string[] }
  | { ok: false; reason: string };

type AccountRow = {
  id: string;
  spaceId: string;
  name: string;
  sipServerAddress: string | null;
  sipTransport: AccountForProvisioning["sipTransport"];
  destinationCountry: string;
  allowedInboundIps: string[];
  inboundUsername: string | null;
  inboundPasswordEnc: string | null;
  outboundUsername: string | null;
  outboundPasswordEnc: string | null;
  inboundTrunkId: string | null;
  outboundTrunkId: string | null;
  healRetries: number;
  passHeaders: string[];
};

function auth(accountId: string, field: "inbound" | "outbound", username: string | null, enc: string | null) {
  if (!username || !enc) return null;
  return { username, password: decryptSecret(credentialsKeyring(), enc, { accountId, field }) };
}

export function toProvisioningInput(row: Omit<AccountRow, "inboundTrunkId" | "outboundTrunkId">, numbers: string[]): AccountForProvisioning {
  return {
    id: row.id,
    spaceId: row.spaceId,
    name: row.name,
    sipServerAddress: row.sipServerAddress,
    sipTransport: row.sipTransport,
    destinationCountry: row.destinationCountry,
    allowedInboundIps: liveKitInboundAddresses(row.allowedInboundIps),
    inboundAuth: auth(row.id, "inbound", row.inboundUsername, row.inboundPasswordEnc),
    outboundAuth: auth(row.id, "outbound", row.outboundUsername, row.outboundPasswordEnc),
    numbers,
    passHeaders: row.passHeaders,
  };
}

export const LIVEKIT_DOWN_REASON = "LiveKit could not be reached, so the trunks were not created or updated. The console retries by itself until LiveKit is back; Reprovision retries now.";
export const NUMBER_LIVEKIT_DOWN_REASON = "LiveKit could not be reached, so this number was not set up in LiveKit. The console retries by itself until LiveKit is back; Reprovision on its account retries now.";

function reasonFor(err: UpstreamError): string {
  if (isLiveKitNotConfigured(err)) return LIVEKIT_NOT_CONFIGURED;
  return err.kind === "unreachable" ? LIVEKIT_DOWN_REASON : `LiveKit refused the change: ${err.publicMessage} Use Reprovision after fixing it.`;
}

function numberReasonFor(err: UpstreamError): string {
  if (isLiveKitNotConfigured(err)) return LIVEKIT_NOT_CONFIGURED;
  return err.kind === "unreachable" ? NUMBER_LIVEKIT_DOWN_REASON : `LiveKit refused a change to this number's account: ${err.publicMessage} Use Reprovision on the account after fixing it.`;
}

/**
 * Converges trunks and rules for the account and the given numbers, and records success on
 * the rows. Throws UpstreamError when LiveKit is unreachable or refuses a trunk change.
 */
async function convergeAccount(tx: AccountTx, row: AccountRow, numbers: LiveNumberRow[], options: { sweep: boolean | SweepSnapshot; lk?: LiveKitClients }): Promise<string[]> {
  const desired = desiredTrunks(toProvisioningInput(row, numbers.map((n) => n.e164)));
  const trunks = await convergeTrunks(row.id, desired, row, options);
  const inboundTrunkId = trunks.ids.inboundTrunkId!;
  const wanted = desiredDispatchRules(row, inboundTrunkId, numbers, serverEnv().AGENT_NAME);
  const known = new Map(numbers.map((n) => [n.id, n.dispatchRuleId]));
  const rules = await convergeDispatchRules(row.id, inboundTrunkId, wanted, known, options);
  await tx.sipAccount.update({
    where: { id: row.id },
    data: { ...trunks.ids, provisioningStatus: "provisioned", provisioningError: null, provisionedAt: new Date(), healAt: null, healRetries: 0 },
  });
  await recordNumberOutcomes(tx, numbers, (n) => {
    const failure = rules.failures.get(n.id);
    return failure
      ? { dispatchRuleId: n.dispatchRuleId, status: "not_provisioned", reason: failure }
      : { dispatchRuleId: rules.ruleIds.get(n.id) ?? null, status: "provisioned", reason: null };
  });
  return [...trunks.changes, ...rules.changes];
}

/**
 * Converges one live account; LiveKit failures are recorded on the account and its numbers
 * and returned, not thrown. `ok` is about the account's trunks; a number whose own rule was
 * refused is marked on its row.
 */
export async function provisionAccount(accountId: string, options: { sweep?: boolean | SweepSnapshot; lk?: LiveKitClients } = {}): Promise<ProvisionOutcome> {
  return withAccountLock(accountId, async (tx) => {
    const row = await tx.sipAccount.findFirst({ where: { id: accountId, deletedAt: null } });
    if (!row) return { ok: false, reason: "The account no longer exists." };
    const refusal = await provisioningRefusal(row);
    if (refusal) {
      // Not retried in the background: the same row would be refused again until edited.
      await tx.sipAccount.update({ where: { id: row.id }, data: { provisioningStatus: "not_provisioned", provisioningError: refusal, healAt: null } });
      await recordNumbersFailed(tx, row.id, "Its account's saved settings were refused before provisioning; see the account.");
      await emitProvisioningFailed(tx, row, refusal);
      return { ok: false, reason: refusal };
    }
    const numbers = await loadLiveNumbers(tx, row.id);
    try {
      const changes = await convergeAccount(tx, row, numbers, { sweep: options.sweep ?? false, lk: options.lk });
      await emitProvisioned(tx, row, changes);
      return { ok: true, changes };
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
      console.error(`[provisioning] account ${row.id}:`, err.cause ?? err);
      const reason = reasonFor(err);
      // LiveKit away: the dispatcher retries in the background (self-heal.ts). A refusal is
      // not retried: the same request would be refused again until someone changes something.
      const heal = err.kind === "unreachable" && !isLiveKitNotConfigured(err) ? { healAt: nextHealAt(row.healRetries) } : { healAt: null };
      await tx.sipAccount.update({ where: { id: row.id }, data: { provisioningStatus: "not_provisioned", provisioningError: reason, ...heal } });
      await recordNumbersFailed(tx, row.id, numberReasonFor(err));
      await emitProvisioningFailed(tx, row, reason);
      return { ok: false, reason };
    }
  });
}

/**
 * Applies `change` (a database write that removes numbers from the account, such as an
 * unbind) and converges LiveKit to the result in one locked transaction. When LiveKit is
 * unreachable or refuses, the UpstreamError is thrown and the change is rolled back: a number
 * never counts as free while LiveKit may still route it to this account.
 */
export async function changeAccountStrictly(accountId: string, change: (tx: AccountTx) => Promise<void>, options: { lk?: LiveKitClients } = {}): Promise<string[]> {
  return withAccountLock(accountId, async (tx) => {
    const row = await tx.sipAccount.findFirst({ where: { id: accountId, deletedAt: null } });
    if (!row) throw new Error(`account ${accountId} is not live`);
    await change(tx);
    const numbers = await loadLiveNumbers(tx, row.id);
    return convergeAccount(tx, row, numbers, { sweep: false, lk: options.lk });
  });
}

/**
 * Removes the account's LiveKit objects (dispatch rules first, then trunks) and then runs
 * `then` in the same lock (the soft delete). Throws UpstreamError when LiveKit is down;
 * nothing is written then.
 */
export async function deprovisionAccount(accountId: string, options: { lk?: LiveKitClients; then?: (tx: AccountTx) => Promise<void> } = {}): Promise<void> {
  await withAccountLock(accountId, async (tx) => {
    const row = await tx.sipAccount.findUnique({ where: { id: accountId } });
    if (!row) return;
    const ruleIds = await tx.phoneNumber.findMany({ where: { sipAccountId: accountId, dispatchRuleId: { not: null } }, select: { dispatchRuleId: true } });
    await removeDispatchRules(row.id, ruleIds.map((r) => r.dispatchRuleId!), options.lk);
    await removeTrunks(row.id, row, options.lk);
    await options.then?.(tx);
  });
}
