import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ReadableStream } from "node:stream/web";
import type { tts } from "@livekit/agents";
import { AudioFrame } from "@livekit/rtc-node";
import { decodeWav, encodeWav, type PcmFormat } from "./offline/wav.js";

// Each agent's greeting, synthesised once and kept on disk until it changes. Every call runs
// in a job process of its own, so the cache is a directory all of them share: one WAV per
// (voice, text), named by their hash, so an edited greeting or voice is simply another file.
// A cached greeting starts playing as soon as the caller can hear it, without waiting for a
// speech engine (or paying a cloud one again).

/** Whatever changes the sound besides the text: provider, model, voice, rate. */
export type VoiceIdentity = string;

export type CachedAudio = PcmFormat & { samples: Int16Array };

const FRAME_MS = 20;

export function greetingCacheKey(text: string, voice: VoiceIdentity): string {
  return createHash("sha256").update(JSON.stringify([voice, text])).digest("hex");
}

/**
 * Only a greeting without {{variables}} is cached: a rendered one holds this caller's values
 * (batch rows, SIP headers), which must not be written to disk and would never be heard again.
 */
export function isGreetingCacheable(template: string): boolean {
  return !template.includes("{{");
}

export class GreetingCache {
  constructor(
    readonly dir: string,
    /** Greetings kept; the least recently played go first. */
    readonly maxEntries: number,
  ) {}

  private file(key: string): string {
    return path.join(this.dir, `${key}.wav`);
  }

  /** The cached audio, or undefined when there is none (or the file is unreadable, then removed). */
  async read(key: string): Promise<CachedAudio | undefined> {
    const file = this.file(key);
    let bytes: Buffer;
    try {
      // Read in one blocking call (a greeting of a sentence or two is ~200 KB of local disk,
      // well under a millisecond): the asynchronous read's several steps each waited their
      // turn behind the framework's session start-up, 450-750 ms in all (timed in the job
      // process).
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const audio = decodeWav(bytes);
    if (!audio) {
      await unlink(file).catch(() => undefined);
      return undefined;
    }
    // Played again: the eviction below goes by modification time.
    const now = new Date();
    void utimes(file, now, now).catch(() => undefined);
    return audio;
  }

  /** Stores the audio atomically: job processes may write the same greeting at once. */
  async write(key: string, audio: CachedAudio): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const temp = path.join(this.dir, `.${key}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
    await writeFile(temp, encodeWav(audio.samples, audio));
    await rename(temp, this.file(key));
    await this.evict();
  }

  private async evict(): Promise<void> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(".wav"));
    if (names.length <= this.maxEntries) return;
    const aged = await Promise.all(
      names.map(async (n) => ({ n, mtime: await stat(path.join(this.dir, n)).then((s) => s.mtimeMs, () => 0) })),
    );
    aged.sort((a, b) => a.mtime - b.mtime);
    for (const { n } of aged.slice(0, aged.length - this.maxEntries)) await unlink(path.join(this.dir, n)).catch(() => undefined);
  }
}

/** The cached audio as 20 ms frames, produced as the player asks for them. */
export function framesFromCache(audio: CachedAudio): ReadableStream<AudioFrame> {
  const perFrame = Math.round((audio.sampleRate * FRAME_MS) / 1000) * audio.channels;
  let offset = 0;
  return new ReadableStream<AudioFrame>({
    pull(controller) {
      if (offset >= audio.samples.length) return controller.close();
      // slice, not subarray: each frame owns its samples (the FFI reads the whole buffer).
      const data = audio.samples.slice(offset, offset + perFrame);
      offset += perFrame;
      controller.enqueue(new AudioFrame(data, audio.sampleRate, audio.channels, data.length / audio.channels));
    },
  });
}

/**
 * Plays frames as the speech engine makes them and, given `store`, stores them once the
 * greeting is complete. Then the engine runs to the end even when the caller interrupts the
 * greeting, so the next call finds it whole; a failed synthesis stores nothing.
 */
export function framesFromEngine(synthesised: AsyncIterable<AudioFrame>, store: ((audio: CachedAudio) => Promise<void>) | null, onStoreError: (err: Error) => void): ReadableStream<AudioFrame> {
  let playing = true;
  return new ReadableStream<AudioFrame>({
    start(controller) {
      void (async () => {
        const parts: Int16Array[] = [];
        let format: PcmFormat | undefined;
        try {
          for await (const frame of synthesised) {
            if (!playing && !store) break; // nobody listens and nothing is kept: stop the engine
            format ??= { sampleRate: frame.sampleRate, channels: frame.channels };
            if (store) parts.push(frame.data.slice());
            if (playing) controller.enqueue(frame);
          }
        } catch (err) {
          if (playing) controller.error(err);
          return;
        }
        if (playing) controller.close();
        if (!store || !format || parts.length === 0) return;
        const samples = new Int16Array(parts.reduce((n, p) => n + p.length, 0));
        let at = 0;
        for (const p of parts) {
          samples.set(p, at);
          at += p.length;
        }
        await store({ ...format, samples }).catch((err: Error) => onStoreError(err));
      })();
    },
    cancel() {
      playing = false;
    },
  });
}

async function* framesOf(stream: tts.ChunkedStream): AsyncIterable<AudioFrame> {
  try {
    for await (const audio of stream) yield audio.frame;
  } finally {
    stream.close();
  }
}

export type GreetingAudio = {
  audio: ReadableStream<AudioFrame>;
  /** cache: played from the cache; stored: synthesised now and stored; synthesised: not cached. */
  source: "cache" | "stored" | "synthesised";
};

/**
 * The greeting's audio for `session.say`: from the cache, else from the speech engine (and
 * stored when the greeting may be). Synthesised here in one piece rather than through the
 * framework's sentence-by-sentence speech path, which started the engine only ~60-230 ms
 * after the caller could hear the agent (measured in the job process).
 */
export async function greetingAudio(opts: {
  cache: GreetingCache | null;
  /** The greeting as the agent has it, before its {{variables}} are filled. */
  template: string;
  text: string;
  voice: VoiceIdentity;
  tts: tts.TTS;
  onStoreError: (err: Error) => void;
}): Promise<GreetingAudio> {
  const { cache } = opts;
  const synthesised = () => framesOf(opts.tts.synthesize(opts.text));
  if (!cache || !isGreetingCacheable(opts.template)) return { audio: framesFromEngine(synthesised(), null, opts.onStoreError), source: "synthesised" };
  const key = greetingCacheKey(opts.text, opts.voice);
  const cached = await cache.read(key);
  if (cached) return { audio: framesFromCache(cached), source: "cache" };
  return { audio: framesFromEngine(synthesised(), (audio) => cache.write(key, audio), opts.onStoreError), source: "stored" };
}
