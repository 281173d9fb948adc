import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { VerifyReport } from "@/lib/provisioning/verify-checks";
import type { SpaceContext } from "@/lib/spaces/context";
import { findLiveAccount } from "./repository";
import { VERIFY_RUNS_KEPT, type VerifyRunView, type VerifyTrigger } from "./verify-run-view";

// Every Verify of an account is kept as a run (who or what ran it, the overall result, the
// checks), so the account page can show when it last passed and what failed since. Only the
// newest VERIFY_RUNS_KEPT per account stay: the periodic Verify alone adds one every interval.

export type VerifyRunBy = { trigger: VerifyTrigger; actor: string | null };

/** The caller of a request-driven Verify; an API key acts as "api-key:<id>" in ctx.userId. */
export const verifyRunBy = (ctx: SpaceContext, trigger: VerifyTrigger): VerifyRunBy => ({ trigger, actor: ctx.userId });
export const PERIODIC_VERIFY: VerifyRunBy = { trigger: "periodic", actor: null };

/** Keeps one run, inside the transaction that stores the report on the account, and drops the account's runs beyond the newest VERIFY_RUNS_KEPT. */
export async function recordVerifyRun(tx: Prisma.TransactionClient, account: { id: string; spaceId: string }, report: VerifyReport, by: VerifyRunBy): Promise<void> {
  await tx.sipAccountVerifyRun.create({
    data: { spaceId: account.spaceId, accountId: account.id, ranAt: new Date(report.verifiedAt), trigger: by.trigger, actor: by.actor, ok: report.ok, report: report as unknown as Prisma.InputJsonValue },
  });
  const beyond = await tx.sipAccountVerifyRun.findMany({
    where: { accountId: account.id },
    orderBy: [{ ranAt: "desc" }, { id: "desc" }],
    skip: VERIFY_RUNS_KEPT,
    select: { id: true },
  });
  if (beyond.length > 0) await tx.sipAccountVerifyRun.deleteMany({ where: { id: { in: beyond.map((r) => r.id) } } });
}

/** The account's latest runs, newest first (another Space's account is the same 404 as a missing one). */
export async function listVerifyRuns(ctx: SpaceContext, accountId: string, limit = 10): Promise<VerifyRunView[]> {
  const account = await findLiveAccount(ctx, accountId);
  const rows = await db().sipAccountVerifyRun.findMany({
    where: { spaceId: ctx.spaceId, accountId: account.id },
    orderBy: [{ ranAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(limit, 1), VERIFY_RUNS_KEPT),
  });
  const names = await actorNames(ctx.spaceId, rows.map((r) => r.actor));
  return rows.map((r) => {
    const report = r.report as unknown as VerifyReport;
    return {
      id: r.id,
      ranAt: r.ranAt.toISOString(),
      trigger: r.trigger as VerifyTrigger,
      triggeredBy: r.actor ? (names.get(r.actor) ?? null) : null,
      ok: r.ok,
      failedChecks: report.checks.filter((c) => c.status === "failed").map((c) => ({ name: c.name, reason: c.reason })),
      checks: report.checks,
    };
  });
}

/** Members by email and this Space's API keys by name; anyone else (another Space's key, a removed member) stays unnamed. */
async function actorNames(spaceId: string, actors: (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(actors.filter((a): a is string => a !== null))];
  const keyIds = ids.filter((a) => a.startsWith("api-key:")).map((a) => a.slice("api-key:".length));
  const userIds = ids.filter((a) => !a.startsWith("api-key:"));
  const [users, keys] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds }, memberships: { some: { spaceId } } }, select: { id: true, email: true } }) : [],
    keyIds.length ? db().apiKey.findMany({ where: { id: { in: keyIds }, spaceId }, select: { id: true, name: true } }) : [],
  ]);
  return new Map([...users.map((u) => [u.id, u.email] as const), ...keys.map((k) => [`api-key:${k.id}`, `API key ${k.name}`] as const)]);
}
