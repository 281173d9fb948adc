import "server-only";
import { RoomAgentDispatch, RoomConfiguration, SIPDispatchRule, SIPDispatchRuleIndividual, SIPDispatchRuleInfo } from "@livekit/protocol";
import { defaultLiveKit, type LiveKitClients } from "./client";
import { callLiveKit, LiveKitError } from "./errors";

// LiveKit SIP dispatch rules in our own words. We only ever make `individual` rules (a new
// room per call, so the agent dispatch in the room configuration applies to every call),
// scoped to trunk ids and to the called numbers. Updates replace the whole rule and keep its
// id, so assigning another agent never leaves a moment without a rule.

export type DispatchRuleSpec = {
  name: string;
  /** The console's marker (lib/provisioning/marker.ts). */
  metadata: string;
  /** Inbound trunks whose calls this rule takes; never empty (an unscoped rule catches calls that matched no trunk). */
  trunkIds: string[];
  /** Called numbers (E.164, exactly as the PBX sends them in the To header). */
  numbers: string[];
  /** Rooms are named `<roomPrefix>_<caller>_<random>`. */
  roomPrefix: string;
  /** The agent worker dispatched into each new room; `metadata` reaches it as the job's metadata. */
  agent: { name: string; metadata: string };
};

export type DispatchRule = {
  id: string;
  name: string;
  metadata: string;
  trunkIds: string[];
  numbers: string[];
  /** "other" for rule kinds the console never creates (direct, callee). */
  kind: "individual" | "other";
  roomPrefix: string;
  pin: string;
  agents: { name: string; metadata: string }[];
};

function toRule(info: SIPDispatchRuleInfo): DispatchRule {
  const rule = info.rule?.rule;
  const individual = rule?.case === "dispatchRuleIndividual" ? rule.value : undefined;
  return {
    id: info.sipDispatchRuleId,
    name: info.name,
    metadata: info.metadata,
    trunkIds: [...info.trunkIds],
    numbers: [...info.numbers],
    kind: individual ? "individual" : "other",
    roomPrefix: individual?.roomPrefix ?? "",
    pin: individual?.pin ?? "",
    agents: (info.roomConfig?.agents ?? []).map((a) => ({ name: a.agentName, metadata: a.metadata })),
  };
}

function assertScoped(spec: DispatchRuleSpec): void {
  // A rule without trunk ids or numbers would take calls meant for other accounts.
  if (spec.trunkIds.length === 0 || spec.trunkIds.some((t) => t === "")) throw new Error("A dispatch rule must be scoped to trunk ids");
  if (spec.numbers.length === 0) throw new Error("A dispatch rule must name its numbers");
}

function roomConfig(spec: DispatchRuleSpec): RoomConfiguration {
  return new RoomConfiguration({ agents: [new RoomAgentDispatch({ agentName: spec.agent.name, metadata: spec.agent.metadata })] });
}

function ruleInfo(spec: DispatchRuleSpec, id: string): SIPDispatchRuleInfo {
  return new SIPDispatchRuleInfo({
    sipDispatchRuleId: id,
    rule: new SIPDispatchRule({ rule: { case: "dispatchRuleIndividual", value: new SIPDispatchRuleIndividual({ roomPrefix: spec.roomPrefix }) } }),
    trunkIds: spec.trunkIds,
    numbers: spec.numbers,
    name: spec.name,
    metadata: spec.metadata,
    roomConfig: roomConfig(spec),
  });
}

/**
 * A trunk id no trunk has. The SDK's create cannot set `numbers`, and a rule on the real
 * trunk without numbers would, until it is replaced, take the calls of every number on the
 * trunk that has no rule yet (and conflict with any other numberless rule there). Created on
 * this id instead, the rule matches no call until the replace puts it in place.
 */
export function pendingTrunkId(scope: string): string {
  return `switchboard-pending-${scope}`;
}

/**
 * Creates the rule and puts it in place: create on a pending trunk id, then replace with the
 * full spec under the same id. `pendingScope` names the pending trunk id (e.g. the account),
 * so a rule left half-made by a crash can be listed again and adopted through its marker.
 */
export async function createDispatchRule(spec: DispatchRuleSpec, pendingScope: string, lk: LiveKitClients = defaultLiveKit()): Promise<DispatchRule> {
  assertScoped(spec);
  const created = await callLiveKit("create the dispatch rule", () =>
    lk.sip.createSipDispatchRule(
      { type: "individual", roomPrefix: spec.roomPrefix },
      { name: spec.name, metadata: spec.metadata, trunkIds: [pendingTrunkId(pendingScope)], roomConfig: roomConfig(spec) },
    ),
  );
  return updateDispatchRule(created.sipDispatchRuleId, spec, lk);
}

/** Replaces the whole rule in place: same id, every field from `spec`. */
export async function updateDispatchRule(id: string, spec: DispatchRuleSpec, lk: LiveKitClients = defaultLiveKit()): Promise<DispatchRule> {
  assertScoped(spec);
  const updated = await callLiveKit("update the dispatch rule", () => lk.sip.updateSipDispatchRule(id, ruleInfo(spec, id)));
  return toRule(updated);
}

/**
 * Rules with the given ids, or those containing one of `trunkIds` (LiveKit also returns
 * unscoped rules then), or every rule. Unknown ids are left out.
 */
export async function listDispatchRules(filter: { ids?: string[]; trunkIds?: string[] } = {}, lk: LiveKitClients = defaultLiveKit()): Promise<DispatchRule[]> {
  if (filter.ids?.length === 0 || filter.trunkIds?.length === 0) return [];
  const items = await callLiveKit("list the dispatch rules", () =>
    lk.sip.listSipDispatchRule({
      ...(filter.ids ? { dispatchRuleIds: filter.ids } : {}),
      ...(filter.trunkIds ? { trunkIds: filter.trunkIds } : {}),
    }),
  );
  // A list by ids answers a placeholder for each id it does not know.
  return items.filter((r) => !!r && r.sipDispatchRuleId !== "").map(toRule);
}

/** Deletes a rule. Deleting a rule that no longer exists succeeds (LiveKit answers 404). */
export async function deleteDispatchRule(id: string, lk: LiveKitClients = defaultLiveKit()): Promise<void> {
  try {
    await callLiveKit("delete the dispatch rule", () => lk.sip.deleteSipDispatchRule(id));
  } catch (err) {
    if (err instanceof LiveKitError && err.status === 404) return;
    throw err;
  }
}
