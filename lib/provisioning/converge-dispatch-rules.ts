import "server-only";
import type { LiveKitClients } from "@/lib/livekit/client";
import { createDispatchRule, deleteDispatchRule, listDispatchRules, pendingTrunkId, updateDispatchRule, type DispatchRule } from "@/lib/livekit/dispatch-rules";
import { LiveKitError } from "@/lib/livekit/errors";
import type { DesiredDispatchRule } from "./desired-dispatch-rules";
import { dispatchRuleDrift } from "./dispatch-rule-drift";
import { isMarkedFor, readMarker } from "./marker";
import type { SweepSnapshot } from "./sweep-snapshot";

// Makes LiveKit's dispatch rules for one account equal the desired ones (one per number).
// A rule is found by its stored id, else adopted by the marker naming its number, and
// updated in place (same id, so an agent change never leaves a moment without a rule);
// missing rules are created; marked rules of the account that no number wants are removed.
// A rule LiveKit refuses fails only its own number; LiveKit unreachable fails the whole run.

export type RuleConvergeResult = {
  /** phoneNumberId -> rule id, for every number whose rule is in place. */
  ruleIds: Map<string, string>;
  /** phoneNumberId -> plain reason, for numbers whose rule LiveKit refused. */
  failures: Map<string, string>;
  changes: string[];
};

type Options = {
  /**
   * List every rule in LiveKit (true: Reprovision), or the account's trunk's rules plus the
   * rules a snapshot saw marked for it (Refresh all); otherwise only the account's trunk's
   * rules and the stored ids.
   */
  sweep: boolean | SweepSnapshot;
  lk?: LiveKitClients;
};

async function candidates(accountId: string, inboundTrunkId: string, knownIds: string[], { sweep, lk }: Options): Promise<DispatchRule[]> {
  const listed = sweep === true ? await listDispatchRules({}, lk) : await listDispatchRules({ trunkIds: [inboundTrunkId, pendingTrunkId(accountId)] }, lk);
  // Rules still on an old trunk id (the inbound trunk was recreated) are found by their ids,
  // and so are the snapshot's marked rules, read again as they are now.
  const seen = new Set(listed.map((r) => r.id));
  const wanted = typeof sweep === "object" ? [...knownIds, ...sweep.markedIds(accountId, "dispatch-rule")] : knownIds;
  const missing = [...new Set(wanted)].filter((id) => !seen.has(id));
  return missing.length > 0 ? [...listed, ...(await listDispatchRules({ ids: missing }, lk))] : listed;
}

function refused(err: unknown): err is LiveKitError {
  return err instanceof LiveKitError && err.kind === "rejected";
}

export async function convergeDispatchRules(
  accountId: string,
  inboundTrunkId: string,
  desired: DesiredDispatchRule[],
  known: Map<string, string | null>,
  options: Options,
): Promise<RuleConvergeResult> {
  const { lk } = options;
  const result: RuleConvergeResult = { ruleIds: new Map(), failures: new Map(), changes: [] };
  const knownIds = [...known.values()].filter((id): id is string => !!id);
  const all = await candidates(accountId, inboundTrunkId, knownIds, options);
  const marked = all.filter((r) => isMarkedFor(r.metadata, accountId, "dispatch-rule"));
  const used = new Set<string>();
  const plan = desired.map((want) => {
    const knownId = known.get(want.phoneNumberId);
    const chosen =
      all.find((r) => r.id === knownId && !used.has(r.id)) ??
      marked.find((r) => !used.has(r.id) && readMarker(r.metadata)?.number === want.number);
    if (chosen) used.add(chosen.id);
    return { want, chosen };
  });

  // Unwanted rules go first: a half-made one still on the pending trunk id would otherwise
  // clash with the next rule created there (two rules without numbers on one trunk).
  for (const rule of marked.filter((r) => !used.has(r.id))) {
    await deleteDispatchRule(rule.id, lk);
    const number = readMarker(rule.metadata)?.number;
    result.changes.push(`Removed the dispatch rule of ${number ?? "an unbound number"} (${rule.id})`);
  }

  for (const { want, chosen } of plan) {
    try {
      if (chosen) {
        const drift = dispatchRuleDrift(chosen, want.spec);
        if (drift.length > 0) {
          await updateDispatchRule(chosen.id, want.spec, lk);
          result.changes.push(`Updated the dispatch rule of ${want.number} (${drift.join("; ")})`);
        }
        result.ruleIds.set(want.phoneNumberId, chosen.id);
      } else {
        const created = await createDispatchRule(want.spec, accountId, lk);
        result.ruleIds.set(want.phoneNumberId, created.id);
        result.changes.push(`Created the dispatch rule of ${want.number}`);
      }
    } catch (err) {
      if (!refused(err)) throw err;
      console.error(`[provisioning] dispatch rule of ${want.number} (account ${accountId}):`, err.cause ?? err);
      result.failures.set(want.phoneNumberId, `LiveKit refused this number's dispatch rule: ${err.publicMessage} Use Reprovision on its account after fixing it.`);
    }
  }
  return result;
}

/** Removes every dispatch rule of the account: by stored id and by marker. */
export async function removeDispatchRules(accountId: string, knownIds: string[], lk?: LiveKitClients): Promise<void> {
  const known = new Set(knownIds);
  const rules = (await listDispatchRules({}, lk)).filter((r) => known.has(r.id) || isMarkedFor(r.metadata, accountId, "dispatch-rule"));
  for (const rule of rules) await deleteDispatchRule(rule.id, lk);
}
