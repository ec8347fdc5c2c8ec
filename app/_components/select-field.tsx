"use client";

import type { ComponentProps } from "react";
import { controlClass, Field, type FieldProps } from "./field";

type Props = FieldProps &
  Omit<ComponentProps<"select">, "id" | "value" | "onChange" | "className"> & {
    value: string | number;
    onChange: (value: string) => void;
    /** Width of the control; full width by default. */
    width?: string;
  };

/** A labelled select with hint and inline error; the options are its children. */
export function SelectField({ id, label, hint, error, compact, className, value, onChange, width = "w-full", children, ...select }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error} compact={compact} className={className}>
      {(aria) => (
        <select {...select} {...aria} value={value} onChange={(event) => onChange(event.target.value)} className={`${width} ${controlClass(compact)}`}>
          {children}
        </select>
      )}
    </Field>
  );
}
