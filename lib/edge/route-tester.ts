import "server-only";
import { db } from "@/lib/db/client";
import type { SpaceContext } from "@/lib/spaces/context";
import { parseCalledNumber } from "./called-number";
import { edgeMode } from "./edge-mode";
import { addressAllowed } from "@/lib/net/address-in-list";
import { findCalledNumber } from "./route-inbound";
import type { RouteTestInput, RouteStep, RouteVerdict } from "./route-test-schema";

// The Route tester: what would happen to an INVITE with these facts, step by step, by the
// same rules the SIP edge and LiveKit apply (route-inbound.ts for the edge; exact To match,
// allowed addresses and digest for LiveKit). Reads only; records nothing. It answers within
// the caller's Space: a number bound in another Space reads as not bound here, as it must.

const refused = (steps: RouteStep[], sipCode: number | null, partial: Partial<RouteVerdict> = {}): RouteVerdict => ({
  result: "refused", sipCode, steps, account: null, number: null, inboundTrunkId: null, dispatchRuleId: null, agent: null, ...partial,
});

export async function testRoute(ctx: SpaceContext, input: RouteTestInput): Promise<RouteVerdict> {
  const steps: RouteStep[] = [];
  const viaEdge = edgeMode();
  const parsed = parseCalledNumber(input.calledNumber);
  const found = parsed ? await findCalledNumber(input.calledNumber) : null;
  const bound = found && found.spaceId === ctx.spaceId ? found : null;
  if (!bound) {
    steps.push({ rule: "Called number", outcome: "refuse", detail: parsed ? `No account of this Space has ${input.calledNumber} bound (tried ${parsed.exact.join(", ")}${parsed.national ? " and the national forms of your numbers" : ""}).` : `${input.calledNumber} is not a phone number.` });
    return refused(steps, viaEdge ? 404 : null);
  }
  steps.push({ rule: "Called number", outcome: "pass", detail: input.calledNumber === bound.e164 ? `${bound.e164} is bound.` : `${input.calledNumber} matches the bound ${bound.e164}${viaEdge ? "; the edge sends it to LiveKit in E.164 form" : " only in edge mode: LiveKit alone matches the To number exactly"}.` });
  if (!viaEdge && input.calledNumber !== bound.e164) return refused(steps, null);

  const row = await db().phoneNumber.findFirst({
    where: { liveE164: bound.e164, spaceId: ctx.spaceId },
    select: { dispatchRuleId: true, inboundAgent: { select: { name: true } }, sipAccount: { select: { id: true, name: true, inboundTrunkId: true, inboundUsername: true, allowedInboundIps: true } } },
  });
  if (!row) return refused(steps, viaEdge ? 404 : null);
  const acct = row.sipAccount;
  const facts = { account: { id: acct.id, name: acct.name }, number: bound.e164, inboundTrunkId: acct.inboundTrunkId, dispatchRuleId: row.dispatchRuleId };

  if (acct.allowedInboundIps.length > 0 && !addressAllowed(input.sourceAddress, acct.allowedInboundIps)) {
    steps.push({ rule: "Allowed inbound IPs", outcome: "refuse", detail: `${input.sourceAddress} is not in ${acct.name}'s list (${acct.allowedInboundIps.join(", ")}).` });
    return refused(steps, viaEdge ? 403 : null, facts);
  }
  steps.push({ rule: "Allowed inbound IPs", outcome: "pass", detail: acct.allowedInboundIps.length > 0 ? `${input.sourceAddress} is allowed.` : "The account relies on its inbound password instead." });

  if (acct.inboundUsername && !input.authenticates) {
    steps.push({ rule: "Inbound authentication", outcome: "refuse", detail: `LiveKit challenges with 407 and ${acct.name} expects the PBX to answer with username ${acct.inboundUsername}.` });
    return refused(steps, 407, facts);
  }
  steps.push({ rule: "Inbound authentication", outcome: "pass", detail: acct.inboundUsername ? `LiveKit challenges with 407; the PBX must answer with username ${acct.inboundUsername} and the account's password.` : "None: the address is the proof." });

  if (input.transport === "tls") {
    steps.push({ rule: "Transport", outcome: "refuse", detail: "The SIP port here takes UDP and TCP: a TLS INVITE never arrives. Set the PBX's trunk to UDP or TCP." });
    return refused(steps, null, facts);
  }
  steps.push({ rule: "Trunk and dispatch rule", outcome: "pass", detail: `Inbound trunk ${acct.inboundTrunkId ?? "(not provisioned yet)"}, dispatch rule ${row.dispatchRuleId ?? "(not provisioned yet)"}.` });
  const agent = row.inboundAgent?.name ?? "the built-in default agent";
  steps.push({ rule: "Agent", outcome: "pass", detail: `${agent} answers.` });
  return { result: "answered", sipCode: null, steps, ...facts, agent };
}
