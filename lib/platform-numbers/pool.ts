import "server-only";
import { db } from "@/lib/db/client";
import { ConflictError, NotFoundError, UpstreamError, ValidationError } from "@/lib/errors";
import type { ProvisioningView } from "@/lib/sip-accounts/view";
import { emitNumberBinding } from "@/lib/phone-numbers/number-webhook-events";
import { platformVerification } from "@/lib/phone-numbers/ownership";
import { releasedNumberData } from "@/lib/phone-numbers/repository";
import { withAccountLock } from "@/lib/provisioning/account-lock";
import { changeAccountStrictly, provisionAccount } from "@/lib/provisioning/provision-account";
import { PLATFORM_ACCOUNT_ID } from "./platform-account";
import { platformSpaceId } from "./platform-space";
import type { AssignPlatformNumberInput } from "./schemas";

// The pool of platform numbers and their assignment to Spaces. A platform number is a bound
// number of a carrier account (an account of the platform Space). In the pool its row is the
// platform Space's; assigned, a new row of the Space's takes over the binding on the same
// account, so its calls, usage, suspension, agents, webhooks and scoping are the Space's as
// for its own numbers, and each Space's history keeps its own row. The global unique
// live_e164 keeps one live binding per number across pool, Spaces and their own accounts.

export type PlatformNumberView = {
  /** The id of the live row: the pool's while unassigned, the Space's while assigned. */
  id: string;
  number: string;
  label: string | null;
  carrier: { id: string; name: string };
  /** The Space it is assigned to; null while in the pool. */
  space: { id: string; name: string } | null;
  provisioning: ProvisioningView;
};

const include = { sipAccount: { select: { id: true, name: true } }, space: { select: { id: true, name: true, isPlatform: true } } } as const;

type Row = { id: string; e164: string; label: string | null; provisioningStatus: ProvisioningView["status"]; provisioningError: string | null; provisionedAt: Date | null; sipAccount: { id: string; name: string }; space: { id: string; name: string; isPlatform: boolean } };

function toView(row: Row): PlatformNumberView {
  return {
    id: row.id,
    number: row.e164,
    // A Space's label is the Space's own: the administrator sees the pool's.
    label: row.space.isPlatform ? row.label : null,
    carrier: row.sipAccount,
    space: row.space.isPlatform ? null : { id: row.space.id, name: row.space.name },
    provisioning: { status: row.provisioningStatus, reason: row.provisioningError, at: row.provisionedAt?.toISOString() ?? null },
  };
}

const NOT_IN_POOL = "Phone number not found";
export const ALREADY_ASSIGNED = "This platform number is already assigned to a Space. Unassign it first.";
export const NOT_ASSIGNED = "This platform number is in the pool already.";
const NO_SUCH_SPACE = "Choose a Space of this deployment.";

/** Every live number of the carrier accounts, in the pool or assigned, in number order. */
export async function listPlatformNumbers(): Promise<PlatformNumberView[]> {
  const rows = await db().phoneNumber.findMany({
    where: { liveE164: { not: null }, sipAccount: { deletedAt: null, space: { isPlatform: true } } },
    orderBy: { e164: "asc" },
    include,
  });
  return rows.map(toView);
}

async function findPlatformNumber(numberId: string): Promise<Row & { spaceId: string; sipAccountId: string }> {
  const row = await db().phoneNumber.findFirst({ where: { id: numberId, liveE164: { not: null }, sipAccount: { deletedAt: null, space: { isPlatform: true } } }, include });
  if (!row) throw new NotFoundError(NOT_IN_POOL);
  return row;
}

async function viewOf(numberId: string): Promise<PlatformNumberView> {
  return toView(await findPlatformNumber(numberId));
}

/**
 * Assigns a pool number to a Space: the pool's row is released and the Space's row takes the
 * binding (verified by this assignment), then the carrier account is converged (the number's
 * dispatch rule now dispatches with the Space's id). An assigned number is a 409.
 */
export async function assignPlatformNumber(numberId: string, input: AssignPlatformNumberInput): Promise<{ number: PlatformNumberView; provisioningFailed: boolean }> {
  const pool = await findPlatformNumber(numberId);
  if (!pool.space.isPlatform) throw new ConflictError(ALREADY_ASSIGNED, { spaceId: [ALREADY_ASSIGNED] });
  const target = await db().space.findFirst({ where: { id: input.spaceId, isPlatform: false }, select: { id: true } });
  if (!target) throw new ValidationError(NO_SUCH_SPACE, { spaceId: [NO_SUCH_SPACE] });
  const assignedId = await withAccountLock(pool.sipAccountId, async (tx) => {
    // The live condition makes a concurrent assignment or removal lose cleanly (409).
    const { count } = await tx.phoneNumber.updateMany({ where: { id: pool.id, spaceId: pool.spaceId, liveE164: { not: null } }, data: releasedNumberData() });
    if (count === 0) throw new ConflictError(ALREADY_ASSIGNED, { spaceId: [ALREADY_ASSIGNED] });
    const created = await tx.phoneNumber.create({
      data: { ...platformVerification(), spaceId: target.id, sipAccountId: pool.sipAccountId, e164: pool.e164, liveE164: pool.e164 },
      select: { id: true },
    });
    await emitNumberBinding(tx, "phone_number.bound", { id: created.id, spaceId: target.id, e164: pool.e164, sipAccountId: PLATFORM_ACCOUNT_ID });
    return created.id;
  });
  const outcome = await provisionAccount(pool.sipAccountId);
  const number = await viewOf(assignedId);
  return { number, provisioningFailed: !outcome.ok || number.provisioning.status !== "provisioned" };
}

/**
 * Returns an assigned number to the pool: the Space's row is released (its agents with it)
 * and the pool takes the binding again, LiveKit first (the dispatch rule stops naming the
 * Space and its agent), in the carrier account's lock. While LiveKit is unreachable nothing
 * changes, so LiveKit never routes the number to a Space that no longer holds it.
 */
export async function unassignPlatformNumber(numberId: string): Promise<PlatformNumberView> {
  const row = await findPlatformNumber(numberId);
  if (row.space.isPlatform) throw new ConflictError(NOT_ASSIGNED);
  const platformId = await platformSpaceId();
  let poolId = "";
  try {
    await changeAccountStrictly(row.sipAccountId, async (tx) => {
      const { count } = await tx.phoneNumber.updateMany({ where: { id: row.id, spaceId: row.spaceId, liveE164: { not: null } }, data: releasedNumberData() });
      if (count === 0) throw new ConflictError(NOT_ASSIGNED);
      await emitNumberBinding(tx, "phone_number.unbound", { id: row.id, spaceId: row.spaceId, e164: row.e164, sipAccountId: PLATFORM_ACCOUNT_ID });
      const poolLabel = await tx.phoneNumber.findFirst({ where: { spaceId: platformId, e164: row.e164 }, orderBy: { createdAt: "desc" }, select: { label: true } });
      poolId = (await tx.phoneNumber.create({
        data: { ...platformVerification(), spaceId: platformId, sipAccountId: row.sipAccountId, e164: row.e164, liveE164: row.e164, label: poolLabel?.label ?? null },
        select: { id: true },
      })).id;
    });
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    const what = err.kind === "unreachable" ? "LiveKit could not be reached" : "LiveKit refused the change";
    throw new UpstreamError(`${what}, so ${row.e164} stays assigned. Try again once LiveKit is back.`, err.kind, { cause: err.cause ?? err });
  }
  return viewOf(poolId);
}
