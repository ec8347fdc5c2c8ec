"use client";

import { useTranslations } from "next-intl";
import { type CompanyHoliday, type CompanyHolidayKind, companyHolidayKinds, holidayNameMaxLength } from "@/server/services/settings/company-holidays";
import { FieldError } from "./field";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

/** One holiday as the form holds it: every control's text, whichever kind is chosen. */
export type HolidayRow = {
  kind: CompanyHolidayKind;
  month: string;
  day: string;
  date: string;
  lastMonth: string;
  lastDay: string;
  nameJa: string;
  nameEn: string;
};

type Props = {
  rows: HolidayRow[];
  onChange: (rows: HolidayRow[]) => void;
  /** The server's message about a path under `companyHolidays`, e.g. "3.nameJa" or "3". */
  errorFor: (path: string) => string | undefined;
};

const months = Array.from({ length: 12 }, (_, index) => String(index + 1));
const days = Array.from({ length: 31 }, (_, index) => String(index + 1));
const twoDigits = (value: string) => value.padStart(2, "0");

/** The company's own holidays and closures: a day every year, one date, or a yearly closure from one day to another. */
export function CompanyHolidaysEditor({ rows, onChange, errorFor }: Props) {
  const t = useTranslations("settings.companyHolidays");
  const update = (index: number, row: HolidayRow) => onChange(rows.map((entry, at) => (at === index ? row : entry)));
  const dayPicker = (index: number, row: HolidayRow, which: "first" | "last", error: string | undefined) => {
    const [monthKey, dayKey] = which === "first" ? (["month", "day"] as const) : (["lastMonth", "lastDay"] as const);
    return (
      <>
        <SelectField id={`holiday-${index}-${which}-month`} label={t(`${which}Month`)} compact width="w-20" value={row[monthKey]} onChange={(value) => update(index, { ...row, [monthKey]: value })}>
          {months.map((month) => (
            <option key={month} value={month}>
              {month}
            </option>
          ))}
        </SelectField>
        <SelectField id={`holiday-${index}-${which}-day`} label={t(`${which}Day`)} compact width="w-20" value={row[dayKey]} error={error} onChange={(value) => update(index, { ...row, [dayKey]: value })}>
          {days.map((day) => (
            <option key={day} value={day}>
              {day}
            </option>
          ))}
        </SelectField>
      </>
    );
  };
  return (
    <fieldset className="space-y-3" aria-describedby={errorFor("") ? "company-holidays-error" : "company-holidays-hint"}>
      <legend className="font-medium">{t("legend")}</legend>
      <p id="company-holidays-hint" className="text-sm text-slate-600">
        {t("hint")}
      </p>
      {rows.map((row, index) => (
        <div key={index} role="group" aria-label={t("row", { number: index + 1 })} className="space-y-2 rounded border border-slate-200 p-3">
          <div className="flex flex-wrap items-end gap-3">
            <SelectField
              id={`holiday-${index}-kind`}
              label={t("kind")}
              compact
              width="w-56"
              value={row.kind}
              onChange={(value) => {
                const kind = companyHolidayKinds.find((candidate) => candidate === value);
                if (kind) update(index, { ...row, kind });
              }}
            >
              {companyHolidayKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </SelectField>
            {row.kind === "once" ? (
              <TextField id={`holiday-${index}-date`} label={t("date")} compact type="date" width="w-44" value={row.date} error={errorFor(`${index}.date`)} onChange={(date) => update(index, { ...row, date })} />
            ) : (
              dayPicker(index, row, "first", errorFor(`${index}.${row.kind === "annual" ? "monthDay" : "firstDay"}`))
            )}
            {row.kind === "range" ? dayPicker(index, row, "last", errorFor(`${index}.lastDay`)) : null}
          </div>
          <div className="flex flex-wrap items-end gap-3">
            {(["ja", "en"] as const).map((language) => {
              const field = language === "ja" ? "nameJa" : "nameEn";
              return (
                <TextField
                  key={language}
                  id={`holiday-${index}-name-${language}`}
                  label={t(field)}
                  compact
                  lang={language}
                  width="w-56"
                  maxLength={holidayNameMaxLength}
                  value={row[field]}
                  error={errorFor(`${index}.${field}`)}
                  onChange={(name) => update(index, { ...row, [field]: name })}
                />
              );
            })}
            <button type="button" onClick={() => onChange(rows.filter((_, at) => at !== index))} className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">
              {t("remove", { name: row.nameJa || row.nameEn || t("row", { number: index + 1 }) })}
            </button>
          </div>
          <FieldError id={`holiday-${index}-error`} error={errorFor(String(index))} />
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...rows, { kind: "annual", month: "1", day: "1", date: "", lastMonth: "1", lastDay: "1", nameJa: "", nameEn: "" }])}
        className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
      >
        {t("add")}
      </button>
      <FieldError id="company-holidays-error" error={errorFor("")} />
    </fieldset>
  );
}

/** The setting's entries as form rows. */
export function holidayRowsFrom(holidays: readonly CompanyHoliday[]): HolidayRow[] {
  const split = (monthDay: string) => monthDay.split("-").map((part) => String(Number(part)));
  return holidays.map((holiday) => {
    const base = { month: "1", day: "1", date: "", lastMonth: "1", lastDay: "1", nameJa: holiday.nameJa, nameEn: holiday.nameEn };
    switch (holiday.kind) {
      case "annual": {
        const [month = "1", day = "1"] = split(holiday.monthDay);
        return { ...base, kind: "annual", month, day };
      }
      case "once":
        return { ...base, kind: "once", date: holiday.date };
      case "range": {
        const [month = "1", day = "1"] = split(holiday.firstDay);
        const [lastMonth = "1", lastDay = "1"] = split(holiday.lastDay);
        return { ...base, kind: "range", month, day, lastMonth, lastDay };
      }
    }
  });
}

/** The form rows as the setting; the server validates dates, names, duplicates and lengths. */
export function holidaysFromRows(rows: readonly HolidayRow[]): CompanyHoliday[] {
  return rows.map((row) => {
    const names = { nameJa: row.nameJa, nameEn: row.nameEn };
    switch (row.kind) {
      case "annual":
        return { kind: "annual", monthDay: `${twoDigits(row.month)}-${twoDigits(row.day)}`, ...names };
      case "once":
        return { kind: "once", date: row.date, ...names };
      case "range":
        return { kind: "range", firstDay: `${twoDigits(row.month)}-${twoDigits(row.day)}`, lastDay: `${twoDigits(row.lastMonth)}-${twoDigits(row.lastDay)}`, ...names };
    }
  });
}
