import type { InboundTrunk, OutboundTrunk } from "@/lib/livekit/sip-trunks";
import { isParkingNumber, type DesiredTrunks } from "./desired-trunks";
import { inboundDrift, outboundDrift } from "./drift";
import { failed, FIX_DRIFT, FIX_REPROVISION, ok, skipped, type VerifyCheck } from "./verify-checks";

// The LiveKit-side checks of Verify, pure: given what LiveKit holds for the account (found
// by stored id, or else by marker) and what the database wants, say what differs.

export type FoundTrunk<T> = { trunk: T; byStoredId: boolean } | null;

export function checkInboundTrunk(found: FoundTrunk<InboundTrunk>, desired: DesiredTrunks): VerifyCheck {
  if (!found) {
    return failed("Inbound trunk", "LiveKit has no inbound trunk for this account, so inbound calls cannot be accepted (LiveKit was probably unavailable when it was created, or the trunk was deleted in LiveKit).", FIX_REPROVISION);
  }
  const drift = inboundDrift(found.trunk, desired.inbound);
  if (!found.byStoredId) drift.unshift(`LiveKit holds it under another id (${found.trunk.id}) than the console saved`);
  // Numbers are reported by "Numbers in sync".
  const relevant = drift.filter((d) => !d.startsWith("numbers "));
  if (relevant.length > 0) return failed("Inbound trunk", `The inbound trunk differs from the console: ${relevant.join("; ")}.`, FIX_DRIFT);
  return ok("Inbound trunk", `LiveKit has the inbound trunk ${found.trunk.id}, ready to accept inbound calls.`);
}

export function checkOutboundTrunk(found: FoundTrunk<OutboundTrunk>, desired: DesiredTrunks): VerifyCheck {
  if (!desired.outbound) {
    if (found) return failed("Outbound trunk", `Outbound is disabled (no SIP server address), but LiveKit still has an outbound trunk (${found.trunk.id}) for this account.`, FIX_DRIFT);
    return skipped("Outbound trunk", "Skipped: the account has no SIP server address, so outbound calls are disabled.");
  }
  if (!found) return failed("Outbound trunk", "LiveKit has no outbound trunk for this account, so outbound calls cannot be placed.", FIX_REPROVISION);
  const drift = outboundDrift(found.trunk, desired.outbound).filter((d) => !d.startsWith("numbers "));
  if (!found.byStoredId) drift.unshift(`LiveKit holds it under another id (${found.trunk.id}) than the console saved`);
  if (drift.length > 0) return failed("Outbound trunk", `The outbound trunk differs from the console: ${drift.join("; ")}.`, FIX_DRIFT);
  return ok("Outbound trunk", `LiveKit has the outbound trunk ${found.trunk.id}, ready to originate outbound calls.`);
}

function compare(label: string, actual: string[], wanted: string[], hide: (n: string) => boolean): string[] {
  const missing = wanted.filter((n) => !actual.includes(n) && !hide(n));
  const extra = actual.filter((n) => !wanted.includes(n) && !hide(n));
  const out: string[] = [];
  if (missing.length) out.push(`missing from the ${label}: ${missing.join(", ")}`);
  if (extra.length) out.push(`on the ${label} but not bound in the console: ${extra.join(", ")}`);
  return out;
}

/**
 * Bound numbers against the trunks' numbers (and, with `ruleProblems`, the per-number
 * dispatch rules). The parking number that holds an empty trunk is not a bound number and
 * is never named to the operator.
 */
export function checkNumbersInSync(
  boundNumbers: string[],
  desired: DesiredTrunks,
  inbound: InboundTrunk | null,
  outbound: OutboundTrunk | null,
  ruleProblems: string[] = [],
): VerifyCheck {
  const problems = [
    ...(inbound ? compare("inbound trunk", inbound.numbers, desired.inbound.numbers, isParkingNumber) : boundNumbers.length ? [`no inbound trunk carries ${boundNumbers.join(", ")}`] : []),
    ...(outbound && desired.outbound ? compare("outbound trunk", outbound.numbers, desired.outbound.numbers, isParkingNumber) : []),
    ...ruleProblems,
  ];
  if (problems.length > 0) return failed("Numbers in sync", `Bound numbers and LiveKit differ: ${problems.join("; ")}.`, FIX_DRIFT);
  if (boundNumbers.length === 0) return ok("Numbers in sync", "No numbers are bound to this account yet.");
  return ok("Numbers in sync", `All ${boundNumbers.length} bound number(s) are on the trunks with their dispatch rules.`);
}
