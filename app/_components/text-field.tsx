"use client";

import type { ComponentProps } from "react";
import { controlClass, Field, type FieldProps } from "./field";

type Props = FieldProps &
  Omit<ComponentProps<"input">, "id" | "value" | "onChange" | "className"> & {
    value: string;
    onChange: (value: string) => void;
    /** Width of the control; full width by default. */
    width?: string;
  };

/** A labelled input (text, number, date…) with hint, error and, when it has a maxLength, a counter. */
export function TextField({ id, label, hint, error, compact, className, value, onChange, width = "w-full", ...input }: Props) {
  const count = input.maxLength === undefined ? undefined : { length: value.length, max: input.maxLength };
  return (
    <Field id={id} label={label} hint={hint} error={error} compact={compact} className={className} count={count}>
      {(aria) => <input {...input} {...aria} value={value} onChange={(event) => onChange(event.target.value)} className={`${width} ${controlClass(compact)}`} />}
    </Field>
  );
}
