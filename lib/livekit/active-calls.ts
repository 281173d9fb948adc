import "server-only";
import { ParticipantInfo_Kind } from "@livekit/protocol";
import { RoomServiceClient } from "livekit-server-sdk";
import { serverEnv } from "@/lib/env";
import { callLiveKit } from "./errors";

// How many calls are up right now through given trunks, asked of LiveKit: every SIP
// participant in every room whose `sip.trunkID` attribute names one of them and whose call
// is not hanging up. Shown before Reprovision and Recreate so nobody drops calls unawares.

let rooms: RoomServiceClient | undefined;

function roomService(): RoomServiceClient {
  const env = serverEnv();
  rooms ??= new RoomServiceClient(env.LIVEKIT_URL, env.LIVEKIT_API_KEY, env.LIVEKIT_API_SECRET);
  return rooms;
}

export async function countActiveSipCalls(trunkIds: string[], service: RoomServiceClient = roomService()): Promise<number> {
  const wanted = new Set(trunkIds.filter(Boolean));
  if (wanted.size === 0) return 0;
  const all = await callLiveKit("list the rooms", () => service.listRooms());
  let count = 0;
  // Rooms are listed one by one: LiveKit has no participant query across rooms.
  for (const room of all) {
    const participants = await callLiveKit("list a room's participants", () => service.listParticipants(room.name));
    count += participants.filter(
      (p) => p.kind === ParticipantInfo_Kind.SIP && wanted.has(p.attributes["sip.trunkID"] ?? "") && p.attributes["sip.callStatus"] !== "hangup",
    ).length;
  }
  return count;
}
