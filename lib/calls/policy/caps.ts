import { z } from "zod";

// A Space's outbound caps: calls per minute, calls at once, calls per UTC day. The deployment
// sets a ceiling for each (OUTBOUND_* in the environment); a Space may lower its own caps,
// never raise them past the ceiling. Isomorphic: the Settings form, the action, the REST
// route, the calls service and the dispatcher share it.

export const capNames = ["callsPerMinute", "concurrentCalls", "callsPerDay"] as const;
export type CapName = (typeof capNames)[number];
export type OutboundCaps = Record<CapName, number>;
/** What a Space chose: null takes the deployment's ceiling. */
export type SpaceCaps = Record<CapName, number | null>;

export const capLabels: Record<CapName, { label: string; unit: string }> = {
  callsPerMinute: { label: "Calls per minute", unit: "calls per minute" },
  concurrentCalls: { label: "Concurrent calls", unit: "concurrent calls" },
  callsPerDay: { label: "Calls per day (UTC)", unit: "calls per day" },
};

const CAP_MAX = 1_000_000;

/** The cap in force: the Space's own, else the ceiling, never above the ceiling. */
export function effectiveCaps(space: SpaceCaps, ceilings: OutboundCaps): OutboundCaps {
  const pick = (n: CapName) => Math.min(space[n] ?? ceilings[n], ceilings[n]);
  return { callsPerMinute: pick("callsPerMinute"), concurrentCalls: pick("concurrentCalls"), callsPerDay: pick("callsPerDay") };
}

/** Field errors for caps above the ceilings (the schema cannot know them in the browser). */
export function capsOverCeilings(space: SpaceCaps, ceilings: OutboundCaps): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const n of capNames) {
    const v = space[n];
    if (v !== null && v > ceilings[n]) out[n] = [`At most ${ceilings[n].toLocaleString("en")}: this deployment's limit of ${capLabels[n].unit} per Space.`];
  }
  return out;
}

const capText = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{1,7}$/.test(v) && Number(v) >= 1 && Number(v) <= CAP_MAX), `Enter a whole number from 1 to ${CAP_MAX.toLocaleString("en")}, or leave it empty for this deployment's limit.`);

/** The Settings form: text, "" meaning the deployment's limit. */
export const outboundCapsFields = z.object({ callsPerMinute: capText, concurrentCalls: capText, callsPerDay: capText });
export type OutboundCapsFields = z.input<typeof outboundCapsFields>;
/** What the service stores. */
export const outboundCapsInput = outboundCapsFields.transform((v): SpaceCaps => ({
  callsPerMinute: v.callsPerMinute === "" ? null : Number(v.callsPerMinute),
  concurrentCalls: v.concurrentCalls === "" ? null : Number(v.concurrentCalls),
  callsPerDay: v.callsPerDay === "" ? null : Number(v.callsPerDay),
}));

const capNumber = z.int().min(1).max(CAP_MAX).nullable().optional();
/** PATCH /outbound-caps: absent keeps, null takes the deployment's limit, a number lowers it. */
export const updateOutboundCapsBody = z.strictObject({
  callsPerMinute: capNumber.meta({ description: "Outbound calls the Space may place per minute. null: the deployment's limit." }),
  concurrentCalls: capNumber.meta({ description: "Outbound calls of the Space dialling, ringing or up at once; more wait in the queue. null: the deployment's limit." }),
  callsPerDay: capNumber.meta({ description: "Outbound calls the Space may place per UTC day (a batch counts all its calls when it is created). null: the deployment's limit." }),
});

export type OutboundCapsView = {
  /** The Space's own caps (null: the deployment's limit). */
  own: SpaceCaps;
  /** The deployment's limits. */
  ceilings: OutboundCaps;
  /** What is enforced. */
  effective: OutboundCaps;
};

/** The refusals, in the operator's words (429 with Retry-After). */
export const capMessages = {
  callsPerMinute: (cap: number, wait: number) => `This Space may place ${cap} calls per minute; try again in ${wait} s.`,
  callsPerDay: (cap: number, wait: number, asked = 1) =>
    asked > 1 ? `This Space may place ${cap.toLocaleString("en")} calls per day (UTC) and these ${asked.toLocaleString("en")} calls would go over it; try again in ${wait} s, or send fewer.` : `This Space may place ${cap.toLocaleString("en")} calls per day (UTC); try again in ${wait} s.`,
  concurrentCalls: (cap: number) => `This Space already has ${cap} ${cap === 1 ? "call" : "calls"} in progress, its limit; try again when one ends.`,
};
