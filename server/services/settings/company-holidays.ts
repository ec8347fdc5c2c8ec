import { z } from "zod";
import { freeText } from "../common/values.schemas";

/*
 * Company holidays and closed days, on top of Japan's public holidays: a day every year (創立記念日),
 * one date (a one-off closure), or a closure every year from one day to another, which may cross
 * New Year (年末年始 12/29–1/3). Pure: the settings schema and the deadline calculation both use it.
 */

export const companyHolidayKinds = ["annual", "once", "range"] as const;
export type CompanyHolidayKind = (typeof companyHolidayKinds)[number];

export const holidayNameMaxLength = 60;
/** The most holidays and closures the company keeps. */
export const companyHolidaysMax = 100;
/** A yearly closure lasts at most this many days; a longer one is almost always its ends typed the wrong way round. */
export const closureMaxDays = 31;

const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** "MM-DD" naming a day that occurs in some year (02-29 included). */
export function isMonthDay(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth[month - 1]!;
}

/** "YYYY-MM-DD" naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** Days from `from` to `to` inclusive, counted in a leap year, crossing New Year when `to` comes first. */
export function closureLength(from: string, to: string): number {
  const start = Date.parse(`2000-${from}T00:00:00Z`);
  const end = Date.parse(`${to < from ? 2001 : 2000}-${to === "02-29" && to < from ? "02-28" : to}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000) + 1;
}

const monthDay = z.string().refine(isMonthDay, { message: "invalidMonthDay" });
const isoDate = z
  .string()
  .refine(isIsoDate, { message: "invalidDate" })
  .refine((value) => value >= "1900-01-01" && value <= "2999-12-31", { message: "outOfRange" });
const holidayName = freeText.trim().min(1).max(holidayNameMaxLength);
const names = { nameJa: holidayName, nameEn: holidayName };

export const companyHolidaySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("annual"), monthDay, ...names }).strict(),
  z.object({ kind: z.literal("once"), date: isoDate, ...names }).strict(),
  z
    .object({ kind: z.literal("range"), firstDay: monthDay, lastDay: monthDay, ...names })
    .strict()
    .refine((range) => !isMonthDay(range.firstDay) || !isMonthDay(range.lastDay) || closureLength(range.firstDay, range.lastDay) <= closureMaxDays, {
      message: "closureTooLong",
      path: ["lastDay"],
    }),
]);

export type CompanyHoliday = z.infer<typeof companyHolidaySchema>;

/** What makes two entries the same day or days, whatever they are called. */
function dayKey(holiday: CompanyHoliday): string {
  switch (holiday.kind) {
    case "annual":
      return `annual:${holiday.monthDay}`;
    case "once":
      return `once:${holiday.date}`;
    case "range":
      return `range:${holiday.firstDay}:${holiday.lastDay}`;
  }
}

/** The company's list: each day once, each name once per language. */
export const companyHolidaysSchema = z
  .array(companyHolidaySchema)
  .max(companyHolidaysMax)
  .superRefine((holidays, context) => {
    const days = new Set<string>();
    const namesJa = new Set<string>();
    const namesEn = new Set<string>();
    holidays.forEach((holiday, index) => {
      const key = dayKey(holiday);
      if (days.has(key)) context.addIssue({ code: "custom", message: "duplicateHoliday", path: [index] });
      days.add(key);
      if (namesJa.has(holiday.nameJa)) context.addIssue({ code: "custom", message: "duplicateHolidayName", path: [index, "nameJa"] });
      namesJa.add(holiday.nameJa);
      if (namesEn.has(holiday.nameEn)) context.addIssue({ code: "custom", message: "duplicateHolidayName", path: [index, "nameEn"] });
      namesEn.add(holiday.nameEn);
    });
  });

/** True when the company is closed on `isoDate` (YYYY-MM-DD). */
export function isCompanyHoliday(isoDate: string, holidays: readonly CompanyHoliday[]): boolean {
  const day = isoDate.slice(5);
  return holidays.some((holiday) => {
    switch (holiday.kind) {
      case "annual":
        return holiday.monthDay === day;
      case "once":
        return holiday.date === isoDate;
      case "range":
        return holiday.firstDay <= holiday.lastDay ? day >= holiday.firstDay && day <= holiday.lastDay : day >= holiday.firstDay || day <= holiday.lastDay;
    }
  });
}
