"use client";

import type { UseFormRegisterReturn } from "react-hook-form";
import { webhookEventDescriptions, webhookEventTypes } from "@/lib/webhooks/events";

/** One checkbox per event type; none checked means every event. */
export function EventCheckboxes({ register, error }: { register: UseFormRegisterReturn<"events">; error?: string }) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "webhook-events-error" : "webhook-events-help"}>
      <legend className="text-sm font-medium text-slate-800">Events</legend>
      <p id="webhook-events-help" className="text-xs text-slate-500">Leave all unchecked to receive every event.</p>
      <div className="grid gap-1 sm:grid-cols-2">
        {webhookEventTypes.map((type) => (
          <label key={type} className="flex items-start gap-2 text-sm" title={webhookEventDescriptions[type]}>
            <input type="checkbox" value={type} className="mt-0.5" {...register} />
            <span className="font-mono text-xs">{type}</span>
          </label>
        ))}
      </div>
      {error ? <p role="alert" id="webhook-events-error" className="text-xs text-red-600">{error}</p> : null}
    </fieldset>
  );
}
