// The test stack's settings as tests and benches read them: scripts/stack/env.sh exports
// them (scripts/test.sh and bench/run.sh run it first). A missing one is a clear error
// naming it, never an empty string that fails later somewhere else.

export function stackEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: start the stack (scripts/stack/up.sh) and export its env (scripts/stack/env.sh)`);
  return v;
}

/** The stack's livekit-server: URL, API key and secret. */
export function stackLiveKit(): { url: string; apiKey: string; apiSecret: string } {
  return { url: stackEnv("LIVEKIT_URL"), apiKey: stackEnv("LIVEKIT_API_KEY"), apiSecret: stackEnv("LIVEKIT_API_SECRET") };
}
