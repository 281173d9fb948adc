import "server-only";
import { db } from "@/lib/db/client";
import { provisionAccount } from "@/lib/provisioning/provision-account";
import { PERIODIC_VERIFY } from "./verify-runs";
import { newLiveKitDrift, verifyAccountRow } from "./verify-sip-account";

// The periodic Verify (run by the dispatcher): every live account is verified once per
// interval (the first time one interval after its creation), its report kept on the card ("last checked") and new drift announced by webhook.
// Repair stays the operator's choice, unless the account's Space turned on automatic repair:
// then drift is repaired in place at once (Reprovision in place: calls keep going).

const PER_PASS = 20;

export async function verifyStaleAccounts(everyMinutes: number): Promise<{ verified: number; repaired: number }> {
  // Claimed by moving last_verified_at first, so two dispatchers never verify the same account in one interval.
  const due = await db().$queryRaw<{ id: string }[]>`
    UPDATE sip_accounts SET last_verified_at = now()
    WHERE id IN (
      SELECT id FROM sip_accounts
      WHERE deleted_at IS NULL AND coalesce(last_verified_at, created_at) < now() - make_interval(mins => ${everyMinutes})
      ORDER BY coalesce(last_verified_at, created_at)
      LIMIT ${PER_PASS}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  let repaired = 0;
  for (const { id } of due) {
    const row = await db().sipAccount.findFirst({ where: { id, deletedAt: null }, include: { space: { select: { autoRepair: true } } } });
    if (!row) continue;
    const report = await verifyAccountRow(row, PERIODIC_VERIFY).catch((err: Error) => {
      console.error(`[periodic-verify] account ${id}:`, err.message);
      return null;
    });
    // Any LiveKit check failing counts here, new or not: automatic repair does not wait for news.
    if (!report || !row.space.autoRepair || newLiveKitDrift(null, report).length === 0) continue;
    const outcome = await provisionAccount(id);
    if (outcome.ok) {
      repaired++;
      // The card shows the state after the repair, not the drift that was just fixed.
      await verifyAccountRow(await db().sipAccount.findUniqueOrThrow({ where: { id } }), PERIODIC_VERIFY);
    }
  }
  return { verified: due.length, repaired };
}
