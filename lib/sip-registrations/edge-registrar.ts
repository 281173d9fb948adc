import "server-only";
import { edgeRpc as rpc, type EdgeRpcError } from "@/lib/edge/edge-rpc";

// The SIP edge's registrar client (Kamailio's uac module), driven over its loopback JSON-RPC
// (scripts/stack/edge/kamailio.cfg). Facts of uac 5.6.3 this relies on (platform-notes 2b):
// reg_add takes 15 positional parameters and answers 409 for a uuid it holds, so an update is
// unregister + remove + add; reg_unregister sends Expires: 0; with reg_retry_interval 0 any
// failed REGISTER disables the record, so retries are ours to decide (sync-registration.ts).

export type EdgeRecord = {
  uuid: string;
  /** uac flags: 1 disabled, 2 ongoing, 4 online, 8 auth sent, 16 init. */
  flags: number;
  /** Seconds until the registration lapses (negative once past). */
  diffExpires: number;
};

export const UAC_FLAG = { disabled: 1, ongoing: 2, online: 4 } as const;

export type EdgeRegistration = {
  uuid: string;
  /** The user the edge puts in To towards livekit-sip (the DID, or the contact). */
  calledUser: string;
  username: string;
  /** host, or host:port, of the registrar. */
  registrarDomain: string;
  authUsername: string;
  password: string;
  /** sip:host:port;transport=x where REGISTERs are sent. */
  outboundProxy: string;
  expiresSeconds: number;
  /** "" for UDP; tcp:<ip>:<port> of the edge's listener for TCP. */
  socket: string;
  /** host:port[;transport=tcp] in our Contact. */
  contactAddress: string;
};

export async function addRecord(rpcUrl: string, r: EdgeRegistration): Promise<void> {
  // l_domain is only used when uac_reg_lookup rewrites an R-URI; the console routes instead.
  await rpc(rpcUrl, "uac.reg_add", [
    r.uuid, r.calledUser, "switchboard", r.username, r.registrarDomain, "", r.authUsername, r.password, "", r.outboundProxy,
    r.expiresSeconds, 0, 0, r.socket, r.contactAddress,
  ]);
}

/** Sends REGISTER with Expires: 0 for the record (it stays in the edge until removed). */
export async function unregisterRecord(rpcUrl: string, uuid: string): Promise<void> {
  await rpc(rpcUrl, "uac.reg_unregister", ["l_uuid", uuid]).catch((err: EdgeRpcError) => {
    if (err.code !== 404) throw err;
  });
}

export async function removeRecord(rpcUrl: string, uuid: string): Promise<void> {
  await rpc(rpcUrl, "uac.reg_remove", [uuid]).catch((err: EdgeRpcError) => {
    if (err.code !== 404) throw err;
  });
}

export async function listRecords(rpcUrl: string): Promise<EdgeRecord[]> {
  const result = await rpc(rpcUrl, "uac.reg_dump");
  const rows = Array.isArray(result) ? result : [];
  return rows.flatMap((row) => {
    if (!row || typeof row !== "object") return [];
    const r = row as Record<string, unknown>;
    return typeof r.l_uuid === "string" ? [{ uuid: r.l_uuid, flags: Number(r.flags) || 0, diffExpires: Number(r.diff_expires) || 0 }] : [];
  });
}
