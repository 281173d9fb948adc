import "server-only";
import { z } from "zod";
import { serverEnv } from "@/lib/env";
import { withInternalRoute } from "@/lib/worker-auth/worker-token";
import type { EdgeInvite } from "./refusals";

// The SIP edge's side of the internal API (/api/internal/edge/*): its own bearer token
// (EDGE_INTERNAL_TOKEN), and form-encoded bodies, which Kamailio's script escapes safely
// ({s.escape.param}) where hand-built JSON could not be.

export const withEdgeRoute = withInternalRoute(() => serverEnv().EDGE_INTERNAL_TOKEN, "the SIP edge");

const sipText = (max: number) => z.string().max(max);

const inviteForm = z.object({
  to: sipText(128),
  from: sipText(128).default(""),
  sourceIp: z.string().regex(/^[0-9a-fA-F.:]{2,45}$/),
  transport: z.string().regex(/^[a-z]{2,5}$/i).transform((t) => t.toLowerCase()),
  hasCredentials: z.enum(["true", "false"]).transform((v) => v === "true"),
  callId: sipText(256).default(""),
});

const refusedForm = inviteForm.extend({
  sipCode: z.coerce.number().int().min(300).max(699),
  sipReason: sipText(128).default(""),
});

/**
 * name=value pairs, percent-decoded. Not URLSearchParams: it reads "+" as a space, and
 * Kamailio's escaping leaves the "+" of an E.164 number as it is.
 */
export function formFields(body: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of body.split("&")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) continue;
    try {
      out[decodeURIComponent(pair.slice(0, eq))] = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      // A malformed escape: leave the field out, the schema then refuses the form.
    }
  }
  return out;
}

/** Parses the edge's form body; null when it is not what the edge sends. */
export function parseInviteForm(body: string): EdgeInvite | null {
  const parsed = inviteForm.safeParse(formFields(body));
  if (!parsed.success) return null;
  const f = parsed.data;
  return { calledNumber: f.to, fromNumber: f.from, sourceAddress: f.sourceIp, transport: f.transport, sipCallId: f.callId, hasCredentials: f.hasCredentials };
}

export function parseRefusedForm(body: string): (EdgeInvite & { sipCode: number }) | null {
  const parsed = refusedForm.safeParse(formFields(body));
  const invite = parseInviteForm(body);
  return parsed.success && invite ? { ...invite, sipCode: parsed.data.sipCode } : null;
}

/** The edge reads replies as `;`-separated fields (kamailio.cfg, route[INVITE]). */
export function edgeReply(fields: Array<string | number>): Response {
  return new Response(fields.join(";"), { status: 200, headers: { "content-type": "text/plain" } });
}
