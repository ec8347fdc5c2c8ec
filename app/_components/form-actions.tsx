"use client";

import { useTranslations } from "next-intl";

/**
 * The submit and cancel buttons of a small form that opens in place (an invitation, an answer, a
 * workflow step). Cancel is the caller's: it closes the form and gives focus back to its toggle.
 */
export function FormActions({
  submitLabel,
  disabled,
  tone = "primary",
  onCancel,
}: {
  submitLabel: string;
  disabled: boolean;
  tone?: "primary" | "danger";
  onCancel: () => void;
}) {
  const t = useTranslations("formField");
  const colours = tone === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-800";
  return (
    <div className="flex flex-wrap gap-2">
      <button type="submit" disabled={disabled} className={`rounded px-3 py-1.5 font-semibold text-white disabled:opacity-60 ${colours}`}>
        {submitLabel}
      </button>
      <button type="button" onClick={onCancel} className="rounded border border-slate-400 px-3 py-1.5 hover:bg-slate-100">
        {t("cancel")}
      </button>
    </div>
  );
}
