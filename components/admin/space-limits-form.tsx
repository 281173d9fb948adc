"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { NoticeLine, type Notice } from "@/components/ui/notice";
import { setSpaceLimitsAction } from "@/lib/admin/actions";
import { spaceLimitsFields, type SpaceLimitsFields } from "@/lib/admin/schemas";

/** Admin → a Space: the monthly minutes limit the calls engine enforces. */
export function SpaceLimitsForm({ spaceId, initial }: { spaceId: string; initial: number | null }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<SpaceLimitsFields>({ resolver: zodResolver(spaceLimitsFields), defaultValues: { monthlyMinutesLimit: initial === null ? "" : String(initial) } });
  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    setNotice(null);
    const result = await setSpaceLimitsAction(spaceId, valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    const limit = result.data.monthlyMinutesLimit;
    setNotice({ tone: "ok", text: limit === null ? "The Space has no monthly minutes limit." : `The Space may use ${limit} minutes per month.` });
  });
  return (
    <form onSubmit={onSubmit} className="max-w-sm space-y-3" noValidate aria-label="Space limits">
      <FormError message={formError} />
      <TextField
        label="Monthly minutes limit"
        inputMode="numeric"
        placeholder="No limit"
        help="Billable minutes per UTC month, both directions. Once reached, new and queued outbound calls are refused. Empty: no limit."
        error={form.formState.errors.monthlyMinutesLimit?.message}
        {...form.register("monthlyMinutesLimit")}
      />
      <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : "Save limit"}</Button>
      {notice ? <NoticeLine notice={notice} /> : null}
    </form>
  );
}
