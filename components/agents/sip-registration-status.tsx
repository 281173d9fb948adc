import { Badge } from "@/components/ui/badge";
import { ONE_WAY_AUDIO_TIP, REGISTRATION_STATUS_LABELS } from "@/lib/sip-registrations/explanations";
import type { RegistrationStatus, RegistrationView } from "@/lib/sip-registrations/schemas";

const tone: Record<RegistrationStatus, "green" | "red" | "amber" | "slate"> = {
  registered: "green",
  pending: "amber",
  not_registered: "slate",
  auth_failed: "red",
  failed: "red",
};

/** The registration's badge, the registrar's last answer, and what it means. */
export function SipRegistrationStatus({ registration }: { registration: RegistrationView }) {
  const lastAnswer = registration.lastCode !== null ? `${registration.lastCode}${registration.lastReason ? ` ${registration.lastReason}` : ""}` : null;
  return (
    <section aria-label="Registration status" className="space-y-2 rounded-md border border-slate-200 p-4" data-testid="registration-status" data-status={registration.status}>
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={tone[registration.status]}>{REGISTRATION_STATUS_LABELS[registration.status]}</Badge>
        {lastAnswer ? <span className="text-sm text-slate-600">Last answer from the PBX: <span className="font-mono">{lastAnswer}</span></span> : null}
      </div>
      <p className="text-sm text-slate-800">{registration.explanation.summary}</p>
      {registration.explanation.fix ? <p className="text-sm text-slate-600">{registration.explanation.fix}</p> : null}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-xs text-slate-600">
        <dt>Last attempt</dt>
        <dd>{registration.lastAttemptAt ? new Date(registration.lastAttemptAt).toLocaleString() : "Not yet"}</dd>
        <dt>Expires</dt>
        <dd>{registration.expiresAt ? new Date(registration.expiresAt).toLocaleString() : "—"}</dd>
      </dl>
      {registration.status === "registered" ? <p className="text-xs text-slate-500">{ONE_WAY_AUDIO_TIP}</p> : null}
    </section>
  );
}
