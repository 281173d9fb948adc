import { spawn } from "node:child_process";
import { shortuuid, tts, type APIConnectOptions } from "@livekit/agents";
import { AudioFrame } from "@livekit/rtc-node";
import { parseWavHeader, pcmSamples, type WavHeader } from "./wav.js";

// Offline text-to-speech through Debian's espeak-ng: one process per sentence (the
// framework splits replies into sentences for TTSs that do not stream), its WAV read from
// stdout as it is produced, so the first audio is out within tens of milliseconds.

const FRAME_MS = 20;

export type EspeakOptions = {
  /** espeak-ng voice, e.g. "en-us" or "en-us+klatt2". */
  voice: string;
  /** Words per minute. */
  rate: number;
  timeoutMs?: number;
};

/** The espeak-ng voice for a BCP 47 tag: en-US -> en-us, fr-FR -> fr-fr (espeak falls back to the base language). */
export function espeakVoiceFor(language: string): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(language) ? language.toLowerCase() : "en-us";
}

export class EspeakTTS extends tts.TTS {
  label = "offline.EspeakTTS";
  readonly opts: Required<EspeakOptions>;

  constructor(opts: EspeakOptions) {
    // espeak-ng always writes 22050 Hz mono.
    super(22_050, 1, { streaming: false });
    this.opts = { timeoutMs: 20_000, ...opts };
  }

  override get model(): string {
    return `espeak-ng:${this.opts.voice}`;
  }

  override get provider(): string {
    return "espeak-ng (offline)";
  }

  synthesize(text: string, connOptions?: APIConnectOptions, abortSignal?: AbortSignal): tts.ChunkedStream {
    return new EspeakChunkedStream(text, this, connOptions, abortSignal);
  }

  stream(): tts.SynthesizeStream {
    // Non-streaming TTSs are wrapped by the framework (tts.StreamAdapter + sentence tokenizer).
    throw new Error("EspeakTTS synthesizes whole sentences; use it through tts.StreamAdapter");
  }
}

class EspeakChunkedStream extends tts.ChunkedStream {
  label = "offline.EspeakChunkedStream";
  readonly #tts: EspeakTTS;

  constructor(text: string, owner: EspeakTTS, connOptions?: APIConnectOptions, abortSignal?: AbortSignal) {
    super(text, owner, connOptions, abortSignal);
    this.#tts = owner;
  }

  protected async run(): Promise<void> {
    const text = this.inputText.trim();
    if (!text) return;
    const requestId = shortuuid("espeak_");
    const { voice, rate, timeoutMs } = this.#tts.opts;
    // --stdin: the text never touches the command line (no option injection, no length limit).
    const child = spawn("espeak-ng", ["-v", voice, "-s", String(rate), "--stdout", "--stdin"], { stdio: ["pipe", "pipe", "pipe"] });
    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(kill, timeoutMs);
    this.abortSignal.addEventListener("abort", kill, { once: true });
    child.stdin.on("error", () => undefined);
    child.stdin.end(text);
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString().slice(0, 2000)));
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (code) => resolve(code));
    });

    let head = Buffer.alloc(0);
    let header: WavHeader | undefined;
    let pending = Buffer.alloc(0);
    let lastFrame: AudioFrame | undefined;
    const emit = (frame: AudioFrame, final: boolean) => this.queue.put({ requestId, segmentId: requestId, frame, final });
    try {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        if (!header) {
          head = Buffer.concat([head, chunk]);
          header = parseWavHeader(head);
          if (!header) continue;
          pending = head.subarray(header.dataOffset);
        } else {
          pending = Buffer.concat([pending, chunk]);
        }
        const bytesPerFrame = Math.round((header.sampleRate * FRAME_MS) / 1000) * 2 * header.channels;
        while (pending.length >= bytesPerFrame) {
          if (lastFrame) emit(lastFrame, false);
          lastFrame = toFrame(pending.subarray(0, bytesPerFrame), header);
          pending = pending.subarray(bytesPerFrame);
        }
      }
      const code = await exited;
      if (this.abortSignal.aborted) return;
      if (code !== 0) throw new Error(`espeak-ng exited with ${code}: ${stderr.slice(-300)}`);
      if (header && pending.length >= 2) {
        if (lastFrame) emit(lastFrame, false);
        lastFrame = toFrame(pending.subarray(0, pending.length - (pending.length % 2)), header);
      }
      if (lastFrame) emit(lastFrame, true);
    } finally {
      clearTimeout(timer);
      this.abortSignal.removeEventListener("abort", kill);
      if (child.exitCode === null) kill();
    }
  }
}

function toFrame(bytes: Buffer, header: WavHeader): AudioFrame {
  const samples = pcmSamples(bytes);
  return new AudioFrame(samples, header.sampleRate, header.channels, samples.length / header.channels);
}
