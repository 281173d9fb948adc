import { clsx } from "clsx";
import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { describedBy, Field, inputClass } from "./field";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  help?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
};

/** A labelled <select> wired like TextField (help, error, aria) for forms and tests. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField({ label, help, error, options, id, className, ...props }, ref) {
  const generated = useId();
  const selectId = id ?? generated;
  return (
    <Field label={label} htmlFor={selectId} help={help} error={error}>
      <select ref={ref} id={selectId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(selectId, { help, error })} className={clsx(inputClass, className)} {...props}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
});
