import "server-only";
import { db } from "@/lib/db/client";
import { NOISE_CAP } from "@/lib/edge/refusals";
import { refusalCauseText, type RefusalCauseName } from "@/lib/edge/refusal-explanations";

// The deployment's SIP noise: INVITEs the edge refused that match no account (no bound
// number, no account listing the address), so no tenant sees them. The administrator does
// (Admin → SIP noise): who is probing the edge, from where, for what. The newest NOISE_CAP
// are kept (lib/edge/refusals.ts).

export const NOISE_PAGE = 50;
const DAY_MS = 24 * 3600 * 1000;

export type SipNoiseRow = { id: string; refusedAt: string; calledNumber: string; from: string; sourceAddress: string; transport: string; explanation: string };
export type SipNoise = { lastDay: number; kept: number; cap: number; latest: SipNoiseRow[]; topSources: { sourceAddress: string; count: number }[] };

/** For the Admin page only: the caller checks the administrator (requireDeploymentAdmin). */
export async function readSipNoise(now = new Date()): Promise<SipNoise> {
  const noise = { spaceId: null } as const;
  const [lastDay, kept, rows, sources] = await Promise.all([
    db().refusedCall.count({ where: { ...noise, createdAt: { gt: new Date(now.getTime() - DAY_MS) } } }),
    db().refusedCall.count({ where: noise }),
    db().refusedCall.findMany({ where: noise, orderBy: { createdAt: "desc" }, take: NOISE_PAGE }),
    db().refusedCall.groupBy({ by: ["sourceAddress"], where: noise, _count: { _all: true }, orderBy: { _count: { sourceAddress: "desc" } }, take: 5 }),
  ]);
  return {
    lastDay,
    kept,
    cap: NOISE_CAP,
    latest: rows.map((r) => ({
      id: r.id,
      refusedAt: r.createdAt.toISOString(),
      calledNumber: r.calledNumber,
      from: r.fromNumber,
      sourceAddress: r.sourceAddress,
      transport: r.transport,
      explanation: refusalCauseText({ cause: r.cause as RefusalCauseName, sipCode: r.sipCode, calledNumber: r.calledNumber, matchedNumber: r.matchedNumber, sourceAddress: r.sourceAddress }),
    })),
    topSources: sources.map((s) => ({ sourceAddress: s.sourceAddress, count: s._count._all })),
  };
}
