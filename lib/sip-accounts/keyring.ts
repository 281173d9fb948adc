import "server-only";
import { parseKeyring, type Keyring } from "@/lib/crypto/credentials";
import { serverEnv } from "@/lib/env";

let cached: Keyring | undefined;

/** The credentials keyring from CREDENTIALS_KEYS, parsed once per process. */
export function credentialsKeyring(): Keyring {
  cached ??= parseKeyring(serverEnv().CREDENTIALS_KEYS);
  return cached;
}
