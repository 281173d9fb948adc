import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stt, normalizeLanguage, mergeFrames, type AudioBuffer } from "@livekit/agents";
import { AudioFrame, AudioResampler } from "@livekit/rtc-node";
import { encodeWav } from "./wav.js";
import { runProcess } from "./run-process.js";

// Offline speech-to-text through Debian's pocketsphinx (US English model). It recognises a
// whole utterance at once, so the framework pairs it with VAD (stt.StreamAdapter) to cut the
// caller's speech into utterances. Accuracy on open speech is low: good enough to show the
// pipeline working end to end, not to hold a real conversation.

const MODEL_RATE = 16_000;
const MIN_UTTERANCE_SECONDS = 0.2;

export type PocketsphinxOptions = {
  /** Directory holding en-us/, en-us.lm.bin and cmudict-en-us.dict. */
  modelDir: string;
  language: string;
  timeoutMs?: number;
};

function toModelRate(frame: AudioFrame): Int16Array {
  let mono = frame.data;
  if (frame.channels > 1) {
    mono = new Int16Array(frame.samplesPerChannel);
    for (let i = 0; i < frame.samplesPerChannel; i++) mono[i] = frame.data[i * frame.channels] ?? 0;
  }
  if (frame.sampleRate === MODEL_RATE) return mono;
  const resampler = new AudioResampler(frame.sampleRate, MODEL_RATE, 1);
  try {
    const input = new AudioFrame(mono, frame.sampleRate, 1, mono.length);
    const parts = [...resampler.push(input), ...resampler.flush()];
    return mergeFrames(parts).data;
  } finally {
    resampler.close();
  }
}

export class PocketsphinxSTT extends stt.STT {
  label = "offline.PocketsphinxSTT";
  readonly #opts: Required<PocketsphinxOptions>;

  constructor(opts: PocketsphinxOptions) {
    super({ streaming: false, interimResults: false });
    this.#opts = { timeoutMs: 20_000, ...opts };
  }

  override get model(): string {
    return "pocketsphinx-en-us";
  }

  override get provider(): string {
    return "pocketsphinx (offline)";
  }

  /** Decodes 16 kHz mono samples; exported for tests. */
  async decode(samples: Int16Array, signal?: AbortSignal): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "sb-stt-"));
    try {
      const wav = path.join(dir, "utterance.wav");
      await writeFile(wav, encodeWav(samples, { sampleRate: MODEL_RATE, channels: 1 }));
      const m = this.#opts.modelDir;
      const res = await runProcess(
        "pocketsphinx_continuous",
        ["-infile", wav, "-hmm", path.join(m, "en-us"), "-lm", path.join(m, "en-us.lm.bin"), "-dict", path.join(m, "cmudict-en-us.dict"), "-logfn", "/dev/null"],
        { timeoutMs: this.#opts.timeoutMs, signal },
      );
      if (res.code !== 0) throw new Error(`pocketsphinx_continuous exited with ${res.code}: ${res.stderr.slice(-300)}`);
      return res.stdout.toString("utf8").split("\n").map((l) => l.trim()).filter(Boolean).join(" ");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  protected async _recognize(buffer: AudioBuffer, abortSignal?: AbortSignal): Promise<stt.SpeechEvent> {
    const frame = mergeFrames(buffer);
    const samples = toModelRate(frame);
    const seconds = samples.length / MODEL_RATE;
    const text = seconds < MIN_UTTERANCE_SECONDS ? "" : await this.decode(samples, abortSignal);
    return {
      type: stt.SpeechEventType.FINAL_TRANSCRIPT,
      alternatives: [{ language: normalizeLanguage(this.#opts.language), text, startTime: 0, endTime: seconds, confidence: text ? 0.5 : 0 }],
    };
  }

  stream(): stt.SpeechStream {
    // The framework wraps non-streaming STTs with VAD itself (stt.StreamAdapter).
    throw new Error("PocketsphinxSTT recognises whole utterances; use it through stt.StreamAdapter");
  }
}
