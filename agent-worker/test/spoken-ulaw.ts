import { spawnSync } from "node:child_process";

/**
 * A sentence as a caller on the phone says it: espeak-ng's voice, resampled by sox to 8 kHz
 * mu-law, ready for RtpPeer.play. For tests that need the caller to speak.
 */
export function spokenUlaw(sentence: string): Buffer {
  const wav = spawnSync("espeak-ng", ["-v", "en-us", "-s", "150", "--stdout", sentence], { maxBuffer: 32 * 1024 * 1024, timeout: 20_000 });
  if (wav.status !== 0) throw new Error(`espeak-ng failed: ${wav.stderr}`);
  const ulaw = spawnSync("sox", ["-t", "wav", "-", "-t", "ul", "-r", "8000", "-c", "1", "-"], { input: wav.stdout, maxBuffer: 32 * 1024 * 1024, timeout: 20_000 });
  if (ulaw.status !== 0) throw new Error(`sox failed: ${ulaw.stderr}`);
  return ulaw.stdout;
}
