// When provisioning that LiveKit's absence left undone is tried again: 5 s after the failure,
// then doubling up to every 5 minutes, for as long as it takes. Pure, for the unit test.

const FIRST_SECONDS = 5;
const MAX_SECONDS = 300;

export function healDelaySeconds(retries: number): number {
  return Math.min(FIRST_SECONDS * 2 ** Math.min(retries, 16), MAX_SECONDS);
}

export function nextHealAt(retries: number, now = new Date()): Date {
  return new Date(now.getTime() + healDelaySeconds(retries) * 1000);
}
