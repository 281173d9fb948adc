import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { assertDestinationsAllowed, takeOutboundCaps } from "@/lib/calls/policy/enforce";
import { resolveCallOrigin } from "@/lib/calls/place-call";
import { queueCall } from "@/lib/calls/queue-call";
import type { Prisma } from "@/lib/db/generated/prisma/client";
import { db } from "@/lib/db/client";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { isLiveKitConfigured } from "@/lib/livekit/client";
import { addFinishSelfTestJob } from "@/lib/queue/jobs";
import type { SpaceContext } from "@/lib/spaces/context";
import { SELF_TEST_DEADLINE_MS } from "./judge";
import type { StartSelfTestInput } from "./schemas";
import { SELF_TEST_HISTORY, toSelfTestView, type SelfTestView } from "./view";

// Starts a round-trip self-test: one of the account's own numbers is called, from itself,
// through the account's outbound trunk, as an ordinary queued call (the same checks, limits and
// dispatcher as any call). The PBX should route it straight back in; the dispatcher's
// finish_self_test job judges the legs and hangs both calls up once the verdict is final.

export async function startSelfTest(ctx: SpaceContext, accountId: string, input: StartSelfTestInput): Promise<SelfTestView> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can run the self-test: it places a call.");
  const account = await db().sipAccount.findFirst({
    where: { id: accountId, spaceId: ctx.spaceId, deletedAt: null },
    select: { id: true, sipServerAddress: true, phoneNumbers: { where: { liveE164: { not: null } }, orderBy: { e164: "asc" }, select: { id: true, e164: true, inboundAgentId: true } } },
  });
  if (!account) throw new NotFoundError("Custom SIP account not found");
  if (!account.sipServerAddress) {
    throw new ValidationError("The self-test calls out through this account, and it has no SIP server address. Add one first.", { _form: ["The self-test calls out through this account, and it has no SIP server address. Add one first."] });
  }
  const number = pickNumber(account.phoneNumbers, input.number);
  const running = await db().sipAccountSelfTest.findFirst({ where: { sipAccountId: accountId, finishedAt: null, startedAt: { gt: new Date(Date.now() - SELF_TEST_DEADLINE_MS - 30_000) } }, select: { id: true } });
  if (running) throw new ConflictError("A self-test of this account is already running; wait for its verdict.");

  const origin = await resolveCallOrigin(ctx, number.e164, null);
  assertDestinationsAllowed(origin.policy, [{ field: "number", to: number.e164 }]);
  const caps = await takeOutboundCaps(ctx, 1, true);
  try {
    const testId = await db().$transaction(async (tx) => {
      const callId = await queueCall(tx, ctx, origin, { to: number.e164, scheduledAt: null, retryPolicy: null, variables: null, selfTest: true }, isLiveKitConfigured());
      await tx.callEvent.create({ data: { callId, kind: "self_test", detail: "The outbound leg of a round-trip self-test" } });
      const test = await tx.sipAccountSelfTest.create({
        data: { spaceId: ctx.spaceId, sipAccountId: accountId, phoneNumberId: number.id, e164: number.e164, outboundCallId: callId, startedBy: ctx.apiKeyId ? "an API key" : "a member" },
        select: { id: true },
      });
      await addFinishSelfTestJob(tx, test.id, new Date(Date.now() + 1000));
      await pruneHistory(tx, accountId);
      return test.id;
    });
    return toSelfTestView(await db().sipAccountSelfTest.findUniqueOrThrow({ where: { id: testId } }));
  } catch (err) {
    await caps.refund();
    throw err;
  }
}

type NumberRow = { id: string; e164: string; inboundAgentId: string | null };

function pickNumber(numbers: NumberRow[], wanted: string | undefined): NumberRow {
  if (numbers.length === 0) {
    throw new ValidationError("Bind a number to this account first: the self-test calls one of its numbers.", { number: ["Bind a number to this account first: the self-test calls one of its numbers."] });
  }
  if (wanted === undefined) return numbers.find((n) => n.inboundAgentId) ?? numbers[0]!;
  const found = numbers.find((n) => n.e164 === wanted);
  if (!found) throw new ValidationError("Choose one of this account's bound numbers.", { number: ["Choose one of this account's bound numbers."] });
  return found;
}

/** Keeps the newest SELF_TEST_HISTORY tests of the account (the one just added included). */
async function pruneHistory(tx: Prisma.TransactionClient, accountId: string): Promise<void> {
  const keep = await tx.sipAccountSelfTest.findMany({ where: { sipAccountId: accountId }, orderBy: { startedAt: "desc" }, take: SELF_TEST_HISTORY, select: { id: true } });
  await tx.sipAccountSelfTest.deleteMany({ where: { sipAccountId: accountId, id: { notIn: keep.map((k) => k.id) } } });
}
