import "server-only";
import { db } from "@/lib/db/client";
import { provisionAccount } from "./provision-account";

// Provisioning that heals itself: an account (and its numbers) left Not provisioned because
// LiveKit was unreachable carries `healAt`; the dispatcher calls this every few seconds and
// provisions the accounts whose time has come, exactly as Reprovision in place would, with
// no click. Success clears `healAt`; another failure sets it again, further out
// (heal-schedule.ts). Any number of dispatchers: each claims its accounts first.

/** Accounts one pass takes; the rest wait for the next pass. */
const PER_PASS = 10;
/** A claim outlives a dispatcher that died mid-pass by this much, then the account is due again. */
const CLAIM_SECONDS = 120;

export async function healDueAccounts(): Promise<{ tried: number; healed: number }> {
  const due = await db().$queryRaw<{ id: string }[]>`
    UPDATE sip_accounts SET heal_retries = heal_retries + 1, heal_at = now() + make_interval(secs => ${CLAIM_SECONDS})
    WHERE id IN (
      SELECT id FROM sip_accounts
      WHERE heal_at <= now() AND deleted_at IS NULL
      ORDER BY heal_at
      LIMIT ${PER_PASS}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING id`;
  let healed = 0;
  for (const { id } of due) {
    const outcome = await provisionAccount(id).catch((err: Error) => {
      console.error(`[self-heal] account ${id}:`, err.message);
      return { ok: false as const };
    });
    if (outcome.ok) healed++;
  }
  return { tried: due.length, healed };
}
