import { hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";

// Argon2id with the library's defaults (19 MiB, 2 passes), the OWASP baseline.
//
// Bounded: each hash holds 19 MiB and a core for tens of milliseconds, so a flood of sign-ins
// or sign-ups (from many addresses, past the per-address limits) must not run thousands at
// once and starve the server of memory and CPU. At most HASHES_AT_ONCE run; the rest wait
// their turn, and past MAX_WAITING a new one is refused at once (the caller says "busy").
const HASHES_AT_ONCE = 2;
const MAX_WAITING = 100;
const slots = pLimit(HASHES_AT_ONCE);

export class PasswordHashingBusyError extends Error {
  constructor() {
    super("Too many sign-ins at once; try again in a moment.");
  }
}

function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (slots.pendingCount >= MAX_WAITING) return Promise.reject(new PasswordHashingBusyError());
  return slots(work);
}

export async function hashPassword(plain: string): Promise<string> {
  return bounded(() => hash(plain));
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  return bounded(async () => {
    try {
      return await verify(passwordHash, plain);
    } catch {
      // A malformed stored hash is a failed sign-in, not a server error.
      return false;
    }
  });
}
