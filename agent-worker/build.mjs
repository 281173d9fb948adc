// Builds the worker into agent-worker/dist: type-checks it, then bundles it with esbuild.
//
// Why a bundle: every call runs in a job process of its own, and a job process that imports
// @livekit/agents file by file (some 1,600 modules: the framework, OpenTelemetry, openai,
// zod, protobuf) spends ~1.5 s of CPU and ~20 MB more memory before it can take a call. From
// a few bundled files it loads in about a third of that, so the worker keeps up when calls
// arrive together (bench/worker-capacity.ts).
//
// The framework forks its job and inference processes from files next to its own code
// (`new URL("./job_proc_lazy_main.js", import.meta.url)`, and the turn detector's runner at
// ./inference/eot/runner.js), so those are entry points here, written beside main.js, and
// share the same chunks: one copy of the framework per process. Native modules, and
// packages that find their own files through __dirname, stay in node_modules.
//
//   node agent-worker/build.mjs        (scripts/worker/start.sh and the tests call it when a
//                                       source is newer than agent-worker/dist/main.js)
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { callerAudioFrames } from "./build-patches.mjs";

const here = import.meta.dirname;
const root = path.resolve(here, "..");
const framework = path.join(root, "node_modules", "@livekit", "agents", "dist");

const typecheck = spawnSync(path.join(root, "node_modules", ".bin", "tsc"), ["-p", path.join(here, "tsconfig.json"), "--noEmit"], { stdio: "inherit" });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

// Written beside dist, then moved in file by file: a worker already running from dist (or a
// second build started at the same time, as parallel test tiers do) never sees a half-written
// file. Chunk names are content hashes, so a rebuild of the same sources changes no name.
// Chunks of an older build are left in dist on purpose: a worker still running that build
// forks its job processes from them (they are a few MB; `rm -rf agent-worker/dist` clears them).
const dist = path.join(here, "dist");
const outdir = path.join(here, `.dist-build-${process.pid}`);
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    main: path.join(here, "main.ts"),
    agent: path.join(here, "agent.ts"),
    job_proc_lazy_main: path.join(framework, "ipc", "job_proc_lazy_main.js"),
    inference_proc_lazy_main: path.join(framework, "ipc", "inference_proc_lazy_main.js"),
    "inference/eot/runner": path.join(framework, "inference", "eot", "runner.js"),
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  plugins: [callerAudioFrames],
  // CommonJS dependencies call require(); ESM has none, so each file gets one.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  external: [
    "@livekit/rtc-ffi-bindings",
    "@livekit/rtc-ffi-bindings-*",
    "@livekit/local-inference",
    "@livekit/local-inference-*",
    "@livekit/av",
    "@livekit/av-*",
    "sharp",
    "onnxruntime-node",
    "fluent-ffmpeg",
    "@ffmpeg-installer/*",
    "pino",
    "pino-pretty",
    "thread-stream",
  ],
});

function moveInto(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) moveInto(path.join(from, entry.name), path.join(to, entry.name));
    else renameSync(path.join(from, entry.name), path.join(to, entry.name));
  }
}
moveInto(outdir, dist);
rmSync(outdir, { recursive: true, force: true });
