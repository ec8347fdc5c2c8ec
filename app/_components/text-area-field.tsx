"use client";

/** A labelled textarea with a hint and an inline error, wired for screen readers. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 4,
  maxLength,
}: {
  id: string;
  label: string;
  hint: string;
  error: string | null | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength: number;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {hint}
      </p>
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        required
        value={value}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
        className="w-full rounded border border-slate-400 bg-white px-3 py-2"
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
