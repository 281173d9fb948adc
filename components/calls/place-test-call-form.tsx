"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { placeCallAction } from "@/lib/calls/actions";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { callKeys } from "@/lib/http/query-keys";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SelectField } from "@/components/ui/select-field";
import type { AgentView } from "@/lib/agents/schemas";
import { placeTestCallFields, type PlaceTestCallFields } from "@/lib/calls/schemas";

/** Place test call on a number's card: dials `to` from this number with the chosen agent. */
export function PlaceTestCallForm({ spaceId, from, agents, outboundAgentName }: { spaceId: string; from: string; agents: AgentView[]; outboundAgentName: string | null }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<{ id: string; status: string; reason: string | null } | null>(null);
  const form = useForm<PlaceTestCallFields>({ resolver: zodResolver(placeTestCallFields), defaultValues: { to: "", agentId: "" } });
  const options = [{ value: "", label: outboundAgentName ? `Number's outbound agent (${outboundAgentName})` : "Number's outbound agent (default agent)" }, ...agents.map((a) => ({ value: a.id, label: a.name }))];

  const place = useActionMutation((valid: PlaceTestCallFields) => placeCallAction(spaceId, { from, to: valid.to, agentId: valid.agentId || null }), [callKeys.all(spaceId)]);

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    setPlaced(null);
    const result = await place.mutateAsync(valid);
    if (!result.ok) {
      // "from" and "agentId" problems are about this number or its account: say them above the form.
      const general = result.fieldErrors?.from?.[0] ?? result.fieldErrors?.agentId?.[0];
      return setFormError(general ?? applyActionErrors(form.setError, result) ?? null);
    }
    setPlaced({ id: result.data.id, status: result.data.status, reason: result.data.failureReason });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-3 border-t border-slate-200 pt-4" noValidate aria-label="Place test call">
      <h3 className="text-sm font-semibold text-slate-900">Place test call</h3>
      <FormError message={formError} />
      <TextField label="Destination" placeholder="+14155550123" error={form.formState.errors.to?.message} {...form.register("to")} />
      <SelectField label="Agent" options={options} error={form.formState.errors.agentId?.message} {...form.register("agentId")} />
      <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Placing…" : "Place test call"}</Button>
      {placed ? (
        <p role="status" className="text-sm text-slate-700">
          Call {placed.status === "queued" ? "queued" : "placed"}.{placed.reason ? ` ${placed.reason}` : ""}{" "}
          <Link className="text-brand-700 underline" href={`/s/${spaceId}/calls/${placed.id}`}>Follow the call</Link>
        </p>
      ) : null}
    </form>
  );
}
