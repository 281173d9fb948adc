// Changes to the framework's code made while it is bundled (build.mjs), each checked: if the
// framework's code no longer has the expected shape, the build fails rather than shipping
// without the change.
import { readFile } from "node:fs/promises";

/** Length of each audio frame the job process receives from the caller. */
const CALLER_FRAME_MS = 50;

// The framework reads the caller's audio in livekit's default 10 ms frames: 100 frames a
// second, each an FFI event decoded from protobuf and passed through several web streams to
// VAD and STT, which cost a call's job process most of its CPU while the caller speaks or is
// silent (inspector profile). rtc-node's AudioStream takes `frameSizeMs`, which the framework
// (agents-js 1.9.0, voice/room_io/_input.js) does not pass; 50 ms frames are a fifth as many.
// VAD and the turn detector then see speech up to 40 ms later.
export const callerAudioFrames = {
  name: "caller-audio-frames",
  setup(build) {
    // A framework that moved the file would otherwise be bundled without the change, silently.
    let patched = false;
    build.onStart(() => {
      patched = false;
    });
    build.onLoad({ filter: /[\\/]@livekit[\\/]agents[\\/]dist[\\/]voice[\\/]room_io[\\/]_input\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const anchor = "numChannels: this.numChannels,";
      if (source.split(anchor).length !== 2) throw new Error(`caller-audio-frames: ${args.path} no longer creates its AudioStream as expected; update agent-worker/build-patches.mjs`);
      patched = true;
      return { contents: source.replace(anchor, `${anchor} frameSizeMs: ${CALLER_FRAME_MS},`), loader: "js" };
    });
    build.onEnd(() =>
      patched ? null : { errors: [{ text: "caller-audio-frames: the framework's voice/room_io/_input.js was not bundled; update agent-worker/build-patches.mjs" }] },
    );
  },
};
