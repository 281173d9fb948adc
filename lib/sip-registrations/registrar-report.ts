import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { formFields } from "@/lib/edge/edge-route";
import { parseEdgeUuid } from "./contact";
import { calledUserOf } from "./registration-livekit";
import { contactExpires, statusAfterReply, type RegistrarReply } from "./registrar-reply";

// The edge's two questions about registrations (kamailio.cfg): "here is the registrar's reply
// to one of your REGISTERs" (kept as the status), and "the PBX sends an INVITE to this
// contact: where does it go?".

const replyForm = z.object({
  uuid: z.string().max(64),
  code: z.coerce.number().int().min(100).max(699),
  reason: z.string().max(200).default(""),
  authSent: z.enum(["true", "false"]).transform((v) => v === "true"),
  requestedExpires: z.string().max(12).default(""),
  expiresHeader: z.string().max(12).default(""),
  contact: z.string().max(1000).default(""),
});

const intOrNull = (v: string) => (/^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : null);

/** Records a registrar's reply; false when the form is not the edge's. */
export async function recordRegistrarReply(body: string, now = new Date()): Promise<boolean> {
  const parsed = replyForm.safeParse(formFields(body));
  if (!parsed.success) return false;
  const f = parsed.data;
  const id = parseEdgeUuid(f.uuid);
  if (!id) return false;
  const row = await db().agentSipRegistration.findUnique({ where: { contactUser: id.contactUser } });
  // A reply to an older configuration's REGISTER says nothing about the current one.
  if (!row || row.revision !== id.revision) return true;
  const reply: RegistrarReply = {
    code: f.code,
    reason: f.reason,
    authSent: f.authSent,
    requestedExpires: intOrNull(f.requestedExpires),
    grantedExpires: contactExpires(f.contact) ?? intOrNull(f.expiresHeader),
  };
  const change = statusAfterReply(reply, row.failures, now);
  if (!change) return true;
  // An unregistering row keeps "pending" until it is gone; its replies change nothing else.
  if (!row.enabled && change.status !== "not_registered") return true;
  await db().agentSipRegistration.updateMany({ where: { id: row.id, revision: row.revision }, data: { ...change, lastAttemptAt: now } });
  return true;
}

const inviteForm = z.object({ contact: z.string().max(64) });

export type ContactDecision = { action: "forward"; calledUser: string; xDestUser: string } | { action: "refuse"; sipCode: 403 | 404; reason: string };

/**
 * Where an INVITE to a registered contact goes: an unknown or outdated contact is 404, and a
 * suspended Space's agent takes no call (403, as for its numbers).
 */
export async function routeRegisteredContact(body: string): Promise<ContactDecision | null> {
  const parsed = inviteForm.safeParse(formFields(body));
  if (!parsed.success) return null;
  const id = parseEdgeUuid(parsed.data.contact);
  const row = id ? await db().agentSipRegistration.findUnique({ where: { contactUser: id.contactUser }, include: { space: { select: { suspendedAt: true } } } }) : null;
  if (!id || !row || !row.enabled || row.revision !== id.revision || !row.inboundTrunkId) return { action: "refuse", sipCode: 404, reason: "Not Found" };
  if (row.space.suspendedAt) return { action: "refuse", sipCode: 403, reason: "Space Suspended" };
  return { action: "forward", calledUser: calledUserOf(row), xDestUser: row.xDestUser ?? "" };
}
