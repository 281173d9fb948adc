import "server-only";
import { db } from "@/lib/db/client";
import type { SipAccount } from "@/lib/db/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { loadLiveNumbers } from "@/lib/provisioning/account-numbers";
import { dispatchRuleProblems } from "@/lib/provisioning/dispatch-rule-checks";
import { emitDriftDetected } from "@/lib/provisioning/provisioning-webhook-events";
import { verifyAccount } from "@/lib/provisioning/verify-account";
import { LIVEKIT_CHECKS, type VerifyCheck, type VerifyReport } from "@/lib/provisioning/verify-checks";
import { pbxReachableCheck } from "@/lib/edge/pbx-probe";
import { withRateLimit } from "@/lib/rate-limits/with-rate-limit";
import type { SpaceContext } from "@/lib/spaces/context";
import { findLiveAccount } from "./repository";
import type { VerifyTrigger } from "./verify-run-view";
import { recordVerifyRun, verifyRunBy, type VerifyRunBy } from "./verify-runs";

/**
 * Runs the four checks for one account. Nothing changes in LiveKit or in the account's
 * configuration; only the report is kept (on the card, and as a run in the account's Verify
 * history, with `trigger` and the caller). Any member may verify. Spends the Space's Verify
 * budget (so does the Reprovision dialog's preview, which runs a fresh Verify).
 */
export function verifySipAccount(ctx: SpaceContext, accountId: string, trigger: VerifyTrigger): Promise<VerifyReport> {
  return withRateLimit("verify", ctx.spaceId, () => runVerify(ctx, accountId, trigger));
}

async function runVerify(ctx: SpaceContext, accountId: string, trigger: VerifyTrigger): Promise<VerifyReport> {
  return verifyAccountRow(await findLiveAccount(ctx, accountId), verifyRunBy(ctx, trigger));
}

/**
 * Verify of one live account as stored: keeps the report on the row and emits
 * sip_account.drift_detected when LiveKit newly differs. Also run by the dispatcher's
 * periodic Verify (periodic-verify.ts), which has no caller to rate-limit.
 */
export async function verifyAccountRow(row: SipAccount, by: VerifyRunBy): Promise<VerifyReport> {
  const numbers = await loadLiveNumbers(db(), row.id);
  // The PBX probe runs beside LiveKit's checks (it can take up to 5 s without an answer).
  const [liveKit, pbx] = await Promise.all([
    verifyAccount({
      row,
      boundNumbers: numbers.map((n) => n.e164),
      mode: serverEnv().DEPLOYMENT_MODE,
      dispatchRuleProblems: ({ inboundTrunkId }) => dispatchRuleProblems(row, inboundTrunkId, numbers),
    }),
    pbxReachableCheck(row),
  ]);
  const report = withCheck(liveKit, pbx);
  await db().$transaction(async (tx) => {
    await tx.sipAccount.update({
      where: { id: row.id, spaceId: row.spaceId },
      data: { lastVerifiedAt: new Date(report.verifiedAt), lastVerifyReport: report },
    });
    await recordVerifyRun(tx, row, report, by);
    const drift = newLiveKitDrift(row.lastVerifyReport as VerifyReport | null, report);
    if (drift.length > 0) await emitDriftDetected(tx, row, drift);
  });
  return report;
}

/**
 * LiveKit checks that fail now and did not fail the same way last time (with no previous report: every LiveKit check failing now): drift is news once,
 * not at every Verify. Nothing when LiveKit could not be asked (that is not drift).
 */
export function newLiveKitDrift(previous: VerifyReport | null, report: VerifyReport): { name: string; reason: string }[] {
  if (!report.liveKitReachable) return [];
  const failing = report.checks.filter((c) => c.status === "failed" && LIVEKIT_CHECKS.has(c.name));
  const before = new Set((previous?.checks ?? []).filter((c) => c.status === "failed").map((c) => `${c.name}\n${c.reason}`));
  if (failing.every((c) => before.has(`${c.name}\n${c.reason}`))) return [];
  return failing.map((c) => ({ name: c.name, reason: c.reason ?? "" }));
}

/** The report with one more check; OK only if that one did not fail either. */
function withCheck(report: VerifyReport, check: VerifyCheck): VerifyReport {
  return { ...report, checks: [...report.checks, check], ok: report.ok && check.status !== "failed" };
}
