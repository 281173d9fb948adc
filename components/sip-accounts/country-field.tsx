"use client";

import { forwardRef, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState, type ChangeEvent, type InputHTMLAttributes } from "react";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { countryName, isCountryCode, searchCountries, type Country } from "@/lib/geo/countries";

const HELP = "ISO-3166 α-2 (2 letters). Hint for LiveKit billing/routing, not a destination restriction.";
/** Enough to scan; a longer list means the query is still too vague. */
const MAX_OPTIONS = 60;

/**
 * Destination country as an ARIA combobox: type a code (alpha-2 or alpha-3) or a name, move
 * with the arrows, Enter or a click puts the country's alpha-2 code in the field. Nothing is
 * cut or guessed: what is typed stays as typed until a country is picked, and the schema
 * names the right code for anything else. Works with react-hook-form's `register`.
 */
export const CountryField = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & { error?: string }>(function CountryField(
  { error, onChange, onBlur, onKeyDown, ...props },
  ref,
) {
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const input = useRef<HTMLInputElement>(null);
  useImperativeHandle(ref, () => input.current as HTMLInputElement);
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = open ? searchCountries(value).slice(0, MAX_OPTIONS) : [];

  // react-hook-form writes the stored value straight into the input; mirror it once.
  useLayoutEffect(() => {
    setValue(input.current?.value ?? "");
  }, []);
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- optionId is derived from the stable id
  }, [active]);

  const pick = (country: Country) => {
    const el = input.current;
    if (!el) return;
    el.value = country.code;
    setValue(country.code);
    setOpen(false);
    setActive(-1);
    onChange?.({ target: el, currentTarget: el, type: "change" } as unknown as ChangeEvent<HTMLInputElement>);
  };

  const code = value.trim().toUpperCase();
  const chosen = isCountryCode(code) ? `${countryName(code)} (${code})` : null;
  const statusId = `${id}-chosen`;
  const described = [describedBy(id, { help: HELP, error }), chosen ? statusId : null].filter(Boolean).join(" ") || undefined;

  return (
    <Field label="Destination country" htmlFor={id} error={error} help={HELP}>
      <div className="relative">
        <input
          ref={input}
          id={id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open && matches.length > 0}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && active < matches.length ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          autoComplete="off"
          spellCheck={false}
          placeholder="RU, AUT or Austria"
          className={inputClass}
          {...props}
          onChange={(e) => {
            setValue(e.target.value);
            setOpen(true);
            setActive(e.target.value.trim() === "" ? -1 : 0);
            onChange?.(e);
          }}
          onBlur={(e) => {
            setOpen(false);
            setActive(-1);
            onBlur?.(e);
          }}
          onKeyDown={(e) => {
            onKeyDown?.(e);
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              if (!open) {
                setOpen(true);
                setActive(0);
                return;
              }
              const last = matches.length - 1;
              setActive((i) => (e.key === "ArrowDown" ? Math.min(i + 1, last) : Math.max(i - 1, 0)));
            } else if (e.key === "Enter" && open && active >= 0 && matches[active]) {
              e.preventDefault(); // picks, does not submit
              pick(matches[active]);
            } else if (e.key === "Escape" && open) {
              e.preventDefault();
              setOpen(false);
              setActive(-1);
            }
          }}
        />
        {open && matches.length > 0 ? (
          <ul id={listId} role="listbox" aria-label="Countries" className="absolute z-10 mt-1 max-h-60 w-full overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
            {matches.map((c, i) => (
              <li
                key={c.code}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                // Keep focus in the input: the list is part of it.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(c)}
                className={`flex cursor-default justify-between gap-3 px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-800" : "text-slate-800"}`}
              >
                <span className="truncate">{c.name}</span>
                <span className="shrink-0 font-mono text-xs text-slate-500">
                  {c.code} · {c.alpha3}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {chosen ? (
        <p id={statusId} className="text-xs text-slate-600">
          {chosen}
        </p>
      ) : null}
    </Field>
  );
});
