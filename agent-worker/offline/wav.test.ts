import { describe, expect, it } from "vitest";
import { decodeWav, encodeWav, parseWavHeader, pcmSamples } from "./wav";

describe("WAV", () => {
  it("round-trips 16-bit PCM through encode and header parse", () => {
    const samples = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    const wav = encodeWav(samples, { sampleRate: 16000, channels: 1 });
    const h = parseWavHeader(wav)!;
    expect(h).toEqual({ sampleRate: 16000, channels: 1, dataOffset: 44 });
    expect(Array.from(new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length)))).toEqual(Array.from(samples));
  });

  it("reads a streaming header (sizes 0x7fffffff, as espeak-ng writes to stdout) only once the data chunk is in", () => {
    const wav = encodeWav(new Int16Array(4), { sampleRate: 22050, channels: 1 });
    wav.writeUInt32LE(0x7fffffff, 4);
    wav.writeUInt32LE(0x7fffffff, 40);
    expect(parseWavHeader(wav.subarray(0, 30))).toBeUndefined();
    expect(parseWavHeader(wav.subarray(0, 44))).toEqual({ sampleRate: 22050, channels: 1, dataOffset: 44 });
    expect(() => parseWavHeader(Buffer.from("RIFX0000WAVE"))).toThrow();
  });

  it("decodes a whole file back to its samples, and refuses one cut short or not a WAV", () => {
    const samples = Int16Array.from([0, 1000, -1000, 32767, -32768]);
    const wav = encodeWav(samples, { sampleRate: 22050, channels: 1 });
    expect(decodeWav(wav)).toEqual({ sampleRate: 22050, channels: 1, samples });
    expect(decodeWav(wav.subarray(0, wav.length - 2))).toBeUndefined();
    expect(decodeWav(Buffer.from("RIFF....WAVEnot really"))).toBeUndefined();
  });

  it("reads samples from a Buffer at an odd offset (a view into a pooled allocation)", () => {
    const samples = Int16Array.from([0, 1, -1, 258, -258, 32767, -32768]);
    const bytes = Buffer.from(samples.buffer);
    const odd = Buffer.concat([Buffer.from([0x7f]), bytes, Buffer.from([0x01])]).subarray(1, 1 + bytes.length + 1);
    expect(odd.byteOffset % 2).toBe(1);
    expect(Array.from(pcmSamples(odd))).toEqual(Array.from(samples)); // the trailing odd byte is not a sample
  });
});
