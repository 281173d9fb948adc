// Runs once when the Next.js server starts: a missing or malformed setting (a bad
// CREDENTIALS_KEYS above all) stops start-up with a message naming it, instead of failing
// on the first request that needs it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv } = await import("@/lib/env");
  serverEnv();
}
