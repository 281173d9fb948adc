import "server-only";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { summarise } from "./aggregate";
import { monthStartUtc, nextMonthStartUtc } from "./period";
import type { UsageQuery, UsageReport, UsageRow } from "./schemas";

// Usage of a Space, computed from the call log every time (no counters to drift): calls and
// billable seconds (durationSeconds: answer to hang-up) per UTC day of the call's creation,
// direction and number.

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export async function spaceUsage(ctx: Pick<SpaceContext, "spaceId">, query: Pick<UsageQuery, "from" | "to">, now = new Date()): Promise<UsageReport> {
  const from = query.from ?? isoDay(monthStartUtc(now));
  const to = query.to ?? isoDay(now);
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000);
  const raw = await db().$queryRaw<{ day: string; direction: "inbound" | "outbound"; number: string; calls: number; seconds: number }[]>`
    SELECT to_char(created_at, 'YYYY-MM-DD') AS day, direction::text AS direction,
           CASE WHEN direction = 'outbound' THEN from_number ELSE to_number END AS number,
           count(*)::int AS calls, coalesce(sum(duration_seconds), 0)::int AS seconds
      FROM calls
     WHERE space_id = ${ctx.spaceId} AND created_at >= ${start} AND created_at < ${end}
     GROUP BY 1, 2, 3
     ORDER BY 1, 2, 3`;
  const rows: UsageRow[] = raw.map((r) => ({ day: r.day, direction: r.direction, number: r.number, calls: r.calls, billableSeconds: r.seconds }));
  const [space, thisMonth] = await Promise.all([
    db().space.findUniqueOrThrow({ where: { id: ctx.spaceId }, select: { monthlyMinutesLimit: true } }),
    billableSecondsThisMonth(ctx.spaceId, now),
  ]);
  return { from, to, ...summarise(rows), rows, monthlyMinutesLimit: space.monthlyMinutesLimit, billableSecondsThisMonth: thisMonth };
}

/** Billable seconds of the Space's calls created in `now`'s UTC month, both directions. */
export async function billableSecondsThisMonth(spaceId: string, now = new Date(), client: Pick<ReturnType<typeof db>, "call"> = db()): Promise<number> {
  const sum = await client.call.aggregate({ where: { spaceId, createdAt: { gte: monthStartUtc(now), lt: nextMonthStartUtc(now) } }, _sum: { durationSeconds: true } });
  return sum._sum.durationSeconds ?? 0;
}
