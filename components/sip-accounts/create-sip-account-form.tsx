"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { createSipAccountAction } from "@/lib/sip-accounts/actions";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { phoneNumberKeys, sipAccountKeys } from "@/lib/http/query-keys";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import type { IpMode } from "@/lib/net/ipv4";
import { makeSipAccountSchemas, type SipAccountFields } from "@/lib/sip-accounts/schemas";
import type { SipAccountWriteResult } from "@/lib/sip-accounts/view";
import { AccountIdentityFields, type CommonAccountFields } from "./account-common-fields";
import { CredentialGroup } from "./credential-fields";
import { useDiscardGuard } from "@/components/ui/discard-guard";

const emptyAccount: SipAccountFields = {
  accountName: "",
  sipServerAddress: "",
  sipTransport: "auto",
  destinationCountry: "",
  allowedInboundIps: "",
  outboundUsername: "",
  outboundPassword: "",
  inboundUsername: "",
  inboundPassword: "",
  maxConcurrentCalls: "",
  callsPerSecond: "",
  passHeaders: "",
};

export function CreateSipAccountForm({
  spaceId,
  ipMode,
  onSaved,
  onCancel,
}: {
  spaceId: string;
  ipMode: IpMode;
  onSaved: (result: SipAccountWriteResult) => void;
  onCancel: () => void;
}) {
  const schema = useMemo(() => makeSipAccountSchemas({ ipMode }).sipAccountFields, [ipMode]);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SipAccountFields>({ resolver: zodResolver(schema), defaultValues: emptyAccount, mode: "onTouched" });
  const errors = form.formState.errors;
  useDiscardGuard(form.formState.isDirty);
  const values = useWatch({ control: form.control }) as SipAccountFields;

  const create = useActionMutation((valid: unknown) => createSipAccountAction(spaceId, valid), [sipAccountKeys.all(spaceId), phoneNumberKeys.all(spaceId)]);

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    const result = await create.mutateAsync(valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    onSaved(result.data);
  });

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Add Custom SIP account">
      <FormError message={formError} />
      <AccountIdentityFields
        register={form.register as unknown as UseFormRegister<CommonAccountFields>}
        errors={errors as FieldErrors<CommonAccountFields>}
        values={values}
        ipMode={ipMode}
      />
      {(["outbound", "inbound"] as const).map((d) => (
        <CredentialGroup
          key={d}
          direction={d}
          username={form.register(`${d}Username`)}
          usernameError={errors[`${d}Username`]?.message}
          password={(label) => <TextField label={label} type="password" autoComplete="new-password" error={errors[`${d}Password`]?.message} {...form.register(`${d}Password`)} />}
        />
      ))}
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Creating…" : "Create account"}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
