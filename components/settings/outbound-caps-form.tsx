"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { NoticeLine, type Notice } from "@/components/ui/notice";
import { capLabels, capNames, outboundCapsFields, type OutboundCapsFields, type OutboundCapsView } from "@/lib/calls/policy/caps";
import { setOutboundCapsAction } from "@/lib/spaces/actions";

const text = (v: number | null) => (v === null ? "" : String(v));

/** Settings → Platform: the Space's own outbound caps, under the deployment's limits. */
export function OutboundCapsForm({ spaceId, initial, canManage }: { spaceId: string; initial: OutboundCapsView; canManage: boolean }) {
  const [caps, setCaps] = useState(initial);
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<OutboundCapsFields>({
    resolver: zodResolver(outboundCapsFields),
    defaultValues: { callsPerMinute: text(initial.own.callsPerMinute), concurrentCalls: text(initial.own.concurrentCalls), callsPerDay: text(initial.own.callsPerDay) },
  });

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    setNotice(null);
    const result = await setOutboundCapsAction(spaceId, valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    setCaps(result.data);
    form.reset({ callsPerMinute: text(result.data.own.callsPerMinute), concurrentCalls: text(result.data.own.concurrentCalls), callsPerDay: text(result.data.own.callsPerDay) });
    setNotice({ tone: "ok", text: "Outbound caps saved." });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Outbound caps">
      <p className="text-sm text-slate-600">
        Calls over a cap are refused (429) when they are placed; queued calls wait for a free slot. Empty: this deployment&apos;s limit.
      </p>
      <FormError message={formError} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        {capNames.map((name) => (
          <TextField
            key={name}
            label={capLabels[name].label}
            inputMode="numeric"
            placeholder={String(caps.ceilings[name])}
            help={`Limit ${caps.ceilings[name].toLocaleString("en")}; now ${caps.effective[name].toLocaleString("en")}.`}
            disabled={!canManage}
            error={form.formState.errors[name]?.message}
            {...form.register(name)}
          />
        ))}
      </div>
      {canManage ? <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : "Save caps"}</Button> : null}
      {notice ? <NoticeLine notice={notice} /> : null}
    </form>
  );
}
