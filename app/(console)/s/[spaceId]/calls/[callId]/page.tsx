import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/components/calls/auto-refresh";
import { CancelCallButton } from "@/components/calls/cancel-call-button";
import { CallTranscript } from "@/components/calls/call-transcript";
import { CallStatusBadge, formatDuration } from "@/components/calls/call-status-badge";
import { describeCallEvent } from "@/lib/format/call-event";
import { formatDateTime } from "@/lib/format/date-time";
import { PageHeader } from "@/components/ui/page-header";
import { requireSpace } from "@/lib/auth/session";
import { getCall } from "@/lib/calls/service";
import { getTranscript } from "@/lib/calls/transcripts/get-transcript";
import { finalStatuses } from "@/lib/calls/status";
import { NotFoundError } from "@/lib/errors";

async function load(ctx: Awaited<ReturnType<typeof requireSpace>>, callId: string) {
  try {
    return await getCall(ctx, callId);
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}

export default async function CallPage({ params }: { params: Promise<{ spaceId: string; callId: string }> }) {
  const { spaceId, callId } = await params;
  const ctx = await requireSpace(spaceId);
  const call = await load(ctx, callId);
  const transcript = await getTranscript(ctx, callId);
  const rows: [string, React.ReactNode][] = [
    ["Direction", call.direction === "inbound" ? "Inbound" : "Outbound"],
    ["From", call.from],
    ["To", call.to],
    ["Number", call.phoneNumber?.number ?? "—"],
    ["Account", call.account?.name ?? "—"],
    ["Agent", call.agent?.name ?? "The built-in default agent"],
    ["Status", <CallStatusBadge key="s" status={call.status} />],
    ["SIP status", call.sipStatusCode ?? "—"],
    ["Reason", call.failureReason ?? call.waitReason ?? call.endReason ?? "—"],
    ...(call.scheduledAt ? ([["Scheduled", formatDateTime(call.scheduledAt)]] as [string, React.ReactNode][]) : []),
    ["Attempts", call.retryPolicy ? `${call.attempts} of ${call.retryPolicy.maxAttempts}` : String(call.attempts)],
    ["Started", formatDateTime(call.startedAt)],
    ["Answered", formatDateTime(call.answeredAt)],
    ["Ended", formatDateTime(call.endedAt)],
    ["Duration", formatDuration(call.durationSeconds)],
  ];
  return (
    <>
      <PageHeader
        title={`Call ${call.from} → ${call.to}`}
        actions={
          <div className="flex items-center gap-3">
            {call.status === "queued" ? <CancelCallButton spaceId={spaceId} callId={call.id} /> : null}
            <Link className="text-sm text-blue-700 hover:underline" href={`/s/${spaceId}/calls`}>All calls</Link>
          </div>
        }
      />
      <AutoRefresh active={!finalStatuses.has(call.status)} />
      <dl className="mb-8 grid grid-cols-1 sm:grid-cols-[10rem_minmax(0,1fr)] gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm" aria-label="Call details">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="text-slate-500">{k}</dt>
            <dd className="min-w-0 break-words text-slate-900" data-testid={`call-${k.toLowerCase().replace(" ", "-")}`}>{v}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mb-2 text-base font-semibold text-slate-900">Timeline</h2>
      <ol className="space-y-1 text-sm" aria-label="Timeline">
        {call.events.map((e, i) => {
          const event = describeCallEvent(e.kind, e.detail);
          return (
            <li key={i} className="flex flex-wrap gap-x-3">
              <span className="w-48 shrink-0 text-slate-500">{formatDateTime(e.at)}</span>
              <span className="font-medium text-slate-900">{event.title}</span>
              {event.detail ? <span className="text-slate-600">{event.detail}</span> : null}
            </li>
          );
        })}
      </ol>
      <h2 className="mb-2 mt-8 text-base font-semibold text-slate-900">Transcript</h2>
      <CallTranscript transcript={transcript} />
    </>
  );
}
