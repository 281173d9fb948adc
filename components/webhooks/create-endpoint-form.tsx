"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyActionErrors } from "@/components/forms/apply-action-errors";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { createWebhookEndpointAction } from "@/lib/webhooks/actions";
import { createWebhookEndpointInput, type CreateWebhookEndpointFields, type CreateWebhookEndpointInput, type CreatedWebhookEndpoint } from "@/lib/webhooks/schemas";
import { EventCheckboxes } from "./event-checkboxes";

export function CreateEndpointForm({ spaceId, onCreated }: { spaceId: string; onCreated: (created: CreatedWebhookEndpoint) => void }) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateWebhookEndpointFields, unknown, CreateWebhookEndpointInput>({
    resolver: zodResolver(createWebhookEndpointInput),
    defaultValues: { url: "", description: "", events: [], enabled: true },
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await createWebhookEndpointAction(spaceId, values);
    if (!result.ok) return setFormError(applyActionErrors(form.setError, result) ?? null);
    form.reset();
    onCreated(result.data);
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <FormError message={formError} />
      <TextField label="Endpoint URL" type="url" placeholder="https://example.com/switchboard/events" help="Events are POSTed here as JSON, signed per Standard Webhooks." error={form.formState.errors.url?.message} {...form.register("url")} />
      <TextField label="Description" help="Optional: what receives these events." error={form.formState.errors.description?.message} {...form.register("description")} />
      <EventCheckboxes register={form.register("events")} error={form.formState.errors.events?.message} />
      <div><Button type="submit" disabled={form.formState.isSubmitting}>Add endpoint</Button></div>
    </form>
  );
}
