"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { NoticeLine, type Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { saveDeploymentSettingsAction } from "@/lib/admin/actions";
import { deploymentSettingsFields, signUpModeLabels, signUpModes, type DeploymentSettingsFields } from "@/lib/admin/settings-schemas";

type EnvValues = { sipPublicDomain: string; sipPublicIps: string[]; ceilings: { callsPerMinute: number; concurrentCalls: number; callsPerDay: number } };

/** Admin → Settings: who may sign up, the public SIP values on cards, defaults for new Spaces. */
export function DeploymentSettingsForm({ initial, env }: { initial: DeploymentSettingsFields; env: EnvValues }) {
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useForm<DeploymentSettingsFields>({ resolver: zodResolver(deploymentSettingsFields), defaultValues: initial });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    setNotice(null);
    const result = await saveDeploymentSettingsAction(valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    form.reset(result.data);
    setNotice({ tone: "ok", text: "Deployment settings saved." });
  });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Deployment settings" className="max-w-2xl space-y-6">
      <FormError message={formError} />
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-base font-semibold">Sign-up</h2>
        <SelectField label="Sign-up" options={signUpModes.map((m) => ({ value: m, label: signUpModeLabels[m] }))} error={errors.signUpMode?.message} {...form.register("signUpMode")} />
        <TextareaField label="Invited emails" help="One per line. While sign-up is invite-only, only these emails (and the administrators) can create an account." error={errors.invitedEmails?.message} {...form.register("invitedEmails")} />
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-base font-semibold">Public SIP parameters</h2>
        <p className="text-sm text-slate-600">Shown on account cards, PBX guides and Settings → Platform. Empty: the environment&apos;s values.</p>
        <TextField label="SIP domain" placeholder={env.sipPublicDomain} help={`Empty: ${env.sipPublicDomain} (SIP_PUBLIC_DOMAIN).`} error={errors.sipPublicDomain?.message} {...form.register("sipPublicDomain")} />
        <TextareaField label="Our SIP server IPs" placeholder={env.sipPublicIps.join("\n")} help={`One per line. Empty: ${env.sipPublicIps.join(", ")} (SIP_PUBLIC_IPS).`} error={errors.sipPublicIps?.message} {...form.register("sipPublicIps")} />
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="text-base font-semibold">Defaults for new Spaces</h2>
        <p className="text-sm text-slate-600">Copied into each Space created from now on; existing Spaces keep theirs. Empty: no limit (caps: this deployment&apos;s limit).</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Monthly minutes limit" inputMode="numeric" error={errors.defaultMonthlyMinutesLimit?.message} {...form.register("defaultMonthlyMinutesLimit")} />
          <TextField label="Calls per minute" inputMode="numeric" help={`Limit ${env.ceilings.callsPerMinute.toLocaleString("en")}.`} error={errors.defaultOutboundCallsPerMinute?.message} {...form.register("defaultOutboundCallsPerMinute")} />
          <TextField label="Concurrent calls" inputMode="numeric" help={`Limit ${env.ceilings.concurrentCalls.toLocaleString("en")}.`} error={errors.defaultOutboundConcurrentCalls?.message} {...form.register("defaultOutboundConcurrentCalls")} />
          <TextField label="Calls per day (UTC)" inputMode="numeric" help={`Limit ${env.ceilings.callsPerDay.toLocaleString("en")}.`} error={errors.defaultOutboundCallsPerDay?.message} {...form.register("defaultOutboundCallsPerDay")} />
        </div>
      </section>
      <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : "Save settings"}</Button>
      {notice ? <NoticeLine notice={notice} /> : null}
    </form>
  );
}
