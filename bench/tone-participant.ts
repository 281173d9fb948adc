import { AccessToken, RoomServiceClient } from "livekit-server-sdk";
import { AudioFrame, AudioSource, LocalAudioTrack, Room, TrackPublishOptions, TrackSource } from "@livekit/rtc-node";

// LiveKit's own share of call set-up, for the bench: a participant that "answers" every new
// room with a given prefix at once by publishing a 440 Hz tone through @livekit/rtc-node, so
// INVITE -> 200 OK -> first sound measured through it contains no agent framework, speech
// synthesis or settings lookup. Rooms are found by polling every 50 ms (bounded by stop()).

const RATE = 48_000;
const FRAME = RATE / 50; // 20 ms

export type ToneAnswerer = { answered: number; stop: () => Promise<void> };

export function answerWithTone(opts: { url: string; apiKey: string; apiSecret: string; roomPrefix: string }): ToneAnswerer {
  const rooms = new RoomServiceClient(opts.url, opts.apiKey, opts.apiSecret);
  const joined = new Map<string, { room: Room; timer: NodeJS.Timeout }>();
  const seen = new Set<string>();
  const state: ToneAnswerer = { answered: 0, stop: async () => undefined };
  let stopped = false;

  const join = async (name: string) => {
    const at = new AccessToken(opts.apiKey, opts.apiSecret, { identity: `bench-tone-${name.slice(-6)}` });
    at.addGrant({ room: name, roomJoin: true, canPublish: true, canSubscribe: false });
    const room = new Room();
    await room.connect(opts.url.replace(/^http/, "ws"), await at.toJwt(), { autoSubscribe: false, dynacast: false });
    const source = new AudioSource(RATE, 1);
    const track = LocalAudioTrack.createAudioTrack("tone", source);
    await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
    let phase = 0;
    const timer = setInterval(() => {
      const data = new Int16Array(FRAME);
      for (let i = 0; i < FRAME; i++) data[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * (phase + i)) / RATE));
      phase += FRAME;
      void source.captureFrame(new AudioFrame(data, RATE, 1, FRAME)).catch(() => undefined);
    }, 20);
    joined.set(name, { room, timer });
    state.answered++;
  };

  const poll = setInterval(() => {
    if (stopped) return;
    void rooms.listRooms().then((list) => {
      for (const r of list) {
        if (!r.name.startsWith(opts.roomPrefix) || seen.has(r.name)) continue;
        seen.add(r.name);
        void join(r.name).catch((err) => console.error(`[tone] could not join ${r.name}:`, (err as Error).message));
      }
      // Leave rooms LiveKit has closed (the caller hung up).
      for (const [name, j] of joined) {
        if (!list.some((r) => r.name === name)) {
          clearInterval(j.timer);
          void j.room.disconnect().catch(() => undefined);
          joined.delete(name);
        }
      }
    }).catch(() => undefined);
  }, 50);

  state.stop = async () => {
    stopped = true;
    clearInterval(poll);
    for (const j of joined.values()) {
      clearInterval(j.timer);
      await j.room.disconnect().catch(() => undefined);
    }
    joined.clear();
  };
  return state;
}
