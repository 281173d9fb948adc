"use client";

import { useEffect, useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { deleteRegistrationAction, saveRegistrationAction } from "@/lib/sip-registrations/actions";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { PasswordStateField } from "@/components/sip-accounts/password-state-field";
import { ActionConfirmDialog } from "@/components/ui/action-confirm-dialog";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { PageHeader } from "@/components/ui/page-header";
import { SelectField } from "@/components/ui/select-field";
import { useToast } from "@/components/ui/toast";
import type { PasswordChange } from "@/lib/sip-accounts/schemas";
import { SUBSCRIBE_NOT_SUPPORTED, type RegistrationView } from "@/lib/sip-registrations/schemas";
import { SipRegistrationStatus } from "./sip-registration-status";
import { agentKeys } from "@/lib/http/query-keys";
import { useSipRegistration } from "./use-sip-registration";

type FormValues = {
  domain: string;
  username: string;
  password: PasswordChange;
  proxy: string;
  port: string;
  transport: string;
  authUsername: string;
  did: string;
  xDestUser: string;
};

const transportOptions = [
  { value: "udp", label: "UDP" },
  { value: "tcp", label: "TCP" },
];

function valuesOf(r: RegistrationView | null): FormValues {
  return {
    domain: r?.domain ?? "",
    username: r?.username ?? "",
    password: { state: "untouched" },
    proxy: r?.proxy ?? "",
    port: r?.port?.toString() ?? "",
    transport: r?.transport ?? "udp",
    authUsername: r?.authUsername ?? "",
    did: r?.did ?? "",
    xDestUser: r?.xDestUser ?? "",
  };
}

/**
 * An agent registered as an extension on the customer's PBX (seed 002): the form (saving
 * enables it) and the live status the SIP edge reports.
 */
export function SipRegistrationPanel({ spaceId, agentId, agentName, canManage, edgeAvailable }: { spaceId: string; agentId: string; agentName: string; canManage: boolean; edgeAvailable: boolean }) {
  const query = useSipRegistration(spaceId, agentId);
  const toast = useToast();
  const [formError, setFormError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const registration = query.data ?? null;
  const form = useForm<FormValues>({ defaultValues: valuesOf(null) });
  const errors = form.formState.errors;

  // Fill the form once the saved registration has loaded (never while the operator edits).
  const filled = useRef(false);
  useEffect(() => {
    if (query.isSuccess && !filled.current) {
      filled.current = true;
      form.reset(valuesOf(query.data));
    }
  }, [query.isSuccess, query.data, form]);

  const save = useActionMutation((values: FormValues) => saveRegistrationAction(spaceId, agentId, values), [agentKeys.registration(spaceId, agentId)]);

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await save.mutateAsync(values);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    form.reset(valuesOf(result.data));
    toast(`Saved: ${agentName} is registering with ${result.data.domain}.`);
  });

  return (
    <div className="space-y-6">
      <PageHeader title={`${agentName}: SIP registration`} description="Register this agent as an extension on your PBX: the PBX then rings it like any phone. The SIP edge sends REGISTER with your credentials and refreshes it before it expires." />
      {!edgeAvailable ? <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">This deployment runs without the SIP edge (direct mode), so nothing can send REGISTER: SIP registration is not available.</p> : null}
      {registration ? <SipRegistrationStatus registration={registration} /> : query.isSuccess ? <p className="text-sm text-slate-600" data-testid="registration-status" data-status="none">Not registered: this agent has no SIP registration yet.</p> : null}
      <form onSubmit={onSubmit} className="max-w-2xl space-y-4" noValidate aria-label="SIP registration">
        <FormError message={formError} />
        <TextField label="SIP domain" placeholder="sip.example.com" help="Your PBX's SIP domain (its registrar)." disabled={!canManage} error={errors.domain?.message} {...form.register("domain")} />
        <TextField label="Username" placeholder="1001" help="The extension's SIP username; it is also the extension number." disabled={!canManage} error={errors.username?.message} {...form.register("username")} />
        <Controller
          control={form.control}
          name="password"
          render={({ field }) => (
            <PasswordStateField
              label="Password"
              direction="registration"
              value={field.value}
              onChange={field.onChange}
              passwordSet={registration !== null}
              clearedText="A registration needs a password: to stop registering, use Unregister."
              error={errors.password?.message ?? (errors.password as { value?: { message?: string } } | undefined)?.value?.message}
            />
          )}
        />
        <TextField label="Authentication username" placeholder="Same as the username" help="Only when your provider uses a separate auth identity." disabled={!canManage} error={errors.authUsername?.message} {...form.register("authUsername")} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Proxy" placeholder="proxy.sip.example.com" help="Only when REGISTERs must go through a proxy." disabled={!canManage} error={errors.proxy?.message} {...form.register("proxy")} />
          <TextField label="Port" inputMode="numeric" placeholder="5060" help="5060 for UDP and TCP." disabled={!canManage} error={errors.port?.message} {...form.register("port")} />
          <SelectField label="Transport" options={transportOptions} help="TLS is not available on this deployment's SIP edge." disabled={!canManage} error={errors.transport?.message} {...form.register("transport")} />
        </div>
        <TextField label="DID" placeholder="+15551234567" help="The number the agent sees as called (sent in To); empty: the extension." disabled={!canManage} error={errors.did?.message} {...form.register("did")} />
        <TextField label="X-Dest-User" placeholder="routing.user+1@example" help="Sent in the X-Dest-User header only when set (a-z, A-Z, 0-9 and . _ + @ ~ / -)." disabled={!canManage} error={errors.xDestUser?.message} {...form.register("xDestUser")} />
        <p className="text-xs text-slate-500">Subscribe (presence / BLF): {SUBSCRIBE_NOT_SUPPORTED}</p>
        {canManage ? (
          <div className="flex gap-2">
            <Button type="submit" disabled={form.formState.isSubmitting || !edgeAvailable}>{form.formState.isSubmitting ? "Saving…" : registration ? "Save and register again" : "Save and register"}</Button>
            {registration?.enabled ? <Button variant="secondary" onClick={() => setConfirmDelete(true)}>Unregister</Button> : null}
          </div>
        ) : null}
      </form>
      <ActionConfirmDialog
        open={confirmDelete}
        title={`Unregister ${agentName}?`}
        confirmLabel="Unregister"
        failureText="The registration could not be removed. Try again."
        run={() => deleteRegistrationAction(spaceId, { agentId })}
        invalidate={[agentKeys.registration(spaceId, agentId)]}
        onDone={() => {
          setConfirmDelete(false);
          toast(`Unregistering ${agentName}: the SIP edge sends REGISTER with Expires: 0.`);
        }}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>The SIP edge sends REGISTER with Expires: 0 to the PBX, which stops routing calls to this agent. The settings are removed.</p>
      </ActionConfirmDialog>
    </div>
  );
}
