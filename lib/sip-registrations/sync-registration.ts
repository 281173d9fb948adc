import "server-only";
import type { AgentSipRegistration } from "@/lib/db/generated/prisma/client";
import { decryptSecret } from "@/lib/crypto/credentials";
import { db } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";
import { edgeUuid, parseEdgeUuid } from "./contact";
import { EdgeRpcError } from "@/lib/edge/edge-rpc";
import { addRecord, listRecords, removeRecord, UAC_FLAG, unregisterRecord, type EdgeRecord, type EdgeRegistration } from "./edge-registrar";
import { passwordSecretContext } from "./registration-service";
import { applyRegistrationToLiveKit, calledUserOf, removeRegistrationFromLiveKit } from "./registration-livekit";
import { retryDelaySeconds } from "./registrar-reply";

// Keeps the SIP edge's registrations (uac records) and LiveKit in step with the database.
// Run by the dispatcher: for one agent when its registration is saved or deleted (a job), and
// for all of them every few seconds (reconcileRegistrations), which is what brings them back
// after an edge restart (the edge keeps nothing on disk) and retries failures on schedule.
// The edge reports each REGISTER's reply to the console (registrar-report.ts); here we act
// on the status it left: registered or pending records are left to uac; a failed one is
// added again when its retry is due; after auth_failed nothing is sent until a save.

type Registration = AgentSipRegistration & { agent: { name: string } };

function rpcUrl(): string {
  const url = serverEnv().SIP_EDGE_RPC_URL;
  if (!url) throw new Error("SIP_EDGE_RPC_URL is not set: registrations need the SIP edge.");
  return url;
}

function edgeRegistrationOf(row: AgentSipRegistration): EdgeRegistration {
  const env = serverEnv();
  const contact = env.SIP_PUBLIC_IPS[0] ?? "127.0.0.1:5060";
  const transport = row.transport === "tcp" ? "tcp" : "udp";
  const target = row.proxy ?? row.domain;
  return {
    uuid: edgeUuid(row.contactUser, row.revision),
    calledUser: calledUserOf(row),
    username: row.username,
    registrarDomain: row.domain,
    authUsername: row.authUsername ?? row.username,
    password: decryptSecret(credentialsKeyring(), row.passwordEnc, passwordSecretContext(row.id)),
    outboundProxy: `sip:${target}:${row.port ?? 5060};transport=${transport}`,
    expiresSeconds: env.SIP_REGISTRATION_EXPIRES_SECONDS,
    // Over TCP the REGISTER must leave from the SIP listener, not the JSON-RPC one.
    socket: transport === "tcp" ? `tcp:${contact}` : "",
    contactAddress: transport === "tcp" ? `${contact};transport=tcp` : contact,
  };
}

const has = (r: EdgeRecord, flag: number) => (r.flags & flag) !== 0;

/** Sends Expires: 0 for each online record, waits (bounded) for the answers, then forgets them. */
async function unregisterAndRemove(url: string, records: EdgeRecord[]): Promise<void> {
  const online = records.filter((r) => has(r, UAC_FLAG.online) && !has(r, UAC_FLAG.disabled));
  for (const r of online) await unregisterRecord(url, r.uuid);
  // The unregistration may be challenged: uac needs the record to answer with our digest.
  const deadline = Date.now() + 8_000;
  while (online.length > 0 && Date.now() < deadline) {
    const now = await listRecords(url);
    if (!now.some((r) => online.some((o) => o.uuid === r.uuid) && (has(r, UAC_FLAG.ongoing) || has(r, UAC_FLAG.online)))) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  for (const r of records) await removeRecord(url, r.uuid);
}

/** Brings one registration's edge records in step with its row (LiveKit is left alone). */
async function applyToEdge(url: string, row: AgentSipRegistration, records: EdgeRecord[], now = new Date()): Promise<void> {
  const mine = records.filter((r) => parseEdgeUuid(r.uuid)?.contactUser === row.contactUser);
  const current = edgeUuid(row.contactUser, row.revision);
  const present = mine.find((r) => r.uuid === current);
  await unregisterAndRemove(url, row.enabled ? mine.filter((r) => r.uuid !== current) : mine);
  if (!row.enabled) return;

  if (row.status === "auth_failed") {
    if (present) await removeRecord(url, current);
    return;
  }
  if (present && !has(present, UAC_FLAG.disabled)) return;
  if (present) {
    await removeRecord(url, current);
    // uac gave up without a reply reaching us (a timeout, 408, appears only in its log).
    if (row.status === "pending" || row.status === "registered") {
      const failures = row.failures + 1;
      await db().agentSipRegistration.updateMany({
        where: { id: row.id, revision: row.revision, status: row.status },
        data: { status: "failed", lastCode: 408, lastReason: "No answer from the registrar", expiresAt: null, failures, retryAt: new Date(now.getTime() + retryDelaySeconds(failures) * 1000) },
      });
      return;
    }
  }
  if (row.status === "failed" && row.retryAt && row.retryAt > now) return;
  try {
    await addRecord(url, edgeRegistrationOf(row));
  } catch (err) {
    // Another dispatcher added it first.
    if (!(err instanceof EdgeRpcError && err.code === 409)) throw err;
  }
  await db().agentSipRegistration.updateMany({
    where: { id: row.id, revision: row.revision },
    data: { lastAttemptAt: now, ...(row.status === "registered" ? {} : { status: "pending" as const }) },
  });
}

async function finishDeletion(row: Registration): Promise<void> {
  await removeRegistrationFromLiveKit(row);
  await db().agentSipRegistration.deleteMany({ where: { id: row.id, enabled: false } });
}

/** The job: one agent's registration saved or deleted. Throws to be retried by the queue. */
export async function syncRegistration(agentId: string): Promise<void> {
  const row = await db().agentSipRegistration.findUnique({ where: { agentId }, include: { agent: { select: { name: true } } } });
  if (!row) return;
  const url = rpcUrl();
  if (row.enabled) {
    const ids = await applyRegistrationToLiveKit(row, row.agent.name);
    if (ids.inboundTrunkId !== row.inboundTrunkId || ids.dispatchRuleId !== row.dispatchRuleId) {
      await db().agentSipRegistration.update({ where: { id: row.id }, data: ids });
    }
  }
  await applyToEdge(url, row, await listRecords(url));
  if (!row.enabled) await finishDeletion(row);
}

/**
 * Every registration against what the edge holds: re-adds what an edge restart lost, retries
 * failures that are due, and unregisters records nobody wants (an agent deleted meanwhile).
 */
export async function reconcileRegistrations(): Promise<{ checked: number }> {
  const url = rpcUrl();
  const records = await listRecords(url);
  const rows = await db().agentSipRegistration.findMany({ include: { agent: { select: { name: true } } } });
  const known = new Set(rows.map((r) => r.contactUser));
  const orphans = records.filter((r) => {
    const parsed = parseEdgeUuid(r.uuid);
    return parsed !== null && !known.has(parsed.contactUser);
  });
  if (orphans.length > 0) await unregisterAndRemove(url, orphans);
  for (const row of rows) {
    try {
      if (row.enabled && !row.inboundTrunkId) {
        await syncRegistration(row.agentId);
        continue;
      }
      await applyToEdge(url, row, records);
      if (!row.enabled) await finishDeletion(row);
    } catch (err) {
      console.error("[dispatcher] registration reconcile failed", { agentId: row.agentId, err: (err as Error).message });
    }
  }
  return { checked: rows.length };
}
