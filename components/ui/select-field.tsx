"use client";

import * as Select from "@radix-ui/react-select";
import { clsx } from "clsx";
import { Check, ChevronDown } from "lucide-react";
import { forwardRef, useId, useImperativeHandle, useRef, useState, type ChangeEvent, type FocusEvent, type ReactNode } from "react";
import { describedBy, Field, inputClass } from "./field";

// Radix reserves "" for "no value"; our forms use "" for "none" (No agent), so it is mapped.
const EMPTY = "__empty__";
const toRadix = (v: string) => (v === "" ? EMPTY : v);
const fromRadix = (v: string) => (v === EMPTY ? "" : v);

/** What react-hook-form's `register` sees: a field with a name and a readable, settable value. */
type SelectHandle = { name: string; value: string; focus: () => void };

type SelectFieldProps = {
  label: string;
  help?: ReactNode;
  error?: string;
  options: readonly { value: string; label: string }[];
  id?: string;
  name?: string;
  disabled?: boolean;
  className?: string;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => unknown;
  onBlur?: (event: FocusEvent<HTMLSelectElement>) => unknown;
};

/**
 * A labelled Radix Select wired like TextField (help, error, aria). Works with
 * `{...register(name)}`: the form library reads and writes the value through the handle, so
 * defaults, reset and setValue show in the trigger.
 */
export const SelectField = forwardRef<SelectHandle, SelectFieldProps>(function SelectField(
  { label, help, error, options, id, name = "", disabled, className, onChange, onBlur },
  ref,
) {
  const generated = useId();
  const selectId = id ?? generated;
  const trigger = useRef<HTMLButtonElement>(null);
  // As a native <select>: with no value given, the first option is the value.
  const current = useRef(options[0]?.value ?? "");
  const [value, setValue] = useState(current.current);
  const handle = useRef<SelectHandle | null>(null);
  handle.current ??= {
    name,
    get value() {
      return current.current;
    },
    set value(next: string) {
      current.current = next ?? "";
      setValue(current.current);
    },
    focus: () => trigger.current?.focus(),
  };
  useImperativeHandle(ref, () => handle.current!, []);

  const fire = <E,>(type: "change" | "blur") => ({ target: handle.current, currentTarget: handle.current, type }) as unknown as E;

  return (
    <Field label={label} htmlFor={selectId} help={help} error={error}>
      <Select.Root
        value={toRadix(value)}
        disabled={disabled}
        onValueChange={(next) => {
          handle.current!.value = fromRadix(next);
          onChange?.(fire<ChangeEvent<HTMLSelectElement>>("change"));
        }}
      >
        <Select.Trigger
          ref={trigger}
          id={selectId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(selectId, { help, error })}
          onBlur={() => onBlur?.(fire<FocusEvent<HTMLSelectElement>>("blur"))}
          className={clsx(inputClass, "flex items-center justify-between gap-2 text-left disabled:cursor-not-allowed disabled:bg-slate-50", className)}
        >
          <span className="min-w-0 truncate">
            <Select.Value placeholder="Choose…" />
          </span>
          <Select.Icon>
            <ChevronDown aria-hidden className="size-4 shrink-0 text-slate-500" />
          </Select.Icon>
        </Select.Trigger>
        <Select.Portal>
          <Select.Content
            position="popper"
            sideOffset={4}
            className="z-[70] max-h-[var(--radix-select-content-available-height)] w-[var(--radix-select-trigger-width)] min-w-40 max-w-[calc(100vw-1rem)] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg"
          >
            <Select.Viewport className="p-1">
              {options.map((o) => (
                <Select.Item
                  key={o.value}
                  value={toRadix(o.value)}
                  className="relative flex cursor-default select-none items-center rounded py-1.5 pl-7 pr-2 text-sm text-slate-800 outline-none data-[highlighted]:bg-brand-50 data-[highlighted]:text-brand-800"
                >
                  <Select.ItemIndicator className="absolute left-2">
                    <Check aria-hidden className="size-4" />
                  </Select.ItemIndicator>
                  <Select.ItemText>{o.label}</Select.ItemText>
                </Select.Item>
              ))}
            </Select.Viewport>
          </Select.Content>
        </Select.Portal>
      </Select.Root>
    </Field>
  );
});
