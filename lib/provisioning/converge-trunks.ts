import "server-only";
import type { LiveKitClients } from "@/lib/livekit/client";
import {
  createInboundTrunk,
  createOutboundTrunk,
  deleteTrunk,
  listInboundTrunks,
  listOutboundTrunks,
  updateInboundTrunk,
  updateOutboundTrunk,
  type InboundTrunk,
  type OutboundTrunk,
} from "@/lib/livekit/sip-trunks";
import type { DesiredTrunks } from "./desired-trunks";
import { inboundDrift, outboundDrift } from "./drift";
import { isMarkedFor, type ObjectRole } from "./marker";
import type { SweepSnapshot } from "./sweep-snapshot";

// Makes LiveKit's trunks for one account equal the desired ones. Existing trunks are updated
// in place (same id, so no INVITE ever finds no trunk); a trunk is created only when none
// with the stored id or the account's marker exists; trunks carrying the marker that are
// not the chosen one (left by a crash between create and save) are removed when sweeping.

export type TrunkIds = { inboundTrunkId: string | null; outboundTrunkId: string | null };
export type ConvergeResult = { ids: TrunkIds; changes: string[] };

type Options = {
  /**
   * Look for marked trunks to adopt or remove: true lists every trunk now (Reprovision), a
   * snapshot names the candidates (Refresh all); plain edits do not need to.
   */
  sweep: boolean | SweepSnapshot;
  lk?: LiveKitClients;
};

async function findTrunk<T extends { id: string; metadata: string }>(
  accountId: string,
  role: ObjectRole,
  knownId: string | null,
  list: (ids?: string[]) => Promise<T[]>,
  sweep: boolean | SweepSnapshot,
): Promise<{ chosen: T | undefined; strays: T[] }> {
  const byId = knownId ? (await list([knownId]))[0] : undefined;
  if (byId && !sweep) return { chosen: byId, strays: [] };
  // From a snapshot, only its candidates are read again, as they are now.
  const listed = typeof sweep === "object" ? await list(sweep.markedIds(accountId, role)) : await list();
  const marked = listed.filter((t) => isMarkedFor(t.metadata, accountId, role));
  const chosen = byId ?? marked[0];
  return { chosen, strays: marked.filter((t) => t.id !== chosen?.id) };
}

export async function convergeTrunks(accountId: string, desired: DesiredTrunks, known: TrunkIds, options: Options): Promise<ConvergeResult> {
  const { lk, sweep } = options;
  const changes: string[] = [];

  const inbound = await findTrunk<InboundTrunk>(accountId, "inbound-trunk", known.inboundTrunkId, (ids) => listInboundTrunks(ids ? { ids } : {}, lk), sweep);
  let inboundTrunkId: string;
  if (inbound.chosen) {
    inboundTrunkId = inbound.chosen.id;
    const drift = inboundDrift(inbound.chosen, desired.inbound);
    if (drift.length > 0) {
      await updateInboundTrunk(inboundTrunkId, desired.inbound, lk);
      changes.push(`Updated the inbound trunk (${drift.join("; ")})`);
    }
  } else {
    inboundTrunkId = (await createInboundTrunk(desired.inbound, lk)).id;
    changes.push("Created the inbound trunk");
  }
  for (const stray of inbound.strays) {
    await deleteTrunk(stray.id, lk);
    changes.push(`Removed a duplicate inbound trunk (${stray.id})`);
  }

  const outbound = await findTrunk<OutboundTrunk>(accountId, "outbound-trunk", known.outboundTrunkId, (ids) => listOutboundTrunks(ids ? { ids } : {}, lk), sweep || desired.outbound === null);
  let outboundTrunkId: string | null = null;
  if (desired.outbound) {
    if (outbound.chosen) {
      outboundTrunkId = outbound.chosen.id;
      const drift = outboundDrift(outbound.chosen, desired.outbound);
      if (drift.length > 0) {
        await updateOutboundTrunk(outboundTrunkId, desired.outbound, lk);
        changes.push(`Updated the outbound trunk (${drift.join("; ")})`);
      }
    } else {
      outboundTrunkId = (await createOutboundTrunk(desired.outbound, lk)).id;
      changes.push("Created the outbound trunk");
    }
  }
  // With no SIP server address every outbound trunk of the account is unwanted.
  const unwanted = desired.outbound ? outbound.strays : [outbound.chosen, ...outbound.strays].filter((t): t is OutboundTrunk => !!t);
  for (const trunk of unwanted) {
    await deleteTrunk(trunk.id, lk);
    changes.push(desired.outbound ? `Removed a duplicate outbound trunk (${trunk.id})` : "Removed the outbound trunk (no SIP server address)");
  }

  return { ids: { inboundTrunkId, outboundTrunkId }, changes };
}

/** Removes every trunk of the account: by stored id and by marker. */
export async function removeTrunks(accountId: string, known: TrunkIds, lk?: LiveKitClients): Promise<void> {
  const inbound = (await listInboundTrunks({}, lk)).filter((t) => t.id === known.inboundTrunkId || isMarkedFor(t.metadata, accountId, "inbound-trunk"));
  const outbound = (await listOutboundTrunks({}, lk)).filter((t) => t.id === known.outboundTrunkId || isMarkedFor(t.metadata, accountId, "outbound-trunk"));
  for (const trunk of [...inbound, ...outbound]) await deleteTrunk(trunk.id, lk);
}
