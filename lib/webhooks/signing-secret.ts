import "server-only";
import { randomBytes } from "node:crypto";
import { decryptSecret, encryptSecret, type Keyring } from "@/lib/crypto/credentials";

// An endpoint's signing secret: `whsec_` + base64 of 32 random bytes, the form the Standard
// Webhooks libraries take. Sealed at rest like SIP passwords, bound to its endpoint's id so a
// sealed value copied to another endpoint does not open.

export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

const context = (endpointId: string) => ({ accountId: endpointId, field: "webhook-secret" });

export function sealSigningSecret(keyring: Keyring, endpointId: string, secret: string): string {
  return encryptSecret(keyring, secret, context(endpointId));
}

export function openSigningSecret(keyring: Keyring, endpointId: string, sealed: string): string {
  return decryptSecret(keyring, sealed, context(endpointId));
}
