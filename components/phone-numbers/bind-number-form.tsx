"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { bindPhoneNumberAction } from "@/lib/phone-numbers/actions";
import { useActionMutation } from "@/components/forms/use-action-mutation";
import { phoneNumberKeys, sipAccountKeys } from "@/lib/http/query-keys";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { NoticeLine } from "@/components/ui/notice";
import { SelectField } from "@/components/ui/select-field";
import { bindPhoneNumberFields, type BindPhoneNumberFields } from "@/lib/phone-numbers/schemas";
import type { PhoneNumberWriteResult } from "@/lib/phone-numbers/view";
import type { SipAccountView } from "@/lib/sip-accounts/view";
import { useDiscardGuard } from "@/components/ui/discard-guard";

/** Import number → From Custom SIP → the account → the number in E.164 → optional label → Connect. */
export function BindNumberForm({
  spaceId,
  accounts,
  accountId,
  onBound,
  onCancel,
}: {
  spaceId: string;
  accounts: SipAccountView[];
  accountId: string;
  onBound: (result: PhoneNumberWriteResult) => void;
  onCancel: () => void;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const [claim, setClaim] = useState<string | null>(null);
  const form = useForm<BindPhoneNumberFields>({
    resolver: zodResolver(bindPhoneNumberFields),
    defaultValues: { accountId, number: "", label: "", inboundAgentId: "", outboundAgentId: "" },
    mode: "onTouched",
  });
  const errors = form.formState.errors;
  useDiscardGuard(form.formState.isDirty);

  const bind = useActionMutation((valid: Parameters<typeof bindPhoneNumberAction>[1]) => bindPhoneNumberAction(spaceId, valid), [phoneNumberKeys.all(spaceId), sipAccountKeys.all(spaceId)]);

  const onSubmit = form.handleSubmit(async (valid) => {
    setFormError(null);
    setClaim(null);
    const result = await bind.mutateAsync(valid);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    if ("claim" in result.data) return setClaim(result.data.claim.message);
    onBound(result.data);
  });

  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate aria-label="Bind a number">
      <FormError message={formError} />
      {claim ? <NoticeLine notice={{ tone: "ok", text: claim }} /> : null}
      <SelectField
        label="SIP account"
        options={accounts.map((a) => ({ value: a.id, label: a.accountName }))}
        help="The Custom SIP account whose PBX routes this number."
        error={errors.accountId?.message}
        {...form.register("accountId")}
      />
      <TextField
        label="Phone number"
        placeholder="+74951234567"
        inputMode="tel"
        autoComplete="off"
        help="E.164: + then the country code and the number, e.g. +74951234567. Your PBX must send the called number exactly like this, with the +. The number stays Unverified until one inbound call for it arrives through this account. A number another Space has kept unverified for 72 hours can be claimed: your PBX's call to it then proves it yours."
        error={errors.number?.message}
        {...form.register("number")}
      />
      <TextField label="Label (optional)" placeholder="Support line" error={errors.label?.message} {...form.register("label")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.formState.isSubmitting}>{form.formState.isSubmitting ? "Connecting…" : "Connect"}</Button>
        <Button variant="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
