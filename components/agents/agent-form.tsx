"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createAgentAction, updateAgentAction } from "@/lib/agents/actions";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { agentKeys, phoneNumberKeys } from "@/lib/http/query-keys";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SelectField } from "@/components/ui/select-field";
import { TextareaField } from "@/components/ui/textarea-field";
import { agentFields, agentLanguages, END_CALL_HELP, llmProviderLabels, llmProviders, speechProviderLabels, speechProviders, type AgentFields, type AgentView } from "@/lib/agents/schemas";
import { useDiscardGuard } from "@/components/ui/discard-guard";
import { formatTransferDestinations } from "@/lib/agents/transfer-destinations";

const languageOptions = Object.entries(agentLanguages).map(([value, label]) => ({ value, label: `${label} (${value})` }));
const speechOptions = speechProviders.map((value) => ({ value, label: speechProviderLabels[value] }));
const llmOptions = llmProviders.map((value) => ({ value, label: llmProviderLabels[value] }));

const emptyAgent: AgentFields = { name: "", greeting: "", instructions: "", language: "en-US", voice: "", sttProvider: "offline", llmProvider: "offline", ttsProvider: "offline", endCallEnabled: true, maxCallSeconds: "", silenceTimeoutSeconds: "", transferDestinations: "" };

const text = (v: number | null) => (v === null ? "" : String(v));

function valuesOf(agent: AgentView): AgentFields {
  return { ...agent, voice: agent.voice ?? "", maxCallSeconds: text(agent.maxCallSeconds), silenceTimeoutSeconds: text(agent.silenceTimeoutSeconds), transferDestinations: formatTransferDestinations(agent.transferDestinations) };
}

/** Create or edit an agent: what it says, how it behaves, and which providers run it. */
export function AgentForm({ spaceId, agent, onSaved, onCancel }: { spaceId: string; agent: AgentView | null; onSaved: (saved: AgentView) => void; onCancel: () => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AgentFields>({ resolver: zodResolver(agentFields), defaultValues: agent ? valuesOf(agent) : emptyAgent, mode: "onTouched" });
  const errors = form.formState.errors;
  useDiscardGuard(form.formState.isDirty);

  // Numbers show their agents by name, so a rename refreshes them too.
  const save = useActionMutation((valid: AgentFields) => (agent ? updateAgentAction(spaceId, agent.id, valid) : createAgentAction(spaceId, valid)), [agentKeys.all(spaceId), phoneNumberKeys.all(spaceId)]);

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    const result = await save.mutateAsync(valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    onSaved(result.data);
  });

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label={agent ? "Edit agent" : "New agent"}>
      <FormError message={formError} />
      <TextField label="Name" placeholder="Support agent" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Greeting" placeholder="Hello, you have reached Acme support. How can I help?" help="The first sentence the agent speaks when it answers. {{name}} is filled in per call: a batch row's column, or an X- SIP header the account passes ({{X-Customer-Id}}); one the call lacks says nothing." error={errors.greeting?.message} {...form.register("greeting")} />
      <TextareaField label="Instructions" rows={8} placeholder="You are a friendly support agent for Acme…" help="The system prompt: who the agent is and how it handles a call. {{variables}} work here as in the greeting." error={errors.instructions?.message} {...form.register("instructions")} />
      <SelectField label="Language" options={languageOptions} error={errors.language?.message} {...form.register("language")} />
      <TextField label="Voice" placeholder="Provider default" help="The text-to-speech provider's voice name or id. Leave empty for its default voice." error={errors.voice?.message} {...form.register("voice")} />
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Providers</legend>
        <p className="text-xs text-slate-500">Offline needs no provider account or API key and works on this machine; the others need their keys in the agent worker&apos;s environment.</p>
        <SelectField label="Speech-to-text" options={speechOptions} error={errors.sttProvider?.message} {...form.register("sttProvider")} />
        <SelectField label="LLM" options={llmOptions} error={errors.llmProvider?.message} {...form.register("llmProvider")} />
        <SelectField label="Text-to-speech" options={speechOptions} error={errors.ttsProvider?.message} {...form.register("ttsProvider")} />
      </fieldset>
      <fieldset className="space-y-4 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-800">Ending and transferring calls</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5" aria-describedby="end-call-help" {...form.register("endCallEnabled")} />
          <span className="font-medium">The agent can end the call</span>
        </label>
        <p id="end-call-help" className="text-xs text-slate-500">{END_CALL_HELP}</p>
        <TextField label="Maximum call duration (seconds)" inputMode="numeric" placeholder="No limit" help="An answered call is ended after this long." error={errors.maxCallSeconds?.message} {...form.register("maxCallSeconds")} />
        <TextareaField
          label="Transfer destinations"
          rows={3}
          placeholder={"sales: +15551234567\nsupport: sip:support@pbx.example.com"}
          help="One a line, name: E.164 number or SIP URI (at most 10). The agent transfers a call when asked (its LLM's transfer tool; with the offline LLM, the caller's 0 key transfers to the first), by SIP REFER through your PBX."
          error={errors.transferDestinations?.message}
          {...form.register("transferDestinations")}
        />
        <TextField label="Silence timeout (seconds)" inputMode="numeric" placeholder="Never" help="The call is ended after this long with neither the caller nor the agent speaking." error={errors.silenceTimeoutSeconds?.message} {...form.register("silenceTimeoutSeconds")} />
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : agent ? "Save changes" : "Create agent"}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
