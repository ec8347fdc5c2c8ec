"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { confidentialityPolicies, type Settings } from "@/server/services/settings/settings.schemas";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";
import { MutationStatus } from "./mutation-status";
import { RotationTargetsEditor, rotationTargetsFromRows, type RotationTargetRow } from "./rotation-targets-editor";
import type { Bilingual } from "@/app/_i18n/localized";
import { CompanyHolidaysEditor, holidayRowsFrom, holidaysFromRows, type HolidayRow } from "./company-holidays-editor";

const numberFields = ["profileStalenessDays", "releaseDeadlineBusinessDays", "minimumOpenDays", "reportMinimumGroupSize", "rotationTargetPercent"] as const;
type NumberField = (typeof numberFields)[number];

/** The settings form: the server validates; its translated messages appear beside each field. */
export function SettingsForm({ initial, departments, locale }: { initial: Settings; departments: { id: number; name: Bilingual; depth: number }[]; locale: string }) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const [values, setValues] = useState<Record<NumberField, string>>({
    profileStalenessDays: String(initial.profileStalenessDays),
    releaseDeadlineBusinessDays: String(initial.releaseDeadlineBusinessDays),
    minimumOpenDays: String(initial.minimumOpenDays),
    reportMinimumGroupSize: String(initial.reportMinimumGroupSize),
    rotationTargetPercent: String(initial.rotationTargetPercent),
  });
  const [confidentialityPolicy, setConfidentialityPolicy] = useState(initial.confidentialityPolicy);
  const [targetRows, setTargetRows] = useState<RotationTargetRow[]>(
    Object.entries(initial.departmentRotationTargets).map(([departmentId, percent]) => ({ departmentId, percent: String(percent) })),
  );
  const [holidayRows, setHolidayRows] = useState<HolidayRow[]>(() => holidayRowsFrom(initial.companyHolidays));
  const update = useMutation(trpc.setting.update.mutationOptions());
  const { errorFor } = useFieldErrors(update.error);

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
          rotationTargetPercent: Number(values.rotationTargetPercent),
          departmentRotationTargets: rotationTargetsFromRows(targetRows),
          confidentialityPolicy,
          companyHolidays: holidaysFromRows(holidayRows),
        });
      }}
    >
      {numberFields.map((field) => (
        <TextField
          key={field}
          id={field}
          name={field}
          label={t(`fields.${field}.label`)}
          hint={t(`fields.${field}.hint`)}
          error={errorFor(field)}
          type="number"
          inputMode="numeric"
          width="w-40"
          value={values[field]}
          onChange={(value) => setValues({ ...values, [field]: value })}
        />
      ))}
      <SelectField
        id="confidentialityPolicy"
        name="confidentialityPolicy"
        label={t("fields.confidentialityPolicy.label")}
        hint={t("fields.confidentialityPolicy.hint")}
        error={errorFor("confidentialityPolicy")}
        value={confidentialityPolicy}
        onChange={(value) => {
          // The options are the policies themselves, so the chosen value is always one of them.
          const chosen = confidentialityPolicies.find((policy) => policy === value);
          if (chosen) setConfidentialityPolicy(chosen);
        }}
      >
        {confidentialityPolicies.map((policy) => (
          <option key={policy} value={policy}>
            {t(`policies.${policy}`)}
          </option>
        ))}
      </SelectField>
      <RotationTargetsEditor
        departments={departments}
        locale={locale}
        rows={targetRows}
        onChange={setTargetRows}
        error={errorFor("departmentRotationTargets")}
        errorFor={(departmentId) => errorFor(`departmentRotationTargets.${departmentId}`)}
      />
      <CompanyHolidaysEditor rows={holidayRows} onChange={setHolidayRows} errorFor={(path) => errorFor(path ? `companyHolidays.${path}` : "companyHolidays")} />
      <div className="flex items-center gap-4">
        <button type="submit" disabled={update.isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {t("save")}
        </button>
        <MutationStatus success={update.isSuccess ? t("saved") : null} error={update.error?.message} />
      </div>
    </form>
  );
}
