import "server-only";
import type { LiveKitClients } from "@/lib/livekit/client";
import { listDispatchRules } from "@/lib/livekit/dispatch-rules";
import { listInboundTrunks, listOutboundTrunks } from "@/lib/livekit/sip-trunks";
import { readMarker, type ObjectRole } from "./marker";

// A sweep looks for an account's marked objects among everything in LiveKit. Refresh all
// sweeps every account of a Space; listing everything once per account made it quadratic
// (200 accounts: 22.7 s with nothing to change). This snapshot lists everything once and
// answers "which ids carried this account's marker"; each account then re-reads just those
// ids under its own lock, so an object changed or removed since the snapshot is seen as it
// is now. An object created after the snapshot and never recorded (a crash mid-create) is
// left to the next sweep.

export type SweepSnapshot = {
  /** Ids of the objects that carried the account's marker for `role` when the snapshot was taken. */
  markedIds(accountId: string, role: ObjectRole): string[];
};

export async function takeSweepSnapshot(lk?: LiveKitClients): Promise<SweepSnapshot> {
  const [inbound, outbound, rules] = await Promise.all([listInboundTrunks({}, lk), listOutboundTrunks({}, lk), listDispatchRules({}, lk)]);
  const byAccountAndRole = new Map<string, string[]>();
  for (const object of [...inbound, ...outbound, ...rules]) {
    const marker = readMarker(object.metadata);
    if (!marker) continue;
    const key = `${marker.accountId}\n${marker.role}`;
    byAccountAndRole.set(key, [...(byAccountAndRole.get(key) ?? []), object.id]);
  }
  return { markedIds: (accountId, role) => byAccountAndRole.get(`${accountId}\n${role}`) ?? [] };
}
