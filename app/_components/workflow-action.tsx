"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { ACTION_REASON_MAX } from "@/server/services/applications/application.schemas";
import type { AllowedAction } from "@/server/services/workflow/transitions";
import { newIdempotencyKey } from "@/app/_trpc/idempotency-key";
import { MutationStatus } from "./mutation-status";
import { FormActions } from "./form-actions";
import { TextAreaField } from "./text-area-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";

type Tone = "primary" | "danger" | "neutral";

const toneClass: Record<Tone, string> = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  danger: "border border-red-700 text-red-800 hover:bg-red-50",
  neutral: "border border-slate-400 text-slate-900 hover:bg-slate-100",
};

type Props = {
  applicationId: number;
  /** The version the viewer saw: deciding on a changed application is refused, not overwritten. */
  version: number;
  /** The action as the server allows it to this viewer; it also says whether a reason is needed. */
  allowed: AllowedAction;
  /** The button that starts the action (or opens its form). */
  label: string;
  /** The button that sends the form; required when the action opens a form. */
  submitLabel?: string;
  /** Ask for a date first: the release date or the effective date (発令日). */
  date?: { field: "releaseOn" | "effectiveOn"; label: string; hint?: string; min?: string };
  /** Ask to confirm first, with this text. */
  confirm?: string;
  /** Shown inside the form, e.g. "HR reviews every decline". */
  note?: string;
  tone?: Tone;
};

/**
 * One workflow step — shortlist, offer, release, finalize, withdraw… — through `application.act`.
 * Steps that need a reason, a date or a second thought open a small form first. Each mounted
 * control sends one idempotency key and the version it was shown, so a double click or a retry
 * decides once, and a decision on an application that changed meanwhile is refused.
 */
export function WorkflowAction({ applicationId, version, allowed, label, submitLabel, date, confirm, note, tone = "neutral" }: Props) {
  const { action } = allowed;
  const reason = allowed.needsReason ? "required" : undefined;
  const t = useTranslations("applications.actions");
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const keyRef = useRef<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [reasonText, setReasonText] = useState("");
  const [dateValue, setDateValue] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const act = useMutation(trpc.application.act.mutationOptions({ onSuccess: () => router.refresh() }));
  const needsForm = Boolean(reason || date || confirm);
  const { errorFor } = useFieldErrors(act.error);

  const send = () => {
    if (reason === "required" && !reasonText.trim()) return setLocalError(t("reasonMissing"));
    if (date && !dateValue) return setLocalError(t("dateMissing", { field: date.label }));
    setLocalError(null);
    keyRef.current ??= newIdempotencyKey();
    act.mutate({
      applicationId,
      action,
      expectedVersion: version,
      idempotencyKey: keyRef.current,
      ...(reason ? { reason: reasonText.trim() } : {}),
      ...(date?.field === "releaseOn" ? { releaseOn: dateValue } : {}),
      ...(date?.field === "effectiveOn" ? { effectiveOn: dateValue } : {}),
    });
  };

  const error = localError ?? act.error?.message ?? null;
  const errorNode = <MutationStatus className="min-h-0 text-sm" error={error} />;

  if (!needsForm) {
    return (
      <div className="flex flex-col gap-1">
        <button
          type="button"
          disabled={act.isPending || act.isSuccess}
          onClick={send}
          className={`self-start rounded px-3 py-1.5 font-semibold disabled:opacity-60 ${toneClass[tone]}`}
        >
          {label}
        </button>
        {errorNode}
      </div>
    );
  }

  const reasonId = `${formId}-reason`;
  const dateId = `${formId}-date`;
  return (
    <div className="flex flex-col gap-2">
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => setOpen(!open)}
        className={`self-start rounded px-3 py-1.5 font-semibold ${toneClass[tone]}`}
      >
        {label}
      </button>
      <form
        id={formId}
        hidden={!open}
        noValidate
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
        className="space-y-3 rounded border border-slate-300 bg-slate-50 p-3"
      >
        {confirm ? <p className="text-sm">{confirm}</p> : null}
        {note ? <p className="text-sm text-slate-700">{note}</p> : null}
        {date ? (
          <TextField
            id={dateId}
            label={date.label}
            hint={date.hint}
            error={errorFor(date.field)}
            compact
            type="date"
            required
            min={date.min}
            width="w-48"
            value={dateValue}
            onChange={setDateValue}
          />
        ) : null}
        {reason ? (
          <TextAreaField
            id={reasonId}
            label={reason === "required" ? t("reasonRequiredLabel") : t("reasonOptionalLabel")}
            error={errorFor("reason")}
            compact
            rows={3}
            maxLength={ACTION_REASON_MAX}
            required={reason === "required"}
            value={reasonText}
            onChange={setReasonText}
          />
        ) : null}
        <FormActions
          submitLabel={submitLabel ?? label}
          disabled={act.isPending || act.isSuccess}
          tone={tone === "danger" ? "danger" : "primary"}
          onCancel={() => {
            setOpen(false);
            setLocalError(null);
            toggleRef.current?.focus();
          }}
        />
        {errorNode}
      </form>
    </div>
  );
}
