"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import type { AppRouter } from "@/server/trpc/root";
import { confidentialityPolicies, type Settings } from "@/server/services/settings/settings.schemas";

const numberFields = ["profileStalenessDays", "releaseDeadlineBusinessDays", "minimumOpenDays", "reportMinimumGroupSize"] as const;
type NumberField = (typeof numberFields)[number];

/** The settings form: the server validates; its translated messages appear beside each field. */
export function SettingsForm({ initial }: { initial: Settings }) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const [values, setValues] = useState<Record<NumberField, string>>({
    profileStalenessDays: String(initial.profileStalenessDays),
    releaseDeadlineBusinessDays: String(initial.releaseDeadlineBusinessDays),
    minimumOpenDays: String(initial.minimumOpenDays),
    reportMinimumGroupSize: String(initial.reportMinimumGroupSize),
  });
  const [confidentialityPolicy, setConfidentialityPolicy] = useState(initial.confidentialityPolicy);
  const update = useMutation(trpc.setting.update.mutationOptions());
  const fieldErrors =
    update.error instanceof TRPCClientError ? ((update.error as TRPCClientError<AppRouter>).data?.fieldErrors ?? {}) : {};

  return (
    <form
      noValidate
      className="max-w-xl space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({
          profileStalenessDays: Number(values.profileStalenessDays),
          releaseDeadlineBusinessDays: Number(values.releaseDeadlineBusinessDays),
          minimumOpenDays: Number(values.minimumOpenDays),
          reportMinimumGroupSize: Number(values.reportMinimumGroupSize),
          confidentialityPolicy,
        });
      }}
    >
      {numberFields.map((field) => (
        <div key={field} className="flex flex-col gap-1">
          <label htmlFor={field} className="font-medium">
            {t(`fields.${field}.label`)}
          </label>
          <p id={`${field}-hint`} className="text-sm text-slate-600">
            {t(`fields.${field}.hint`)}
          </p>
          <input
            id={field}
            name={field}
            type="number"
            inputMode="numeric"
            value={values[field]}
            aria-describedby={`${field}-hint${fieldErrors[field] ? ` ${field}-error` : ""}`}
            aria-invalid={fieldErrors[field] ? true : undefined}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
            className="w-40 rounded border border-slate-400 px-3 py-2"
          />
          {fieldErrors[field] ? (
            <p id={`${field}-error`} className="text-sm text-red-800">
              {fieldErrors[field]}
            </p>
          ) : null}
        </div>
      ))}
      <div className="flex flex-col gap-1">
        <label htmlFor="confidentialityPolicy" className="font-medium">
          {t("fields.confidentialityPolicy.label")}
        </label>
        <p id="confidentialityPolicy-hint" className="text-sm text-slate-600">
          {t("fields.confidentialityPolicy.hint")}
        </p>
        <select
          id="confidentialityPolicy"
          name="confidentialityPolicy"
          aria-describedby="confidentialityPolicy-hint"
          value={confidentialityPolicy}
          onChange={(event) => {
            // The options are the policies themselves, so the chosen value is always one of them.
            const chosen = confidentialityPolicies.find((policy) => policy === event.target.value);
            if (chosen) setConfidentialityPolicy(chosen);
          }}
          className="w-full rounded border border-slate-400 px-3 py-2"
        >
          {confidentialityPolicies.map((policy) => (
            <option key={policy} value={policy}>
              {t(`policies.${policy}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-center gap-4">
        <button type="submit" disabled={update.isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("save")}
        </button>
        <p aria-live="polite" className="text-sm">
          {update.isSuccess ? t("saved") : null}
          {update.error ? (
            <span role="alert" className="text-red-800">
              {update.error.message}
            </span>
          ) : null}
        </p>
      </div>
    </form>
  );
}
