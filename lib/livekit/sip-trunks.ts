import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { SIPInboundTrunkInfo, SIPOutboundTrunkInfo, SIPTransport } from "@livekit/protocol";
import { ValidationError } from "@/lib/errors";
import { defaultLiveKit, type LiveKitClients } from "./client";
import { callLiveKit } from "./errors";

// LiveKit SIP trunks in our own words. Updates replace the whole trunk in one write and keep
// its id (the only gap-free way to change numbers); fields we do not manage are cleared.
// Passwords never leave this module in a returned object: callers get `hasAuthPassword`
// and `authPasswordMatches()` to detect drift without printing anything.

export type SipAuth = { username: string; password: string };

export type InboundTrunkSpec = {
  name: string;
  metadata: string;
  /** Called numbers (E.164) this trunk answers. */
  numbers: string[];
  /** Source addresses allowed to send INVITEs: canonical IPv4 or IPv4 CIDR only. */
  allowedAddresses: string[];
  /** SIP header name -> participant attribute name (caller context for the agent); none when absent. */
  headersToAttributes?: Record<string, string>;
  auth?: SipAuth;
};

export type OutboundTransport = "auto" | "udp" | "tcp" | "tls";

export type OutboundTrunkSpec = {
  name: string;
  metadata: string;
  /** host or host:port of the PBX; no scheme, user or parameters. */
  address: string;
  transport: OutboundTransport;
  /** ISO 3166-1 alpha-2 country used by LiveKit to pick a region; "" for none. */
  destinationCountry: string;
  /** Caller ids this trunk may present (at least one). */
  numbers: string[];
  auth?: SipAuth;
};

type TrunkAuthView = {
  authUsername: string;
  hasAuthPassword: boolean;
  /** Constant-time comparison with the password LiveKit holds. */
  authPasswordMatches(password: string): boolean;
};

export type InboundTrunk = {
  id: string;
  name: string;
  metadata: string;
  numbers: string[];
  allowedAddresses: string[];
  headersToAttributes: Record<string, string>;
} & TrunkAuthView;

export type OutboundTrunk = {
  id: string;
  name: string;
  metadata: string;
  numbers: string[];
  address: string;
  transport: OutboundTransport;
  destinationCountry: string;
} & TrunkAuthView;

const TRANSPORT_TO_LIVEKIT: Record<OutboundTransport, SIPTransport> = {
  auto: SIPTransport.SIP_TRANSPORT_AUTO,
  udp: SIPTransport.SIP_TRANSPORT_UDP,
  tcp: SIPTransport.SIP_TRANSPORT_TCP,
  tls: SIPTransport.SIP_TRANSPORT_TLS,
};

function transportFromLiveKit(t: SIPTransport): OutboundTransport {
  switch (t) {
    case SIPTransport.SIP_TRANSPORT_UDP:
      return "udp";
    case SIPTransport.SIP_TRANSPORT_TCP:
      return "tcp";
    case SIPTransport.SIP_TRANSPORT_TLS:
      return "tls";
    default:
      return "auto";
  }
}

// LiveKit silently drops allowlist entries it cannot parse and, when none is left, accepts
// every source address. The last guard before LiveKit, whatever the caller's parser already
// checked: plain dotted IPv4 with a prefix of /8 or longer (wider is never one operator's
// PBX), and never an inbound trunk with neither an allowlist nor a password.
const IPV4_OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const STRICT_IPV4_OR_CIDR = new RegExp(`^${IPV4_OCTET}(\\.${IPV4_OCTET}){3}(/(3[0-2]|[12]\\d|[89]))?$`);

function assertInboundAdmission(spec: InboundTrunkSpec): void {
  const bad = spec.allowedAddresses.filter((e) => !STRICT_IPV4_OR_CIDR.test(e));
  if (bad.length > 0) {
    throw new ValidationError("Allowed addresses must be IPv4 addresses or CIDR ranges of /8 or longer.", {
      allowedAddresses: bad.map((e) => `Not an IPv4 address or a range of /8 or longer: ${e}`),
    });
  }
  if (spec.allowedAddresses.length === 0 && !(spec.auth?.username && spec.auth.password)) {
    throw new ValidationError("An inbound trunk needs allowed addresses or a password: with neither, LiveKit accepts calls from anywhere.", {
      allowedAddresses: ["Enter at least one IP address or range, or set inbound authentication."],
    });
  }
}

function digest(s: string): Buffer {
  return createHash("sha256").update(s, "utf8").digest();
}

function authView(username: string, password: string): TrunkAuthView {
  const stored = password === "" ? undefined : digest(password);
  return {
    authUsername: username,
    hasAuthPassword: stored !== undefined,
    authPasswordMatches: (candidate: string) =>
      stored === undefined ? candidate === "" : timingSafeEqual(stored, digest(candidate)),
  };
}

function toInbound(t: SIPInboundTrunkInfo): InboundTrunk {
  return {
    id: t.sipTrunkId,
    name: t.name,
    metadata: t.metadata,
    numbers: [...t.numbers],
    allowedAddresses: [...t.allowedAddresses],
    headersToAttributes: { ...t.headersToAttributes },
    ...authView(t.authUsername, t.authPassword),
  };
}

function toOutbound(t: SIPOutboundTrunkInfo): OutboundTrunk {
  return {
    id: t.sipTrunkId,
    name: t.name,
    metadata: t.metadata,
    numbers: [...t.numbers],
    address: t.address,
    transport: transportFromLiveKit(t.transport),
    destinationCountry: t.destinationCountry,
    ...authView(t.authUsername, t.authPassword),
  };
}

function inboundInfo(spec: InboundTrunkSpec, id = ""): SIPInboundTrunkInfo {
  assertInboundAdmission(spec);
  return new SIPInboundTrunkInfo({
    sipTrunkId: id,
    name: spec.name,
    metadata: spec.metadata,
    numbers: spec.numbers,
    allowedAddresses: spec.allowedAddresses,
    headersToAttributes: spec.headersToAttributes ?? {},
    authUsername: spec.auth?.username ?? "",
    authPassword: spec.auth?.password ?? "",
  });
}

function outboundInfo(spec: OutboundTrunkSpec, id = ""): SIPOutboundTrunkInfo {
  return new SIPOutboundTrunkInfo({
    sipTrunkId: id,
    name: spec.name,
    metadata: spec.metadata,
    address: spec.address,
    transport: TRANSPORT_TO_LIVEKIT[spec.transport],
    destinationCountry: spec.destinationCountry,
    numbers: spec.numbers,
    authUsername: spec.auth?.username ?? "",
    authPassword: spec.auth?.password ?? "",
  });
}

// A list by ids answers a placeholder for each id it does not know: keep real trunks only.
const isReal = <T extends { sipTrunkId: string }>(t: T | undefined | null): t is T => !!t && t.sipTrunkId !== "";

export async function createInboundTrunk(spec: InboundTrunkSpec, lk: LiveKitClients = defaultLiveKit()): Promise<InboundTrunk> {
  const info = inboundInfo(spec);
  const created = await callLiveKit("create the inbound trunk", () =>
    lk.sip.createSipInboundTrunk(info.name, info.numbers, {
      metadata: info.metadata,
      allowedAddresses: info.allowedAddresses,
      headersToAttributes: info.headersToAttributes,
      authUsername: info.authUsername,
      authPassword: info.authPassword,
    }),
  );
  return toInbound(created);
}

/** Replaces the whole trunk in place: same id, every field from `spec`. */
export async function updateInboundTrunk(id: string, spec: InboundTrunkSpec, lk: LiveKitClients = defaultLiveKit()): Promise<InboundTrunk> {
  const info = inboundInfo(spec, id);
  const updated = await callLiveKit("update the inbound trunk", () => lk.sip.updateSipInboundTrunk(id, info));
  return toInbound(updated);
}

/** Every inbound trunk, or only those with the given ids (unknown ids are left out). */
export async function listInboundTrunks(filter: { ids?: string[] } = {}, lk: LiveKitClients = defaultLiveKit()): Promise<InboundTrunk[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const items = await callLiveKit("list the inbound trunks", () =>
    lk.sip.listSipInboundTrunk(filter.ids ? { trunkIds: filter.ids } : {}),
  );
  return items.filter(isReal).map(toInbound);
}

export async function createOutboundTrunk(spec: OutboundTrunkSpec, lk: LiveKitClients = defaultLiveKit()): Promise<OutboundTrunk> {
  const info = outboundInfo(spec);
  const created = await callLiveKit("create the outbound trunk", () =>
    lk.sip.createSipOutboundTrunk(info.name, info.address, info.numbers, {
      metadata: info.metadata,
      transport: info.transport,
      destinationCountry: info.destinationCountry,
      authUsername: info.authUsername,
      authPassword: info.authPassword,
    }),
  );
  return toOutbound(created);
}

/**
 * Replaces the whole trunk in place: same id, every field from `spec`. (The SDK's partial
 * update cannot change address or transport, so this always replaces.)
 */
export async function updateOutboundTrunk(id: string, spec: OutboundTrunkSpec, lk: LiveKitClients = defaultLiveKit()): Promise<OutboundTrunk> {
  const info = outboundInfo(spec, id);
  const updated = await callLiveKit("update the outbound trunk", () => lk.sip.updateSipOutboundTrunk(id, info));
  return toOutbound(updated);
}

/** Every outbound trunk, or only those with the given ids (unknown ids are left out). */
export async function listOutboundTrunks(filter: { ids?: string[] } = {}, lk: LiveKitClients = defaultLiveKit()): Promise<OutboundTrunk[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const items = await callLiveKit("list the outbound trunks", () =>
    lk.sip.listSipOutboundTrunk(filter.ids ? { trunkIds: filter.ids } : {}),
  );
  return items.filter(isReal).map(toOutbound);
}

/** Deletes an inbound or outbound trunk. Deleting a trunk that no longer exists succeeds. */
export async function deleteTrunk(id: string, lk: LiveKitClients = defaultLiveKit()): Promise<void> {
  await callLiveKit("delete the trunk", () => lk.sip.deleteSipTrunk(id));
}
