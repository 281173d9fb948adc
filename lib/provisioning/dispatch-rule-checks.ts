import "server-only";
import type { LiveKitClients } from "@/lib/livekit/client";
import { listDispatchRules, pendingTrunkId } from "@/lib/livekit/dispatch-rules";
import { serverEnv } from "@/lib/env";
import { desiredDispatchRules, type NumberForProvisioning } from "./desired-dispatch-rules";
import { dispatchRuleDrift } from "./dispatch-rule-drift";
import { isMarkedFor, readMarker } from "./marker";

// For Verify's "Numbers in sync": which bound numbers lack their dispatch rule in LiveKit,
// which rules differ, and which rules of the account no bound number wants. List calls
// only; throws UpstreamError when LiveKit cannot be asked.

export async function dispatchRuleProblems(
  account: { id: string; spaceId: string },
  inboundTrunkId: string | null,
  numbers: (NumberForProvisioning & { dispatchRuleId: string | null })[],
  lk?: LiveKitClients,
): Promise<string[]> {
  if (!inboundTrunkId) return numbers.length ? [`no dispatch rules can exist without the inbound trunk (${numbers.map((n) => n.e164).join(", ")})`] : [];
  const listed = await listDispatchRules({ trunkIds: [inboundTrunkId, pendingTrunkId(account.id)] }, lk);
  const storedIds = numbers.map((n) => n.dispatchRuleId).filter((id): id is string => !!id && !listed.some((r) => r.id === id));
  const all = storedIds.length ? [...listed, ...(await listDispatchRules({ ids: storedIds }, lk))] : listed;
  const marked = all.filter((r) => isMarkedFor(r.metadata, account.id, "dispatch-rule"));
  const byNumber = new Map(numbers.map((n) => [n.e164, n]));
  const problems: string[] = [];
  for (const want of desiredDispatchRules(account, inboundTrunkId, numbers, serverEnv().AGENT_NAME)) {
    const storedId = byNumber.get(want.number)?.dispatchRuleId;
    const rule = all.find((r) => r.id === storedId) ?? marked.find((r) => readMarker(r.metadata)?.number === want.number);
    if (!rule) problems.push(`no dispatch rule for ${want.number}`);
    else {
      const drift = dispatchRuleDrift(rule, want.spec);
      if (drift.length) problems.push(`the dispatch rule of ${want.number} differs (${drift.join("; ")})`);
    }
  }
  const extra = marked.filter((r) => !byNumber.has(readMarker(r.metadata)?.number ?? ""));
  if (extra.length) problems.push(`dispatch rules for numbers not bound in the console: ${extra.map((r) => readMarker(r.metadata)?.number ?? r.id).join(", ")}`);
  return problems;
}
