import { z } from "zod";

// The Route tester's form and verdict (isomorphic: the form validates with the same schema).

export const routeTestInput = z.strictObject({
  calledNumber: z.string().trim().min(1, "Enter the number your PBX sends in To.").max(64),
  sourceAddress: z.string().trim().regex(/^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/, "Enter the PBX's IPv4 address, such as 203.0.113.7."),
  transport: z.enum(["udp", "tcp", "tls"]),
  authenticates: z.boolean(),
});
export type RouteTestInput = z.infer<typeof routeTestInput>;

export type RouteStep = { rule: string; outcome: "pass" | "refuse"; detail: string };
export type RouteVerdict = {
  /** "answered": LiveKit takes the call and dispatches the agent. */
  result: "answered" | "refused";
  /** What the PBX is answered when refused (404, 403, 407...), or null for no answer at all. */
  sipCode: number | null;
  steps: RouteStep[];
  account: { id: string; name: string } | null;
  number: string | null;
  inboundTrunkId: string | null;
  dispatchRuleId: string | null;
  agent: string | null;
};

