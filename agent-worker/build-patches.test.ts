import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { OnLoadArgs, OnLoadOptions, OnLoadResult, PluginBuild } from "esbuild";
import { describe, expect, it } from "vitest";
import { CALLER_FRAME_MS, callerAudioFrames } from "./build-patches.mjs";

// The worker's bundle changes one line of the framework (build-patches.mjs): these check it
// still finds that line in the installed framework, and refuses to build when it cannot.

type OnLoad = (args: Pick<OnLoadArgs, "path">) => Promise<OnLoadResult>;

function registered(): { options: OnLoadOptions; onLoad: OnLoad } {
  let found: { options: OnLoadOptions; onLoad: OnLoad } | undefined;
  const build = { onLoad: (options: OnLoadOptions, onLoad: OnLoad) => void (found = { options, onLoad }) };
  void callerAudioFrames.setup(build as unknown as PluginBuild);
  if (!found) throw new Error("the plugin registered no onLoad");
  return found;
}

const frameworkInput = path.resolve(import.meta.dirname, "../node_modules/@livekit/agents/dist/voice/room_io/_input.js");

describe("the caller's audio frames in the worker's bundle", () => {
  it("reads the caller's track in 50 ms frames in the installed framework", async () => {
    const { options, onLoad } = registered();
    expect(options.filter.test(frameworkInput)).toBe(true);
    const { contents } = await onLoad({ path: frameworkInput });
    expect(CALLER_FRAME_MS).toBe(50);
    expect(String(contents)).toMatch(/new AudioStream\(track, \{[^}]*frameSizeMs: 50,/);
  });

  it("fails the build when the framework creates its audio stream differently", async () => {
    const changed = path.join(mkdtempSync(path.join(tmpdir(), "sb-patch-")), "_input.js");
    writeFileSync(changed, "return new AudioStream(track, { sampleRate: this.sampleRate });\n");
    await expect(registered().onLoad({ path: changed })).rejects.toThrow(/update agent-worker\/build-patches\.mjs/);
  });
});
