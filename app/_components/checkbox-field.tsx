"use client";

import type { ComponentProps } from "react";
import { controlAria, errorId, FieldError, type FieldProps, hintId } from "./field";

type Props = Omit<FieldProps, "compact"> &
  Omit<ComponentProps<"input">, "id" | "type" | "checked" | "onChange" | "className"> & {
    checked: boolean;
    onChange: (checked: boolean) => void;
  };

/** A checkbox with its label beside it, an optional hint under the label, and an inline error. */
export function CheckboxField({ id, label, hint, error, className = "flex items-start gap-2", checked, onChange, ...input }: Props) {
  return (
    <div className={className}>
      <input {...input} {...controlAria({ id, hint, error })} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="mt-1.5 h-4 w-4" />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p id={hintId(id)} className="text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
        <FieldError id={errorId(id)} error={error} />
      </div>
    </div>
  );
}
