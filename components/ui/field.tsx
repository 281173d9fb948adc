import { clsx } from "clsx";
import type { InputHTMLAttributes, ReactNode } from "react";
import { forwardRef, useId } from "react";

export const inputClass =
  "block w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/**
 * The ids a control inside <Field> points at with aria-describedby: the error when there is
 * one (the help is hidden then), otherwise the help.
 */
export function describedBy(id: string, { help, error }: { help?: ReactNode; error?: string }): string | undefined {
  if (error) return `${id}-error`;
  return help ? `${id}-help` : undefined;
}

/** Label, control, help text and the field's error, wired for screen readers and tests. */
export function Field({
  label,
  htmlFor,
  help,
  error,
  children,
}: {
  label: string;
  htmlFor: string;
  help?: ReactNode;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={htmlFor} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {help && !error ? <p id={`${htmlFor}-help`} className="text-xs text-slate-500">{help}</p> : null}
      {error ? (
        <p role="alert" id={`${htmlFor}-error`} className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  help?: ReactNode;
  error?: string;
};

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, help, error, id, className, ...props },
  ref,
) {
  const generated = useId();
  const inputId = id ?? generated;
  return (
    <Field label={label} htmlFor={inputId} help={help} error={error}>
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, { help, error })}
        className={clsx(inputClass, className)}
        {...props}
      />
    </Field>
  );
});
