import "server-only";
import type { SipAccountSelfTest } from "@/lib/db/generated/prisma/client";
import { db } from "@/lib/db/client";
import { publicSipParameters } from "@/lib/platform/public-sip";
import { judgeSelfTest, type SelfTestResult, type SelfTestSnapshot } from "./judge";

// Reads what a self-test's verdict rests on: its outbound call, the first inbound call for the
// same number since the test began, and the edge's first refusal of a call for (or from) that
// number on this account since then. Both the page and the dispatcher's judge read it here.

export type SelfTestRooms = { outboundCallId: string; outRoom: string | null; outStatus: string; backCallId: string | null; backRoom: string | null; backStatus: string | null };

export const DEFAULT_AGENT_NAME = "the built-in default agent";

export async function readSelfTest(test: SipAccountSelfTest): Promise<{ snapshot: SelfTestSnapshot; rooms: SelfTestRooms }> {
  const since = { gte: test.startedAt };
  const [out, back, refusal, account, sip] = await Promise.all([
    db().call.findUniqueOrThrow({
      where: { id: test.outboundCallId },
      select: {
        status: true, sipStatusCode: true, failureReason: true, waitReason: true, answeredAt: true, endedAt: true, roomName: true,
        events: { where: { kind: "status:ringing" }, select: { at: true }, take: 1 },
      },
    }),
    db().call.findFirst({
      where: { spaceId: test.spaceId, direction: "inbound", phoneNumberId: test.phoneNumberId, createdAt: since },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, fromNumber: true, status: true, answeredAt: true, endedAt: true, roomName: true, agent: { select: { name: true } } },
    }),
    db().refusedCall.findFirst({
      where: { spaceId: test.spaceId, sipAccountId: test.sipAccountId, createdAt: since, OR: [{ matchedNumber: test.e164 }, { calledNumber: test.e164 }, { fromNumber: test.e164 }] },
      orderBy: { createdAt: "asc" },
      select: { cause: true, sipCode: true, calledNumber: true, matchedNumber: true, sourceAddress: true, createdAt: true },
    }),
    db().sipAccount.findUnique({ where: { id: test.sipAccountId }, select: { sipServerAddress: true } }),
    publicSipParameters(),
  ]);
  const snapshot: SelfTestSnapshot = {
    startedAt: test.startedAt,
    number: test.e164,
    pbxAddress: account?.sipServerAddress ?? "(no SIP server address)",
    ourSipDomain: sip.domain,
    out: {
      status: out.status,
      sipStatusCode: out.sipStatusCode,
      failureReason: out.failureReason,
      waitReason: out.status === "queued" ? out.waitReason : null,
      answeredAt: out.answeredAt,
      endedAt: out.endedAt,
      ringingAt: out.events[0]?.at ?? null,
    },
    back: back ? { createdAt: back.createdAt, fromNumber: back.fromNumber, status: back.status, answeredAt: back.answeredAt, endedAt: back.endedAt, agentName: back.agent?.name ?? DEFAULT_AGENT_NAME } : null,
    refusal: refusal ? { cause: refusal.cause, sipCode: refusal.sipCode, calledNumber: refusal.calledNumber, matchedNumber: refusal.matchedNumber, sourceAddress: refusal.sourceAddress, at: refusal.createdAt } : null,
  };
  return {
    snapshot,
    rooms: { outboundCallId: test.outboundCallId, outRoom: out.roomName, outStatus: out.status, backCallId: back?.id ?? null, backRoom: back?.roomName ?? null, backStatus: back?.status ?? null },
  };
}

/** What the dispatcher stores once the verdict is final: the verdict and the call that came back. */
export type StoredSelfTest = SelfTestResult & { inboundCallId: string | null };

/** The stored verdict once final (no reads: the history is polled), else judged now from the calls as they stand. */
export async function currentResult(test: SipAccountSelfTest): Promise<{ result: SelfTestResult; backCallId: string | null }> {
  if (test.result) {
    const { inboundCallId, ...result } = test.result as unknown as StoredSelfTest;
    return { result, backCallId: inboundCallId };
  }
  const { snapshot, rooms } = await readSelfTest(test);
  return { result: judgeSelfTest(snapshot, new Date()), backCallId: rooms.backCallId };
}
