import holidayJp from "@holiday-jp/holiday_jp";
import { type CompanyHoliday, isCompanyHoliday } from "../settings/company-holidays";

const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** The calendar day in Japan (YYYY-MM-DD) of an instant. */
export function japanDate(instant: Date): string {
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Weekends, Japanese public holidays (振替休日 included) and the company's own holidays are not business days. */
export function isBusinessDay(isoDate: string, companyHolidays: readonly CompanyHoliday[] = []): boolean {
  const day = new Date(`${isoDate}T00:00:00Z`);
  const weekday = day.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidayJp.isHoliday(day) && !isCompanyHoliday(isoDate, companyHolidays);
}

/**
 * The deadline `businessDays` business days after `from`: the end of that day in Japan. A step
 * opened on Friday evening with 1 business day is due at the end of Monday (or Tuesday after a holiday,
 * public or the company's).
 */
export function businessDeadline(from: Date, businessDays: number, companyHolidays: readonly CompanyHoliday[] = []): Date {
  let day = japanDate(from);
  let counted = 0;
  while (counted < businessDays) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    if (isBusinessDay(day, companyHolidays)) counted++;
  }
  // 23:59:59.999 in Japan on that day.
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS - JST_OFFSET_MS - 1);
}
