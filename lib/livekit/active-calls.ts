import "server-only";
import { ParticipantInfo_Kind } from "@livekit/protocol";
import { RoomServiceClient } from "livekit-server-sdk";
import { liveKitFromEnv, unconfiguredClient } from "./client";
import { callLiveKit } from "./errors";

// How many calls are up right now through given trunks, asked of LiveKit: every SIP
// participant in every room whose `sip.trunkID` attribute names one of them and whose call
// is not hanging up. Shown before Reprovision and Recreate so nobody drops calls unawares.

let rooms: RoomServiceClient | undefined;

function roomService(): RoomServiceClient {
  const config = liveKitFromEnv();
  if (!config) return unconfiguredClient<RoomServiceClient>();
  rooms ??= new RoomServiceClient(config.url, config.apiKey, config.apiSecret);
  return rooms;
}

type ActiveCall = { room: string; identity: string };

async function activeSipCalls(trunkIds: string[], service: RoomServiceClient): Promise<ActiveCall[]> {
  const wanted = new Set(trunkIds.filter(Boolean));
  if (wanted.size === 0) return [];
  const all = await callLiveKit("list the rooms", () => service.listRooms());
  const calls: ActiveCall[] = [];
  // Rooms are listed one by one: LiveKit has no participant query across rooms.
  for (const room of all) {
    const participants = await callLiveKit("list a room's participants", () => service.listParticipants(room.name));
    for (const p of participants) {
      if (p.kind === ParticipantInfo_Kind.SIP && wanted.has(p.attributes["sip.trunkID"] ?? "") && p.attributes["sip.callStatus"] !== "hangup") {
        calls.push({ room: room.name, identity: p.identity });
      }
    }
  }
  return calls;
}

export async function countActiveSipCalls(trunkIds: string[], service: RoomServiceClient = roomService()): Promise<number> {
  return (await activeSipCalls(trunkIds, service)).length;
}

/**
 * Hangs up every call up through the trunks (removing a SIP participant makes livekit-sip
 * send BYE). Deleting a trunk alone leaves calls already up untouched, so "Recreate from
 * scratch" uses this to do what its warning says. Returns how many calls were dropped.
 */
export async function dropActiveSipCalls(
  trunkIds: string[],
  beforeHangUp: (rooms: string[]) => Promise<void> = async () => undefined,
  service: RoomServiceClient = roomService(),
): Promise<number> {
  const calls = await activeSipCalls(trunkIds, service);
  // Said before the BYE goes out, so whoever records the end (webhook or reconciliation) keeps it.
  await beforeHangUp(calls.map((c) => c.room));
  for (const call of calls) {
    await callLiveKit("hang up a call", () => service.removeParticipant(call.room, call.identity));
  }
  return calls.length;
}
