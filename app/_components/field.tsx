"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** What every labelled field takes, whatever its control. */
export type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | false | null;
  /** Smaller label and control, for fields inside a row or a small inline form. */
  compact?: boolean;
  /** Classes of the wrapper, e.g. to size it inside a grid or a flex row. */
  className?: string;
};

/** The ids of the field's parts: the control's own id names the hint, counter and error after it. */
export const hintId = (id: string) => `${id}-hint`;
export const countId = (id: string) => `${id}-count`;
export const errorId = (id: string) => `${id}-error`;

/** Joins the ids that describe a control, skipping absent ones; undefined when none is left. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** The aria wiring of a control: described by hint, counter and error; invalid while in error. */
export function controlAria({ id, hint, error, counted }: Pick<FieldProps, "id" | "hint" | "error"> & { counted?: boolean }) {
  return {
    id,
    "aria-describedby": describedBy(hint ? hintId(id) : null, counted ? countId(id) : null, error ? errorId(id) : null),
    "aria-invalid": error ? true : undefined,
  } as const;
}

export const controlClass = (compact?: boolean) =>
  `rounded border border-slate-400 bg-white disabled:bg-slate-100 disabled:text-slate-600 ${compact ? "px-2 py-1" : "px-3 py-2"}`;

/** An inline error; the id lets the control and a fieldset point at it. */
export function FieldError({ id, error }: { id: string; error?: string | false | null }) {
  return error ? (
    <p id={id} className="text-sm text-red-800">
      {error}
    </p>
  ) : null;
}

/** "12 / 4000 文字": how much of the limit the schema allows is used. */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const t = useTranslations("formField");
  return (
    <p id={id} className="text-right text-sm tabular-nums text-slate-600">
      {t("count", { count: length, max })}
    </p>
  );
}

/**
 * The frame of a labelled field: label, hint, the control, a character counter when the field has a
 * maximum length, and the error. `children` renders the control with the aria props it is given.
 */
export function Field({
  id,
  label,
  hint,
  error,
  compact,
  className = "flex flex-col gap-1",
  count,
  children,
}: FieldProps & { count?: { length: number; max: number }; children: (aria: ReturnType<typeof controlAria>) => ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={compact ? "text-sm font-medium" : "font-medium"}>
        {label}
      </label>
      {hint ? (
        <p id={hintId(id)} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children(controlAria({ id, hint, error, counted: count !== undefined }))}
      {count ? <CharacterCount id={countId(id)} length={count.length} max={count.max} /> : null}
      <FieldError id={errorId(id)} error={error} />
    </div>
  );
}
