import "server-only";
import type { IpMode } from "@/lib/net/ipv4";
import type { LiveKitClients } from "@/lib/livekit/client";
import { listInboundTrunks, listOutboundTrunks, type InboundTrunk, type OutboundTrunk } from "@/lib/livekit/sip-trunks";
import { UpstreamError } from "@/lib/errors";
import { isLiveKitNotConfigured, LIVEKIT_NOT_CONFIGURED } from "@/lib/livekit/errors";
import { desiredTrunks } from "./desired-trunks";
import { checkLocalConfig, type StoredAccountConfig } from "./local-config-check";
import { isMarkedFor, type ObjectRole } from "./marker";
import { passwordReadable } from "./preflight";
import { toProvisioningInput } from "./provision-account";
import { checkInboundTrunk, checkNumbersInSync, checkOutboundTrunk, type FoundTrunk } from "./trunk-checks";
import { failed, FIX_LIVEKIT_DOWN, FIX_LIVEKIT_NOT_CONFIGURED, LIVEKIT_UNREACHABLE, report, skipped, type VerifyCheck, type VerifyReport } from "./verify-checks";

// Verify: compares LiveKit with the database for one account and changes nothing, in
// LiveKit or in the account's configuration. Only list calls are made.

export type VerifyInput = {
  row: Parameters<typeof toProvisioningInput>[0] & StoredAccountConfig & { inboundTrunkId: string | null; outboundTrunkId: string | null };
  boundNumbers: string[];
  mode: IpMode;
  /** Dispatch-rule problems for "Numbers in sync" (named missing/extra rules), from the caller. */
  dispatchRuleProblems?: (trunks: { inboundTrunkId: string | null }) => Promise<string[]>;
  lk?: LiveKitClients;
};

function pick<T extends { id: string; metadata: string }>(all: T[], storedId: string | null, accountId: string, role: ObjectRole): FoundTrunk<T> {
  const byId = storedId ? all.find((t) => t.id === storedId) : undefined;
  if (byId) return { trunk: byId, byStoredId: true };
  const marked = all.find((t) => isMarkedFor(t.metadata, accountId, role));
  return marked ? { trunk: marked, byStoredId: false } : null;
}

export async function verifyAccount(input: VerifyInput): Promise<VerifyReport> {
  const { row, boundNumbers, mode, lk } = input;
  const local = checkLocalConfig(row, mode, { inbound: passwordReadable(row, "inbound"), outbound: passwordReadable(row, "outbound") });
  if (local.status === "failed") {
    const waiting = "Skipped: the local config must pass first, because LiveKit is compared with it.";
    return report([local, skipped("Inbound trunk", waiting), skipped("Outbound trunk", waiting), skipped("Numbers in sync", waiting)]);
  }
  const desired = desiredTrunks(toProvisioningInput(row, boundNumbers));

  let inboundTrunks: InboundTrunk[];
  let outboundTrunks: OutboundTrunk[];
  let ruleProblems: string[] = [];
  try {
    [inboundTrunks, outboundTrunks] = await Promise.all([listInboundTrunks({}, lk), listOutboundTrunks({}, lk)]);
    const inbound = pick(inboundTrunks, row.inboundTrunkId, row.id, "inbound-trunk");
    if (input.dispatchRuleProblems) ruleProblems = await input.dispatchRuleProblems({ inboundTrunkId: inbound?.trunk.id ?? null });
  } catch (err) {
    if (!(err instanceof UpstreamError)) throw err;
    console.error(`[verify] account ${row.id}:`, err.cause ?? err);
    const notConfigured = isLiveKitNotConfigured(err);
    const reason = notConfigured
      ? `${LIVEKIT_UNREACHABLE}: ${LIVEKIT_NOT_CONFIGURED}`
      : err.kind === "unreachable"
        ? LIVEKIT_UNREACHABLE
        : `${LIVEKIT_UNREACHABLE}: it refused the console's request.`;
    const down = (name: VerifyCheck["name"]) => failed(name, reason, notConfigured ? FIX_LIVEKIT_NOT_CONFIGURED : FIX_LIVEKIT_DOWN);
    const outbound = desired.outbound ? down("Outbound trunk") : skipped("Outbound trunk", "Skipped: the account has no SIP server address, so outbound calls are disabled.");
    return report([local, down("Inbound trunk"), outbound, down("Numbers in sync")], { liveKitReachable: false });
  }

  const inbound = pick(inboundTrunks, row.inboundTrunkId, row.id, "inbound-trunk");
  const outbound = pick(outboundTrunks, row.outboundTrunkId, row.id, "outbound-trunk");
  return report([
    local,
    checkInboundTrunk(inbound, desired),
    checkOutboundTrunk(outbound, desired),
    checkNumbersInSync(boundNumbers, desired, inbound?.trunk ?? null, outbound?.trunk ?? null, ruleProblems),
  ]);
}
