import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ulawToLinear, type RtpPeer } from "./rtp-peer.js";

// What a caller heard, measured: loudness per 20 ms, where speech starts and pauses, and
// which of a few candidate sentences pocketsphinx recognises in it. pocketsphinx is weak on
// open speech (worse on espeak-ng's synthetic voice through a phone codec), so the check is
// closed-set: a JSGF grammar with the expected sentence and distractors of similar length.
// The decoder must choose the expected one; a control recording must not.

export const SAMPLE_RATE = 8000;
const WINDOW = 160; // 20 ms

export function ulawToPcm(ulaw: Buffer): Int16Array {
  const out = new Int16Array(ulaw.length);
  for (let i = 0; i < ulaw.length; i++) out[i] = ulawToLinear(ulaw[i]!);
  return out;
}

export function rms(samples: Int16Array, from = 0, to = samples.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += samples[i]! * samples[i]!;
  return to > from ? Math.sqrt(sum / (to - from)) : 0;
}

/** RMS of 16-bit samples above which a 20 ms window counts as sound (about -46 dBFS). */
export const SOUND_RMS = 150;

/** Sample index of the first 20 ms window louder than SOUND_RMS, or -1. */
export function firstSound(samples: Int16Array): number {
  for (let i = 0; i + WINDOW <= samples.length; i += WINDOW) if (rms(samples, i, i + WINDOW) > SOUND_RMS) return i;
  return -1;
}

/** The speech segments: runs of sound separated by at least `gapMs` of quiet. */
export function speechSegments(samples: Int16Array, gapMs = 1200): { start: number; end: number }[] {
  const gap = (gapMs / 1000) * SAMPLE_RATE;
  const segs: { start: number; end: number }[] = [];
  let cur: { start: number; end: number } | undefined;
  for (let i = 0; i + WINDOW <= samples.length; i += WINDOW) {
    if (rms(samples, i, i + WINDOW) <= SOUND_RMS) continue;
    if (cur && i - cur.end <= gap) cur.end = i + WINDOW;
    else {
      cur = { start: i, end: i + WINDOW };
      segs.push(cur);
    }
  }
  return segs;
}

// One utterance for the whole clip, and a search that never prunes the right sentence away:
// with the default 30000 active HMMs per frame, a clip that fits the grammar only moderately
// ends with "Final result does not match the grammar" (seen on real call recordings).
const SEARCH = ["-beam", "1e-300", "-pbeam", "1e-300", "-wbeam", "1e-300", "-maxhmmpf", "-1"];

export function words(sentence: string): string {
  return sentence.toLowerCase().replace(/[^a-z' ]+/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Which candidate sentence pocketsphinx hears in 8 kHz mu-law audio (decoded through sox to
 * the 16 kHz WAV its model expects). Returns the decoded text ("" when nothing matched).
 */
export function recogniseAmong(ulaw: Buffer, candidates: string[], modelDir = "/usr/share/pocketsphinx/model/en-us"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sb-heard-"));
  try {
    const raw = path.join(dir, "heard.ul");
    const wav = path.join(dir, "heard.wav");
    writeFileSync(raw, ulaw);
    const sox = spawnSync("sox", ["-t", "raw", "-e", "u-law", "-b", "8", "-r", "8000", "-c", "1", raw, "-r", "16000", "-e", "signed", "-b", "16", wav], { timeout: 20_000 });
    if (sox.status !== 0) throw new Error(`sox failed: ${sox.stderr?.toString()}`);
    const gram = path.join(dir, "candidates.gram");
    const alternatives = [...new Set(candidates.map(words).filter(Boolean))];
    writeFileSync(gram, `#JSGF V1.0;\ngrammar candidates;\npublic <s> = ${alternatives.join("\n  | ")};\n`);
    const ps = spawnSync(
      "pocketsphinx_continuous",
      ["-infile", wav, "-hmm", path.join(modelDir, "en-us"), "-dict", path.join(modelDir, "cmudict-en-us.dict"), "-jsgf", gram, "-remove_silence", "no", ...SEARCH, "-logfn", "/dev/null"],
      { timeout: 60_000 },
    );
    if (ps.status !== 0) throw new Error(`pocketsphinx_continuous failed (${ps.status}): ${ps.stderr?.toString().slice(-500)}`);
    return ps.stdout.toString().trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Short phone phrases, the distractors for a short reply (a long candidate would not fit its length). */
export const SHORT_DISTRACTORS = ["sorry i did not catch that", "please hold the line", "thank you goodbye", "one moment please"];

/**
 * recogniseAmong over one speech segment, decoded three times with different margins of the
 * surrounding quiet: the answer at least two agree on, else "". A single decode of a short
 * phrase sometimes tips to a neighbour; agreement of two is not a coincidence.
 */
export function recogniseSegment(ulaw: Buffer, seg: { start: number; end: number }, candidates: string[]): string {
  const votes = new Map<string, number>();
  for (const margin of [1200, 2400, 4000]) {
    const clip = ulaw.subarray(Math.max(0, seg.start - margin), Math.min(ulaw.length, seg.end + margin));
    const heard = recogniseAmong(clip, candidates);
    if (heard) votes.set(heard, (votes.get(heard) ?? 0) + 1);
  }
  const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 ? best[0] : "";
}

/** Distractors for the closed-set check of a greeting: phone-like sentences of similar length. */
export const DISTRACTORS = [
  "please leave a message after the tone and we will call you back",
  "our office is closed right now please try again tomorrow morning",
  "the weather in paris is sunny and warm this afternoon",
  "good morning this is the front desk of the hotel",
  "your package will arrive on monday between nine and noon",
];

/**
 * Runs `then` once the caller has heard the agent speak after `since` (performance.now()) and
 * go quiet for `quietMs`, as a caller waits for an answer before going on; or after `giveUpMs`.
 * Under load the recogniser can take seconds on a turn, and a reply to a later turn supersedes
 * one queued before it, so a test that acts on a fixed clock races the agent.
 */
export function whenAgentReplied(peer: RtpPeer, since: number, then: () => void, { quietMs = 1000, giveUpMs = 20_000 } = {}): void {
  let checked = 0;
  let lastSound: number | undefined;
  const timer = setInterval(() => {
    for (; checked < peer.received.length; checked++) {
      const p = peer.received[checked]!;
      if (p.at > since && p.payloadType === 0 && rms(ulawToPcm(p.payload)) > SOUND_RMS) lastSound = p.at;
    }
    const now = performance.now();
    if ((lastSound !== undefined && now - lastSound >= quietMs) || now - since >= giveUpMs) {
      clearInterval(timer);
      then();
    }
  }, 50);
}
