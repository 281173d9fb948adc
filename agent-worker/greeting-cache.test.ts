import { mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ReadableStream } from "node:stream/web";
import { AudioFrame } from "@livekit/rtc-node";
import { describe, expect, it } from "vitest";
import { GreetingCache, framesFromCache, framesFromEngine, greetingCacheKey, isGreetingCacheable, type CachedAudio } from "./greeting-cache";

const RATE = 22_050;
const VOICE = JSON.stringify(["espeak-ng (offline)", "espeak-ng:en-us", RATE, "en-us", 160]);

function tone(samples: number, seed = 1): Int16Array {
  return Int16Array.from({ length: samples }, (_, i) => Math.round(8000 * Math.sin((i * seed) / 7)));
}

const audio = (samples: Int16Array): CachedAudio => ({ sampleRate: RATE, channels: 1, samples });
const freshDir = () => mkdtempSync(path.join(tmpdir(), "sb-greetings-"));

async function readAll(stream: ReadableStream<AudioFrame>): Promise<AudioFrame[]> {
  const frames: AudioFrame[] = [];
  for await (const f of stream) frames.push(f);
  return frames;
}

const joined = (frames: AudioFrame[]) => Int16Array.from(frames.flatMap((f) => Array.from(f.data)));

async function* source(frames: Int16Array[], failAfter?: number): AsyncIterable<AudioFrame> {
  for (const [i, data] of frames.entries()) {
    if (failAfter === i) throw new Error("the speech engine failed");
    yield new AudioFrame(data, RATE, 1, data.length);
  }
}

describe("the greeting cache", () => {
  it("keys a greeting by its text and its voice", () => {
    const key = greetingCacheKey("Hello.", VOICE);
    expect(greetingCacheKey("Hello.", VOICE)).toBe(key);
    expect(greetingCacheKey("Hello!", VOICE)).not.toBe(key);
    expect(greetingCacheKey("Hello.", JSON.stringify(["espeak-ng (offline)", "espeak-ng:en-gb", RATE, "en-gb", 160]))).not.toBe(key);
  });

  it("does not cache a greeting with {{variables}}: it holds the caller's values", () => {
    expect(isGreetingCacheable("Hello, thanks for calling.")).toBe(true);
    expect(isGreetingCacheable("Hello {{first_name}}, about your order.")).toBe(false);
  });

  it("gives back exactly what it stored, and nothing for a greeting it never stored", async () => {
    const cache = new GreetingCache(freshDir(), 10);
    const samples = tone(5000);
    await cache.write("a", audio(samples));
    const back = await cache.read("a");
    expect(back?.sampleRate).toBe(RATE);
    expect(back?.channels).toBe(1);
    expect(back?.samples).toEqual(samples);
    expect(await cache.read("b")).toBeUndefined();
  });

  it("treats a damaged file as missing and removes it", async () => {
    const dir = freshDir();
    const cache = new GreetingCache(dir, 10);
    await cache.write("a", audio(tone(5000)));
    const file = path.join(dir, "a.wav");
    writeFileSync(file, Buffer.from("RIFF....WAVEnot really"));
    expect(await cache.read("a")).toBeUndefined();
    expect(readdirSync(dir)).not.toContain("a.wav");
  });

  it("keeps the greetings played most recently when it holds too many", async () => {
    const dir = freshDir();
    const cache = new GreetingCache(dir, 2);
    await cache.write("a", audio(tone(100, 1)));
    await cache.write("b", audio(tone(100, 2)));
    const hourAgo = new Date(Date.now() - 3_600_000);
    const twoHoursAgo = new Date(Date.now() - 7_200_000);
    utimesSync(path.join(dir, "a.wav"), twoHoursAgo, twoHoursAgo);
    utimesSync(path.join(dir, "b.wav"), hourAgo, hourAgo);
    // a is the older, but played now: b goes when c arrives.
    expect(await cache.read("a")).toBeDefined();
    await expect.poll(() => statSync(path.join(dir, "a.wav")).mtimeMs).toBeGreaterThan(hourAgo.getTime());
    await cache.write("c", audio(tone(100, 3)));
    expect(readdirSync(dir).sort()).toEqual(["a.wav", "c.wav"]);
  });
});

describe("greeting audio", () => {
  it("plays a cached greeting as 20 ms frames holding all of it", async () => {
    const samples = tone(RATE); // one second
    const frames = await readAll(framesFromCache(audio(samples)));
    expect(frames[0]!.samplesPerChannel).toBe(441);
    expect(frames.length).toBe(Math.ceil(RATE / 441));
    expect(joined(frames)).toEqual(samples);
  });

  it("plays the speech engine's frames as they come and stores the whole greeting after the last", async () => {
    const parts = [tone(441, 1), tone(441, 2), tone(200, 3)];
    let stored: CachedAudio | undefined;
    const frames = await readAll(framesFromEngine(source(parts), async (a) => void (stored = a), () => undefined));
    expect(joined(frames)).toEqual(Int16Array.from(parts.flatMap((p) => Array.from(p))));
    await expect.poll(() => stored?.samples.length).toBe(1082);
    expect(stored!.samples).toEqual(joined(frames));
  });

  it("still stores the whole greeting when the caller interrupts it", async () => {
    const parts = [tone(441, 1), tone(441, 2), tone(441, 3)];
    let stored: CachedAudio | undefined;
    const reader = framesFromEngine(source(parts), async (a) => void (stored = a), () => undefined).getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => stored?.samples.length).toBe(1323);
  });

  it("without a store, stops the speech engine once the caller interrupts the greeting", async () => {
    let made = 0;
    async function* counted(): AsyncIterable<AudioFrame> {
      for (let i = 0; i < 100; i++) {
        made++;
        yield new AudioFrame(tone(441), RATE, 1, 441);
        await new Promise((r) => setImmediate(r));
      }
    }
    let finished = false;
    const engine = (async function* () {
      try {
        yield* counted();
      } finally {
        finished = true;
      }
    })();
    const reader = framesFromEngine(engine, null, () => undefined).getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => finished).toBe(true);
    expect(made).toBeLessThan(100);
  });

  it("stores nothing when the speech engine fails, and the player sees the failure", async () => {
    let stores = 0;
    const stream = framesFromEngine(source([tone(441), tone(441)], 1), async () => void stores++, () => undefined);
    await expect(readAll(stream)).rejects.toThrow("the speech engine failed");
    expect(stores).toBe(0);
  });
});
