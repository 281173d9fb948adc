import "server-only";
import { db } from "@/lib/db/client";
import { UpstreamError } from "@/lib/errors";
import { takeSweepSnapshot, type SweepSnapshot } from "@/lib/provisioning/sweep-snapshot";
import { withRateLimit } from "@/lib/rate-limits/with-rate-limit";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage } from "./repository";
import { convergeSipAccount } from "./reprovision-sip-account";

export type RefreshAllSummary = {
  total: number;
  changed: { accountId: string; accountName: string; changes: string[] }[];
  unchanged: number;
  failed: { accountId: string; accountName: string; reason: string }[];
};

/** How many accounts converge at once: enough to overlap LiveKit round trips, few enough to spare it. */
export const REFRESH_ALL_CONCURRENCY = 4;

/**
 * Everything in LiveKit listed once for all accounts' sweeps. None when LiveKit cannot be
 * listed: each account's own Reprovision then meets (and records) the failure as usual.
 */
async function snapshotOrNone(): Promise<SweepSnapshot | undefined> {
  try {
    return await takeSweepSnapshot();
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    return undefined;
  }
}

/**
 * Reprovisions every live account of the Space, a few at a time, sweeping from one snapshot
 * of LiveKit. Each account converges under its own lock, so a Refresh all racing a
 * Reprovision never creates twice. Spends one point of the Space's Refresh all budget, none
 * of Reprovision's.
 */
export async function refreshAllSipAccounts(ctx: SpaceContext, onProgress?: (done: number, total: number) => void): Promise<RefreshAllSummary> {
  // The role first: a member is told 403, never 429 because owners spent the small budget.
  assertCanManage(ctx);
  return withRateLimit("refresh-all", ctx.spaceId, () => refreshAll(ctx, onProgress));
}

async function refreshAll(ctx: SpaceContext, onProgress?: (done: number, total: number) => void): Promise<RefreshAllSummary> {
  const accounts = await db().sipAccount.findMany({ where: { spaceId: ctx.spaceId, deletedAt: null }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } });
  const summary: RefreshAllSummary = { total: accounts.length, changed: [], unchanged: 0, failed: [] };
  const snapshot = accounts.length > 1 ? await snapshotOrNone() : undefined;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < accounts.length) {
      const account = accounts[next++]!;
      try {
        const result = await convergeSipAccount(ctx, account.id, snapshot);
        if (result.failed) summary.failed.push({ accountId: account.id, accountName: account.name, reason: result.account.provisioning.reason ?? "Reprovision failed." });
        else if (result.changes.length) summary.changed.push({ accountId: account.id, accountName: account.name, changes: result.changes });
        else summary.unchanged++;
      } catch (err) {
        console.error(`[refresh-all] account ${account.id}:`, err);
        summary.failed.push({ accountId: account.id, accountName: account.name, reason: "Something went wrong on our side." });
      }
      onProgress?.(++done, accounts.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REFRESH_ALL_CONCURRENCY, accounts.length) }, worker));
  return summary;
}
