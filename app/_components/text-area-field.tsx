"use client";

import type { ComponentProps } from "react";
import { controlClass, Field, type FieldProps } from "./field";

type Props = FieldProps &
  Omit<ComponentProps<"textarea">, "id" | "value" | "onChange" | "className"> & {
    value: string;
    onChange: (value: string) => void;
    /** The schema's limit: the browser stops there and a counter shows how much is used. */
    maxLength: number;
    /** Extra classes of the control (e.g. a background inside a tinted box). */
    controlClassName?: string;
  };

/** A labelled textarea with hint, counter and inline error, wired for screen readers. */
export function TextAreaField({ id, label, hint, error, compact, className, value, onChange, rows = 4, controlClassName = "", ...textarea }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error} compact={compact} className={className} count={{ length: value.length, max: textarea.maxLength }}>
      {(aria) => (
        <textarea
          {...textarea}
          {...aria}
          rows={rows}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          className={`w-full ${controlClass(compact)} ${controlClassName}`}
        />
      )}
    </Field>
  );
}
