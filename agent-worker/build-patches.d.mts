import type { Plugin } from "esbuild";

export declare const callerAudioFrames: Plugin;
