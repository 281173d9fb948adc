import { clsx } from "clsx";
import { forwardRef, useId, type ReactNode, type TextareaHTMLAttributes } from "react";
import { describedBy, Field, inputClass } from "./field";

type TextareaFieldProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; help?: ReactNode; error?: string };

/** A labelled <textarea> wired like TextField. */
export const TextareaField = forwardRef<HTMLTextAreaElement, TextareaFieldProps>(function TextareaField({ label, help, error, id, className, ...props }, ref) {
  const generated = useId();
  const areaId = id ?? generated;
  return (
    <Field label={label} htmlFor={areaId} help={help} error={error}>
      <textarea ref={ref} id={areaId} aria-invalid={error ? true : undefined} aria-describedby={describedBy(areaId, { help, error })} className={clsx(inputClass, "min-h-32 font-mono text-xs", className)} {...props} />
    </Field>
  );
});
