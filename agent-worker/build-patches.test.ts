import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { callerAudioFrames } from "./build-patches.mjs";

// The worker's bundle changes one line of the framework (build-patches.mjs): these build with
// the plugin through esbuild, and check it changes the installed framework's file and fails
// the build when it cannot.

const frameworkInput = path.resolve(import.meta.dirname, "../node_modules/@livekit/agents/dist/voice/room_io/_input.js");

const compile = (entry: string) => build({ entryPoints: [entry], bundle: false, write: false, logLevel: "silent", plugins: [callerAudioFrames] });

function fileWith(relativePath: string, source: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sb-patch-")), relativePath);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, source);
  return file;
}

describe("the caller's audio frames in the worker's bundle", () => {
  it("reads the caller's track in 50 ms frames in the installed framework", async () => {
    const out = await compile(frameworkInput);
    expect(out.outputFiles[0]!.text).toMatch(/new AudioStream\(track, \{[^}]*frameSizeMs: 50,/);
  });

  it("fails the build when the framework creates its audio stream differently", async () => {
    const changed = fileWith("node_modules/@livekit/agents/dist/voice/room_io/_input.js", "export const s = (track) => new AudioStream(track, { sampleRate: 24000 });\n");
    await expect(compile(changed)).rejects.toThrow(/update agent-worker\/build-patches\.mjs/);
  });

  it("fails the build when the framework's file is not part of it at all", async () => {
    await expect(compile(fileWith("other.js", "export const x = 1;\n"))).rejects.toThrow(/_input\.js was not bundled/);
  });
});
