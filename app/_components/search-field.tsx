import type { ComponentProps } from "react";

type Props = Omit<ComponentProps<"input">, "id" | "className"> & {
  id: string;
  label: string;
  /** Width of the box; full width of its grid cell by default. */
  width?: string;
};

/**
 * A labelled box of a plain GET search form. Uncontrolled on purpose: the form works without
 * JavaScript, and `defaultValue` carries what the URL asked for.
 */
export function SearchField({ id, label, width = "w-full", type = "search", ...input }: Props) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input {...input} id={id} type={type} className={`${width} rounded border border-slate-400 px-3 py-2`} />
    </div>
  );
}
