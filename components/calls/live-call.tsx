"use client";

import Link from "next/link";
import { useEffect } from "react";
import { CallStatusBadge, formatDuration } from "@/components/calls/call-status-badge";
import { CallTranscript } from "@/components/calls/call-transcript";
import { CancelCallButton } from "@/components/calls/cancel-call-button";
import { PageHeader } from "@/components/ui/page-header";
import { finalStatuses } from "@/lib/calls/status";
import type { TranscriptView } from "@/lib/calls/transcripts/schemas";
import { describeCallEvent } from "@/lib/format/call-event";
import { formatDateTime } from "@/lib/format/date-time";
import { useCall, useTranscript, type CallDetail } from "./use-calls";

/** One call's page: its details, timeline and transcript, polled through the REST GETs until the call has ended. */
export function LiveCall({ spaceId, initialCall, initialTranscript }: { spaceId: string; initialCall: CallDetail; initialTranscript: TranscriptView }) {
  const call = useCall(spaceId, initialCall.id, initialCall).data;
  const live = !finalStatuses.has(call.status);
  const transcriptQuery = useTranscript(spaceId, call.id, initialTranscript, live);
  const { refetch: refetchTranscript } = transcriptQuery;
  // The last turns are saved as the call ends: read the transcript once more when it has.
  useEffect(() => {
    if (!live) void refetchTranscript();
  }, [live, refetchTranscript]);

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
      <CallTranscript transcript={transcriptQuery.data} />
    </>
  );
}
