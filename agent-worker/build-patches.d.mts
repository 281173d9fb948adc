import type { Plugin } from "esbuild";

export declare const CALLER_FRAME_MS: number;
export declare const callerAudioFrames: Plugin;
