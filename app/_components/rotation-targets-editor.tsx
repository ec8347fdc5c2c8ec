"use client";

import { useTranslations } from "next-intl";
import { pick, type Bilingual } from "@/app/_i18n/localized";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

export type RotationTargetRow = { departmentId: string; percent: string };

type Props = {
  /** In the organisation's order, each with its depth, which the list shows as indentation. */
  departments: { id: number; name: Bilingual; depth: number }[];
  locale: string;
  rows: RotationTargetRow[];
  onChange: (rows: RotationTargetRow[]) => void;
  /** The server's message about the targets as a whole, shown under the list. */
  error?: string;
  /** The server's message about one department's target. */
  errorFor: (departmentId: string) => string | undefined;
};

/** Departments whose rotation target differs from the company's: a department and a percentage per row. */
export function RotationTargetsEditor({ departments, locale, rows, onChange, error, errorFor }: Props) {
  const t = useTranslations("settings.departmentTargets");
  const update = (index: number, row: RotationTargetRow) => onChange(rows.map((entry, at) => (at === index ? row : entry)));
  return (
    <fieldset className="space-y-3" aria-describedby={error ? "department-targets-error" : "department-targets-hint"}>
      <legend className="font-medium">{t("legend")}</legend>
      <p id="department-targets-hint" className="text-sm text-slate-600">
        {t("hint")}
      </p>
      {rows.map((row, index) => (
        <div key={index} className="flex flex-wrap items-end gap-3">
          <SelectField
            id={`department-target-${index}`}
            label={t("department")}
            compact
            width="w-64"
            value={row.departmentId}
            onChange={(departmentId) => update(index, { ...row, departmentId })}
          >
            <option value="">{t("chooseDepartment")}</option>
            {departments.map((department) => (
              <option key={department.id} value={String(department.id)}>
                {`${"　".repeat(department.depth)}${pick(department.name, locale)}`}
              </option>
            ))}
          </SelectField>
          <TextField
            id={`department-target-percent-${index}`}
            label={t("percent")}
            compact
            type="number"
            inputMode="numeric"
            width="w-24"
            value={row.percent}
            error={row.departmentId === "" ? undefined : errorFor(row.departmentId)}
            onChange={(percent) => update(index, { ...row, percent })}
          />
          <button
            type="button"
            onClick={() => onChange(rows.filter((_, at) => at !== index))}
            className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
          >
            {t("remove", { department: pick(departments.find((department) => String(department.id) === row.departmentId)?.name ?? { ja: "", en: "" }, locale) || t("thisRow") })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, { departmentId: "", percent: "" }])} className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">
        {t("add")}
      </button>
      {error ? (
        <p id="department-targets-error" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The rows as the setting: rows without a department are left out; a later row for the same department wins. */
export function rotationTargetsFromRows(rows: RotationTargetRow[]): Record<string, number> {
  return Object.fromEntries(rows.filter((row) => row.departmentId !== "").map((row) => [row.departmentId, Number(row.percent)]));
}
