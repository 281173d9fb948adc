// Minimal RIFF/WAVE for 16-bit PCM: what espeak-ng writes, pocketsphinx reads and the
// greeting cache keeps. No dependency: the formats used here are fixed and small.

import { endianness } from "node:os";

export type PcmFormat = { sampleRate: number; channels: number };

/** A 16-bit PCM WAV file holding `samples` (interleaved when channels > 1). */
export function encodeWav(samples: Int16Array, format: PcmFormat): Buffer {
  const dataBytes = samples.length * 2;
  const buf = Buffer.alloc(44 + dataBytes);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + dataBytes, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(format.channels, 22);
  buf.writeUInt32LE(format.sampleRate, 24);
  buf.writeUInt32LE(format.sampleRate * format.channels * 2, 28);
  buf.writeUInt16LE(format.channels * 2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(dataBytes, 40);
  Buffer.from(samples.buffer, samples.byteOffset, dataBytes).copy(buf, 44);
  return buf;
}

export type WavHeader = PcmFormat & { dataOffset: number };

/**
 * Reads the header of a 16-bit PCM WAV that may still be streaming (espeak-ng --stdout
 * writes 0xFFFFFFFF sizes). Returns undefined until the "data" chunk header is in `head`.
 */
export function parseWavHeader(head: Buffer): WavHeader | undefined {
  if (head.length < 12) return undefined;
  if (head.toString("ascii", 0, 4) !== "RIFF" || head.toString("ascii", 8, 12) !== "WAVE") {
    throw new Error("not a RIFF/WAVE stream");
  }
  let offset = 12;
  let format: PcmFormat | undefined;
  while (offset + 8 <= head.length) {
    const id = head.toString("ascii", offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    if (id === "data") {
      if (!format) throw new Error("WAV data chunk before its fmt chunk");
      return { ...format, dataOffset: offset + 8 };
    }
    if (offset + 8 + size > head.length) return undefined;
    if (id === "fmt ") {
      const audioFormat = head.readUInt16LE(offset + 8);
      const bits = head.readUInt16LE(offset + 22);
      if (audioFormat !== 1 || bits !== 16) throw new Error(`unsupported WAV encoding (format ${audioFormat}, ${bits} bits)`);
      format = { channels: head.readUInt16LE(offset + 10), sampleRate: head.readUInt32LE(offset + 12) };
    }
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

const littleEndianHost = endianness() === "LE";

/**
 * Little-endian 16-bit samples, copied: the Buffer may be a view into a pooled allocation
 * with an odd offset, which an Int16Array cannot view. On a little-endian host the bytes are
 * copied as they are (a sample at a time took ~15 ms for a greeting, on the call's set-up).
 */
export function pcmSamples(bytes: Buffer): Int16Array {
  const samples = new Int16Array(bytes.length >> 1);
  if (littleEndianHost) new Uint8Array(samples.buffer).set(bytes.subarray(0, samples.length * 2));
  else for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(i * 2);
  return samples;
}

/** A whole 16-bit PCM WAV file as written by encodeWav; undefined when it is not one, or cut short. */
export function decodeWav(bytes: Buffer): (PcmFormat & { samples: Int16Array }) | undefined {
  let header: WavHeader | undefined;
  try {
    header = parseWavHeader(bytes);
  } catch {
    return undefined;
  }
  if (!header) return undefined;
  const data = bytes.subarray(header.dataOffset);
  if (data.length < 2 || data.length !== bytes.readUInt32LE(header.dataOffset - 4)) return undefined;
  return { sampleRate: header.sampleRate, channels: header.channels, samples: pcmSamples(data) };
}
