import "server-only";
import { UpstreamError } from "@/lib/errors";
import { countActiveSipCalls } from "@/lib/livekit/active-calls";
import { LIVEKIT_CHECKS } from "@/lib/provisioning/verify-checks";
import type { SpaceContext } from "@/lib/spaces/context";
import { assertCanManage, findLiveAccount } from "./repository";
import { verifySipAccount } from "./verify-sip-account";

export type ReprovisionPreview = {
  /** Calls up right now through the account's trunks; null when LiveKit could not be asked. */
  activeCalls: number | null;
  /** What Reprovision would change, in words: the failed checks of a fresh Verify. */
  changes: string[];
  liveKitReachable: boolean;
};

/** What the Reprovision dialog shows before anything is touched. Reads only. */
export async function previewReprovision(ctx: SpaceContext, accountId: string): Promise<ReprovisionPreview> {
  assertCanManage(ctx);
  const row = await findLiveAccount(ctx, accountId);
  const report = await verifySipAccount(ctx, accountId, "reprovision_preview");
  const unreachable = !report.liveKitReachable;
  let activeCalls: number | null = null;
  if (!unreachable) {
    try {
      activeCalls = await countActiveSipCalls([row.inboundTrunkId, row.outboundTrunkId].filter((id): id is string => !!id));
    } catch (err) {
      if (!(err instanceof UpstreamError)) throw err;
    }
  }
  // Only LiveKit's checks: Reprovision cannot fix the local config or the customer's PBX.
  const changes = report.checks.filter((c) => c.status === "failed" && LIVEKIT_CHECKS.has(c.name)).map((c) => `${c.name}: ${c.reason}`);
  return { activeCalls, changes, liveKitReachable: !unreachable };
}
