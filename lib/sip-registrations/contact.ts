import { randomBytes } from "node:crypto";

// The user part of an agent's Contact on the PBX: "sb" + 26 random base32 characters (130
// bits; whoever knows it can ring the agent, so it is a capability and never shown), then
// "r" + the registration's revision. A new revision on every save makes a late reply to an
// older configuration's REGISTER recognisable, and an old contact stop ringing the agent.

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const UUID = /^(sb[a-z2-7]{26})r(\d{1,9})$/;

export function newContactUser(): string {
  const bytes = randomBytes(26);
  let out = "sb";
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/** The uac record's uuid (and our Contact's user) for a revision of the registration. */
export function edgeUuid(contactUser: string, revision: number): string {
  return `${contactUser}r${revision}`;
}

export function parseEdgeUuid(uuid: string): { contactUser: string; revision: number } | null {
  const m = UUID.exec(uuid);
  return m ? { contactUser: m[1]!, revision: Number(m[2]) } : null;
}
