import type { DispatchRule, DispatchRuleSpec } from "@/lib/livekit/dispatch-rules";
import { readMarker } from "./marker";

// How a dispatch rule in LiveKit differs from what the database wants, in words an operator
// reads (Reprovision's report, Verify). An empty list means the rule matches.

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

export function dispatchRuleDrift(rule: DispatchRule, spec: DispatchRuleSpec): string[] {
  const out: string[] = [];
  if (rule.kind !== "individual" || rule.roomPrefix !== spec.roomPrefix || rule.pin !== "") out.push("room settings differ");
  if (!sameSet(rule.trunkIds, spec.trunkIds)) out.push(`trunks differ (LiveKit has ${rule.trunkIds.join(", ") || "none"})`);
  if (!sameSet(rule.numbers, spec.numbers)) out.push(`numbers differ (LiveKit has ${rule.numbers.join(", ") || "none"})`);
  const [agent, ...more] = rule.agents;
  if (!agent || more.length > 0 || agent.name !== spec.agent.name) out.push("agent dispatch differs");
  else if (agent.metadata !== spec.agent.metadata) out.push("agent assignment differs");
  const actual = readMarker(rule.metadata);
  const wanted = readMarker(spec.metadata);
  if (!actual || !wanted || actual.accountId !== wanted.accountId || actual.role !== wanted.role || actual.number !== wanted.number) {
    out.push("the console's marker is missing from the rule's metadata");
  }
  if (rule.name !== spec.name) out.push(`name differs ("${rule.name}")`);
  return out;
}
