"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { updatePhoneNumberAction } from "@/lib/phone-numbers/actions";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { phoneNumberKeys, sipAccountKeys } from "@/lib/http/query-keys";
import { useAgents } from "@/components/agents/use-agents";
import { PlaceTestCallForm } from "@/components/calls/place-test-call-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { Drawer } from "@/components/ui/drawer";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { NoticeLine, type Notice } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import type { AgentView } from "@/lib/agents/schemas";
import { phoneNumberEditFields, type PhoneNumberEditFields } from "@/lib/phone-numbers/schemas";
import type { PhoneNumberView, PhoneNumberWriteResult } from "@/lib/phone-numbers/view";
import { NumberStatusBadge } from "./number-status-badge";
import { OwnershipBadge } from "./ownership-badge";
import { PlatformNumberBadge } from "./platform-number-badge";
import { UnbindNumberDialog } from "./unbind-number-dialog";
import { useDiscardGuard } from "@/components/ui/discard-guard";

/** The number's card: where it stands in LiveKit, its label and agents, and Remove. */
export function PhoneNumberDrawer({
  spaceId,
  number,
  canManage,
  onClose,
  onSaved,
  onRemoved,
}: {
  spaceId: string;
  number: PhoneNumberView | null;
  canManage: boolean;
  onClose: () => void;
  onSaved: (result: PhoneNumberWriteResult) => void;
  onRemoved: (number: string) => void;
}) {
  const [removing, setRemoving] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const saved = (result: PhoneNumberWriteResult) => {
    setNotice(
      result.provisioningFailed
        ? { tone: "error", text: `Saved, but the number is not provisioned in LiveKit yet: ${result.number.provisioning.reason ?? "LiveKit could not be reached."}` }
        : { tone: "ok", text: "Saved." },
    );
    onSaved(result);
  };
  return (
    <Drawer open={number !== null} onClose={() => { setNotice(null); onClose(); }} title={number?.number ?? "Phone number"}>
      {number ? (
        <div className="space-y-5">
          {notice ? <NoticeLine notice={notice} /> : null}
          <div className="space-y-2">
            <NumberStatusBadge provisioning={number.provisioning} />
            {number.provisioning.status === "not_provisioned" && number.provisioning.reason ? (
              <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{number.provisioning.reason}</p>
            ) : null}
          </div>
          <dl className="grid grid-cols-1 sm:grid-cols-[9rem_minmax(0,1fr)] gap-x-4 gap-y-1.5 text-sm">
            <dt className="text-slate-500">{number.platform ? "Carrier" : "Custom SIP account"}</dt>
            <dd className="flex flex-wrap items-center gap-2">{number.account.name} <PlatformNumberBadge number={number} /></dd>
            <dt className="text-slate-500">Dispatch rule</dt>
            <dd className="break-all font-mono text-xs" data-testid="dispatch-rule-id">{number.dispatchRuleId ?? "—"}</dd>
            <dt className="text-slate-500">Ownership</dt>
            <dd data-testid="drawer-ownership"><OwnershipBadge number={number} /></dd>
          </dl>
          {/* Keyed by the number's state so a save or another number resets the form. */}
          <NumberForm key={`${number.id}:${number.label}:${number.inboundAgent?.id}:${number.outboundAgent?.id}`} spaceId={spaceId} number={number} canManage={canManage} onSaved={saved} />
          {number.platform ? (
            <p className="border-t border-slate-200 pt-4 text-sm text-slate-600">The deployment&apos;s administrator assigned this number to the Space; only they can return it to the pool.</p>
          ) : canManage ? (
            <div className="border-t border-slate-200 pt-4">
              <Button variant="secondary" className="text-red-700" onClick={() => setRemoving(true)}>Remove number</Button>
            </div>
          ) : null}
          <UnbindNumberDialog
            spaceId={spaceId}
            number={removing ? number : null}
            onCancel={() => setRemoving(false)}
            onRemoved={() => {
              setRemoving(false);
              setNotice(null);
              onRemoved(number.number);
            }}
          />
        </div>
      ) : null}
    </Drawer>
  );
}

function NumberForm(props: { spaceId: string; number: PhoneNumberView; canManage: boolean; onSaved: (result: PhoneNumberWriteResult) => void }) {
  const agents = useAgents(props.spaceId);
  // The selects get their values when the form mounts, so it waits for the agents: a select
  // without the assigned agent's option would show (and save) "No agent".
  if (agents.isPending) return <p className="text-sm text-slate-500">Loading agents…</p>;
  if (agents.isError) return <p role="alert" className="text-sm text-red-700">{agents.error.message}</p>;
  return <NumberFields {...props} agents={agents.data} />;
}

function NumberFields({ spaceId, number, canManage, onSaved, agents }: { spaceId: string; number: PhoneNumberView; canManage: boolean; onSaved: (result: PhoneNumberWriteResult) => void; agents: AgentView[] }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PhoneNumberEditFields>({
    resolver: zodResolver(phoneNumberEditFields),
    defaultValues: { label: number.label ?? "", inboundAgentId: number.inboundAgent?.id ?? "", outboundAgentId: number.outboundAgent?.id ?? "" },
  });
  const errors = form.formState.errors;
  useDiscardGuard(form.formState.isDirty);
  const options = [{ value: "", label: "No agent" }, ...agents.map((a) => ({ value: a.id, label: a.name }))];

  const update = useActionMutation((valid: unknown) => updatePhoneNumberAction(spaceId, number.id, valid), [phoneNumberKeys.all(spaceId), sipAccountKeys.all(spaceId)]);

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    const result = await update.mutateAsync(valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    // Saved values are no longer unsaved changes (the drawer's discard guard reads this).
    form.reset(form.getValues());
    onSaved(result.data);
  });

  return (
    <>
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Number settings">
        <FormError message={formError} />
        <fieldset disabled={!canManage} className="space-y-4">
          <TextField label="Label" placeholder="Support line" error={errors.label?.message} {...form.register("label")} />
          <SelectField label="Inbound agent" options={options} help="Answers calls to this number." error={errors.inboundAgentId?.message} {...form.register("inboundAgentId")} />
          <SelectField label="Outbound agent" options={options} help="Places calls from this number." error={errors.outboundAgentId?.message} {...form.register("outboundAgentId")} />
        </fieldset>
        {agents.length === 0 ? (
          <p className="text-sm text-slate-600">
            No agents yet. <Link className="text-brand-700 underline" href={`/s/${spaceId}/agents`}>Create one on the Agents page</Link>, then assign it here.
          </p>
        ) : null}
        {canManage ? (
          <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Saving…" : "Save"}</Button>
        ) : null}
      </form>
      {canManage ? <PlaceTestCallForm spaceId={spaceId} from={number.number} agents={agents} outboundAgentName={number.outboundAgent?.name ?? null} /> : null}
    </>
  );
}
