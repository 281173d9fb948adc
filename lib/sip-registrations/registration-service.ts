import "server-only";
import { randomUUID } from "node:crypto";
import { findAgent, assertCanManageAgents } from "@/lib/agents/repository";
import { encryptSecret } from "@/lib/crypto/credentials";
import { db, isUniqueViolation } from "@/lib/db/client";
import { edgeMode } from "@/lib/edge/edge-mode";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { addSyncSipRegistrationJob } from "@/lib/queue/jobs";
import { credentialsKeyring } from "@/lib/sip-accounts/keyring";
import type { SpaceContext } from "@/lib/spaces/context";
import { newContactUser } from "./contact";
import { toRegistrationView } from "./repository";
import type { RegistrationInput, RegistrationView } from "./schemas";

// Saving an agent's SIP registration: the row first, with the job that applies it (edge and
// LiveKit) in the same transaction, so a saved registration is never left unapplied; the
// dispatcher runs the job (lib/sip-registrations/sync-registration.ts). Saving enables it,
// and starts a new revision: the status starts again from "pending".

export const NEEDS_EDGE = "SIP registration needs the SIP edge, and this deployment runs in direct mode (SIP_EDGE=off): nothing here can send REGISTER.";
const DID_TAKEN = "Another agent's registration already sends this DID.";
const DID_BOUND = "This number is bound to a Custom SIP account (possibly in another Space): its calls go to that number's agent. Use another DID, or leave it empty.";

export const passwordSecretContext = (registrationId: string) => ({ accountId: registrationId, field: "registration" });

/** The registration of an agent in the caller's Space, or null (the agent page's form). */
export async function findRegistration(ctx: SpaceContext, agentId: string): Promise<RegistrationView | null> {
  const agent = await findAgent(ctx, agentId);
  const row = await db().agentSipRegistration.findUnique({ where: { agentId: agent.id } });
  return row ? toRegistrationView(row) : null;
}

/** The same, for REST: an agent without one is a 404. */
export async function getRegistration(ctx: SpaceContext, agentId: string): Promise<RegistrationView> {
  const view = await findRegistration(ctx, agentId);
  if (!view) throw new NotFoundError("This agent has no SIP registration.");
  return view;
}

export async function saveRegistration(ctx: SpaceContext, agentId: string, input: RegistrationInput): Promise<RegistrationView> {
  assertCanManageAgents(ctx);
  const agent = await findAgent(ctx, agentId);
  if (!edgeMode()) throw new ConflictError(NEEDS_EDGE);
  const existing = await db().agentSipRegistration.findUnique({ where: { agentId: agent.id } });
  const id = existing?.id ?? randomUUID();

  let passwordEnc: string;
  if (input.password.state === "new" && input.password.value !== "") {
    passwordEnc = encryptSecret(credentialsKeyring(), input.password.value, passwordSecretContext(id));
  } else if (input.password.state === "untouched" && existing) {
    passwordEnc = existing.passwordEnc;
  } else {
    throw new ValidationError("Some fields are not valid.", { password: ["Enter the SIP password: the PBX asks for it when the agent registers."] });
  }
  if (input.did && (await db().phoneNumber.findFirst({ where: { liveE164: input.did }, select: { id: true } }))) {
    throw new ConflictError(DID_BOUND, { did: [DID_BOUND] });
  }

  const fields = {
    domain: input.domain,
    username: input.username,
    passwordEnc,
    proxy: input.proxy ?? null,
    port: input.port ?? null,
    transport: input.transport ?? "udp",
    authUsername: input.authUsername ?? null,
    did: input.did ?? null,
    xDestUser: input.xDestUser ?? null,
    enabled: true,
    status: "pending" as const,
    lastCode: null,
    lastReason: null,
    expiresAt: null,
    retryAt: null,
    failures: 0,
  };
  try {
    const row = await db().$transaction(async (tx) => {
      const saved = existing
        ? await tx.agentSipRegistration.update({ where: { id }, data: { ...fields, revision: { increment: 1 } } })
        : await tx.agentSipRegistration.create({ data: { id, agentId: agent.id, spaceId: ctx.spaceId, contactUser: newContactUser(), ...fields } });
      await addSyncSipRegistrationJob(tx, agent.id);
      return saved;
    });
    return toRegistrationView(row);
  } catch (err) {
    if (isUniqueViolation(err, ["did"])) throw new ConflictError(DID_TAKEN, { did: [DID_TAKEN] });
    throw err;
  }
}

/** Unregisters (REGISTER with Expires: 0 from the edge); the row goes once that is done. */
export async function deleteRegistration(ctx: SpaceContext, agentId: string): Promise<void> {
  assertCanManageAgents(ctx);
  const agent = await findAgent(ctx, agentId);
  await db().$transaction(async (tx) => {
    const { count } = await tx.agentSipRegistration.updateMany({ where: { agentId: agent.id }, data: { enabled: false, status: "pending", retryAt: null } });
    if (count === 0) throw new NotFoundError("This agent has no SIP registration.");
    await addSyncSipRegistrationJob(tx, agent.id);
  });
}
