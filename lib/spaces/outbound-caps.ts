import "server-only";
import { roleAtLeast } from "@/lib/auth/roles";
import { capsOverCeilings, effectiveCaps, type OutboundCaps, type OutboundCapsView, type SpaceCaps } from "@/lib/calls/policy/caps";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import type { SpaceContext } from "./context";

// Settings → Outbound calls and PATCH /outbound-caps: the Space's own caps under the
// deployment's ceilings (lib/calls/policy/caps.ts).

export function capCeilings(): OutboundCaps {
  const env = serverEnv();
  return { callsPerMinute: env.OUTBOUND_CALLS_PER_MINUTE, concurrentCalls: env.OUTBOUND_CONCURRENT_CALLS, callsPerDay: env.OUTBOUND_CALLS_PER_DAY };
}

const columns = { outboundCallsPerMinute: true, outboundConcurrentCalls: true, outboundCallsPerDay: true } as const;

async function ownCaps(spaceId: string): Promise<SpaceCaps> {
  const row = await db().space.findUniqueOrThrow({ where: { id: spaceId }, select: columns });
  return { callsPerMinute: row.outboundCallsPerMinute, concurrentCalls: row.outboundConcurrentCalls, callsPerDay: row.outboundCallsPerDay };
}

function view(own: SpaceCaps): OutboundCapsView {
  const ceilings = capCeilings();
  return { own, ceilings, effective: effectiveCaps(own, ceilings) };
}

export async function getOutboundCaps(ctx: SpaceContext): Promise<OutboundCapsView> {
  return view(await ownCaps(ctx.spaceId));
}

/** Absent keys keep their value (PATCH); null takes the deployment's limit. */
export async function setOutboundCaps(ctx: SpaceContext, change: Partial<SpaceCaps>): Promise<OutboundCapsView> {
  if (!roleAtLeast(ctx.role, "ADMIN")) throw new ForbiddenError("Only owners and admins can change the Space's outbound caps.");
  const next: SpaceCaps = { ...(await ownCaps(ctx.spaceId)), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
  const over = capsOverCeilings(next, capCeilings());
  if (Object.keys(over).length > 0) throw new ValidationError("A cap is above this deployment's limit.", over);
  await db().space.update({
    where: { id: ctx.spaceId },
    data: { outboundCallsPerMinute: next.callsPerMinute, outboundConcurrentCalls: next.concurrentCalls, outboundCallsPerDay: next.callsPerDay },
  });
  return view(next);
}
