import "server-only";
import type { SipAccountSelfTest } from "@/lib/db/generated/prisma/client";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { SpaceContext } from "@/lib/spaces/context";
import { findLiveAccount } from "../repository";
import type { SelfTestResult } from "./judge";
import { currentResult } from "./snapshot";

// A self-test as the account page and REST show it: the verdict (stored once final, judged
// live before that), each leg, and the two calls it placed and received.

export type SelfTestView = {
  id: string;
  accountId: string;
  number: string;
  startedAt: string;
  startedBy: string;
  finishedAt: string | null;
  /** The outbound leg's call, and the inbound call that came back (when it did): both in the call log. */
  outboundCallId: string;
  inboundCallId: string | null;
} & SelfTestResult;

/** How many tests of an account the history keeps (older ones are deleted as new ones start). */
export const SELF_TEST_HISTORY = 20;

export async function toSelfTestView(test: SipAccountSelfTest): Promise<SelfTestView> {
  const { result, backCallId } = await currentResult(test);
  return {
    id: test.id,
    accountId: test.sipAccountId,
    number: test.e164,
    startedAt: test.startedAt.toISOString(),
    startedBy: test.startedBy,
    finishedAt: test.finishedAt?.toISOString() ?? null,
    outboundCallId: test.outboundCallId,
    inboundCallId: backCallId,
    ...result,
  };
}

/** The account's self-tests, newest first. */
export async function listSelfTests(ctx: SpaceContext, accountId: string): Promise<{ items: SelfTestView[] }> {
  await findLiveAccount(ctx, accountId);
  const tests = await db().sipAccountSelfTest.findMany({ where: { sipAccountId: accountId, spaceId: ctx.spaceId }, orderBy: { startedAt: "desc" }, take: SELF_TEST_HISTORY });
  return { items: await Promise.all(tests.map(toSelfTestView)) };
}

export async function getSelfTest(ctx: SpaceContext, accountId: string, testId: string): Promise<SelfTestView> {
  const test = await db().sipAccountSelfTest.findFirst({ where: { id: testId, sipAccountId: accountId, spaceId: ctx.spaceId } });
  if (!test) throw new NotFoundError("Self-test not found");
  return toSelfTestView(test);
}
