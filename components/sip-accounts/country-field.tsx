"use client";

import { forwardRef, useId } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { COUNTRIES } from "@/lib/geo/countries";

/** A searchable list of real ISO 3166-1 alpha-2 codes: type a code or a country name. */
export const CountryField = forwardRef<HTMLInputElement, React.InputHTMLAttributes<HTMLInputElement> & { error?: string }>(
  function CountryField({ error, ...props }, ref) {
    const id = useId();
    return (
      <Field
        label="Destination country"
        htmlFor={id}
        error={error}
        help="ISO-3166 α-2 (2 letters). Hint for LiveKit billing/routing, not a destination restriction."
      >
        <input ref={ref} id={id} list={`${id}-list`} autoComplete="off" maxLength={2} className={`${inputClass} uppercase`} aria-invalid={error ? true : undefined} {...props} />
        <datalist id={`${id}-list`}>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>{`${c.code} — ${c.name}`}</option>
          ))}
        </datalist>
      </Field>
    );
  },
);
