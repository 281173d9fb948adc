"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { NoticeLine, type Notice } from "@/components/ui/notice";
import { setTranscriptRetentionAction } from "@/lib/calls/transcripts/actions";
import { retentionFields, type RetentionFields } from "@/lib/calls/transcripts/schemas";

/** Settings → Platform: how many days call transcripts are kept (0 keeps none). */
export function TranscriptRetentionForm({ spaceId, initialDays, canManage }: { spaceId: string; initialDays: number; canManage: boolean }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<RetentionFields>({ resolver: zodResolver(retentionFields), defaultValues: { days: String(initialDays) } });

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    setNotice(null);
    const result = await setTranscriptRetentionAction(spaceId, valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    form.reset({ days: String(result.data.days) });
    setNotice({ tone: "ok", text: result.data.days === 0 ? "Transcripts are no longer kept." : `Transcripts are kept for ${result.data.days} days.` });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Transcript retention">
      <p className="text-sm text-slate-600">
        What the caller and the agent said on each call, shown on the call&apos;s page. Older transcripts are deleted every hour; 0 keeps none.
      </p>
      <FormError message={formError} />
      <TextField label="Keep transcripts (days)" inputMode="numeric" disabled={!canManage} error={form.formState.errors.days?.message} {...form.register("days")} />
      {canManage ? <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : "Save retention"}</Button> : null}
      {notice ? <NoticeLine notice={notice} /> : null}
    </form>
  );
}
