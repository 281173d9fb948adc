import "server-only";
import type { AgentSipRegistration } from "@/lib/db/generated/prisma/client";
import { explainRegistration } from "./explanations";
import type { RegistrationView } from "./schemas";

// The registration row as the REST API and the agent page see it: never the password or the
// contact (a capability), and the status explained in plain words.

export function toRegistrationView(row: AgentSipRegistration): RegistrationView {
  return {
    agentId: row.agentId,
    enabled: row.enabled,
    domain: row.domain,
    username: row.username,
    extension: row.username,
    hasPassword: true,
    proxy: row.proxy,
    port: row.port,
    transport: row.transport as RegistrationView["transport"],
    subscribe: false,
    authUsername: row.authUsername,
    did: row.did,
    xDestUser: row.xDestUser,
    status: row.status,
    lastCode: row.lastCode,
    lastReason: row.lastReason,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    explanation: explainRegistration(row),
    updatedAt: row.updatedAt.toISOString(),
  };
}
