import type { InboundTrunk, InboundTrunkSpec, OutboundTrunk, OutboundTrunkSpec } from "@/lib/livekit/sip-trunks";
import { readMarker } from "./marker";

// How a trunk in LiveKit differs from what the database wants, in words an operator reads on
// the Verify card. An empty list means the trunk matches. Passwords are compared inside
// lib/livekit and only ever reported as "differs".

function sameSet(a: string[], b: string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

function listDiff(label: string, actual: string[], wanted: string[]): string[] {
  const missing = wanted.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !wanted.includes(x));
  const parts: string[] = [];
  if (missing.length) parts.push(`${label} missing in LiveKit: ${missing.join(", ")}`);
  if (extra.length) parts.push(`${label} in LiveKit but not in the console: ${extra.join(", ")}`);
  return parts;
}

function authDrift(trunk: InboundTrunk | OutboundTrunk, auth: { username: string; password: string } | undefined): string[] {
  const out: string[] = [];
  const wantedUser = auth?.username ?? "";
  if (trunk.authUsername !== wantedUser) {
    out.push(wantedUser ? `auth username differs (LiveKit has ${trunk.authUsername ? `"${trunk.authUsername}"` : "none"})` : "LiveKit has an auth username the console does not");
  }
  if (!trunk.authPasswordMatches(auth?.password ?? "")) out.push("auth password differs");
  return out;
}

function markerDrift(metadata: string, wantedMetadata: string): string[] {
  const actual = readMarker(metadata);
  const wanted = readMarker(wantedMetadata);
  if (!actual || !wanted || actual.accountId !== wanted.accountId || actual.role !== wanted.role) {
    return ["the console's marker is missing from the trunk's metadata"];
  }
  return [];
}

export function inboundDrift(trunk: InboundTrunk, spec: InboundTrunkSpec): string[] {
  const out: string[] = [];
  if (!sameSet(trunk.allowedAddresses, spec.allowedAddresses)) out.push(...listDiff("allowed addresses", trunk.allowedAddresses, spec.allowedAddresses));
  if (!sameSet(trunk.numbers, spec.numbers)) out.push(...listDiff("numbers", trunk.numbers, spec.numbers));
  out.push(...headerDrift(trunk.headersToAttributes, spec.headersToAttributes ?? {}));
  out.push(...authDrift(trunk, spec.auth));
  out.push(...markerDrift(trunk.metadata, spec.metadata));
  if (trunk.name !== spec.name) out.push(`name differs ("${trunk.name}")`);
  return out;
}

/** The SIP headers passed to the agent: same names, each onto the same attribute. */
function headerDrift(actual: Record<string, string>, wanted: Record<string, string>): string[] {
  const pairs = (m: Record<string, string>) => Object.entries(m).map(([h, a]) => `${h} -> ${a}`);
  return listDiff("passed SIP headers", pairs(actual), pairs(wanted));
}

export function outboundDrift(trunk: OutboundTrunk, spec: OutboundTrunkSpec): string[] {
  const out: string[] = [];
  if (trunk.address !== spec.address) out.push(`address differs (LiveKit has ${trunk.address || "none"})`);
  if (trunk.transport !== spec.transport) out.push(`transport differs (LiveKit has ${trunk.transport.toUpperCase()})`);
  if (trunk.destinationCountry.toUpperCase() !== spec.destinationCountry.toUpperCase()) {
    out.push(`destination country differs (LiveKit has ${trunk.destinationCountry || "none"})`);
  }
  if (!sameSet(trunk.numbers, spec.numbers)) out.push(...listDiff("numbers", trunk.numbers, spec.numbers));
  out.push(...authDrift(trunk, spec.auth));
  out.push(...markerDrift(trunk.metadata, spec.metadata));
  if (trunk.name !== spec.name) out.push(`name differs ("${trunk.name}")`);
  return out;
}
