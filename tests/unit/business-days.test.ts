import { describe, expect, it } from "vitest";
import { businessDeadline, isBusinessDay, japanDate } from "../../server/services/workflow/business-days";
import { type CompanyHoliday, companyHolidaysSchema } from "../../server/services/settings/company-holidays";

const names = { nameJa: "休業日", nameEn: "Closed" };
const founding: CompanyHoliday = { kind: "annual", monthDay: "12-01", nameJa: "創立記念日", nameEn: "Founding day" };
const yearEnd: CompanyHoliday = { kind: "range", firstDay: "12-29", lastDay: "01-03", nameJa: "年末年始休業", nameEn: "Year-end closure" };

describe("business days (Japan)", () => {
  it("skips weekends and public holidays", () => {
    expect(isBusinessDay("2026-11-27")).toBe(true); // Friday
    expect(isBusinessDay("2026-11-28")).toBe(false); // Saturday
    expect(isBusinessDay("2026-11-23")).toBe(false); // 勤労感謝の日
    expect(isBusinessDay("2026-05-06")).toBe(false); // 振替休日
    expect(isBusinessDay("2026-12-01")).toBe(true); // Tuesday
    expect(isBusinessDay("2026-12-01", [founding])).toBe(false); // the company's founding day, every year
    expect(isBusinessDay("2027-12-01", [founding])).toBe(false);
  });

  it("counts deadlines in Japanese business days, ending at midnight in Japan", () => {
    // Friday 2026-11-20 10:00 JST + 1 business day → Tuesday 11-24 (Monday 11-23 is a holiday).
    const due = businessDeadline(new Date("2026-11-20T01:00:00Z"), 1);
    expect(japanDate(due)).toBe("2026-11-24");
    expect(due.toISOString()).toBe("2026-11-24T14:59:59.999Z");
    // Ten business days over Golden Week.
    // 4/29 and 5/3–5/6 are holidays: 4/30, 5/1, 5/7, 5/8, 5/11–15, 5/18.
    expect(japanDate(businessDeadline(new Date("2026-04-28T00:00:00Z"), 10))).toBe("2026-05-18");
  });

  it("uses the Japanese date of the moment, not UTC's", () => {
    // 2026-11-26 23:30 JST is still 11-26 in UTC terms 14:30; 00:30 JST on the 27th is the 26th in UTC.
    expect(japanDate(new Date("2026-11-26T15:30:00Z"))).toBe("2026-11-27");
  });

  it("moves a release deadline by one business day for a company holiday", () => {
    // Monday 2026-11-30 10:00 JST + 1 business day: Tuesday 12-01, or Wednesday 12-02 when 12-01 is the founding day.
    const opened = new Date("2026-11-30T01:00:00Z");
    expect(japanDate(businessDeadline(opened, 1))).toBe("2026-12-01");
    expect(japanDate(businessDeadline(opened, 1, [founding]))).toBe("2026-12-02");
    // A one-off closure counts in its year only.
    const once: CompanyHoliday = { kind: "once", date: "2026-12-01", ...names };
    expect(japanDate(businessDeadline(opened, 1, [once]))).toBe("2026-12-02");
    expect(japanDate(businessDeadline(new Date("2027-11-30T01:00:00Z"), 1, [once]))).toBe("2027-12-01");
  });

  it("skips a year-end closure that crosses 1 January", () => {
    // Monday 2026-12-28 + 2 business days: without the closure 12-30 (12-29 and 12-30 are weekdays)…
    const opened = new Date("2026-12-28T01:00:00Z");
    expect(japanDate(businessDeadline(opened, 2))).toBe("2026-12-30");
    // …with 12/29–1/3 closed, 1-1 a public holiday and 1-2, 1-3 a weekend anyway: Monday 1-4 and Tuesday 1-5.
    expect(japanDate(businessDeadline(opened, 2, [yearEnd]))).toBe("2027-01-05");
    expect(isBusinessDay("2026-12-31", [yearEnd])).toBe(false);
    expect(isBusinessDay("2027-01-04", [yearEnd])).toBe(true);
    expect(isBusinessDay("2027-12-28", [yearEnd])).toBe(true);
  });
});

describe("company holidays (validation)", () => {
  const issues = (value: unknown) => {
    const parsed = companyHolidaysSchema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  };

  it("accepts each kind, a closure over New Year and 29 February", () => {
    expect(issues([founding, yearEnd, { kind: "once", date: "2027-05-06", ...names }, { kind: "annual", monthDay: "02-29", nameJa: "閏日", nameEn: "Leap day" }])).toEqual([]);
  });

  it("refuses days that do not exist, empty names, duplicates and closures typed the wrong way round", () => {
    expect(issues([{ kind: "annual", monthDay: "02-30", ...names }])).toEqual([["0.monthDay", "invalidMonthDay"]]);
    expect(issues([{ kind: "once", date: "2027-02-29", ...names }])).toEqual([["0.date", "invalidDate"]]);
    expect(issues([{ kind: "annual", monthDay: "12-01", nameJa: "  ", nameEn: "Founding day" }])[0]?.[0]).toBe("0.nameJa");
    expect(issues([founding, { ...founding, nameJa: "別名", nameEn: "Other" }])).toEqual([["1", "duplicateHoliday"]]);
    expect(issues([founding, { kind: "once", date: "2027-01-04", nameJa: "創立記念日", nameEn: "Office move" }])).toEqual([["1.nameJa", "duplicateHolidayName"]]);
    // 1/3–12/29 would close the company for most of the year.
    expect(issues([{ ...yearEnd, firstDay: "01-03", lastDay: "12-29" }])).toEqual([["0.lastDay", "closureTooLong"]]);
  });
});
