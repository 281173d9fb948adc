import { AudioFrame, AudioResampler, AudioSource } from "@livekit/rtc-node";

// Job processes wait warm for calls (AGENT_WORKER_IDLE_PROCESSES of them), but the first
// audio a process handles still starts the FFI client and sets up its message types: about
// 20 ms here the first time, 3-5 ms after. Doing it once while the process waits takes
// that off the call's set-up.

export async function warmJobProcess(): Promise<void> {
  const source = new AudioSource(48_000, 1);
  const silence = new AudioFrame(new Int16Array(480), 48_000, 1, 480);
  await source.captureFrame(silence).catch(() => undefined);
  await source.close();
  const resampler = new AudioResampler(48_000, 16_000, 1);
  resampler.push(silence);
  resampler.flush();
  resampler.close();
}
