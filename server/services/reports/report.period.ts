/**
 * Months and quarters of a report period. Months are "YYYY-MM" strings, so they compare and sort
 * as text; arithmetic goes through a month index to cross year ends.
 */

function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + (Number(month.slice(5, 7)) - 1);
}

function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: string, count: number): string {
  return monthOfIndex(monthIndex(month) + count);
}

/** Every month from `from` to `to`, both included, in order. */
export function monthsOfPeriod(from: string, to: string): string[] {
  const months: string[] = [];
  for (let index = monthIndex(from); index <= monthIndex(to); index += 1) months.push(monthOfIndex(index));
  return months;
}

/** Calendar quarter of a month: "2025-04" → "2025-Q2" (January–March is Q1). */
export function quarterKey(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The period's months grouped by calendar quarter, in order; the first and last quarters hold only the months inside the period. */
export function quartersOfPeriod(from: string, to: string): { quarter: string; months: string[] }[] {
  const quarters: { quarter: string; months: string[] }[] = [];
  for (const month of monthsOfPeriod(from, to)) {
    const quarter = quarterKey(month);
    const last = quarters.at(-1);
    if (last?.quarter === quarter) last.months.push(month);
    else quarters.push({ quarter, months: [month] });
  }
  return quarters;
}
