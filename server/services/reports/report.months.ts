/** Whole-month arithmetic on "YYYY-MM" strings (the reports' periods). Pure. */

export function addMonths(month: string, delta: number): string {
  const [year, monthOfYear] = month.split("-").map(Number) as [number, number];
  const index = year * 12 + (monthOfYear - 1) + delta;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The first day of a month, "YYYY-MM-01". */
export const firstDay = (month: string) => `${month}-01`;

/** The last `count` whole months before the month of `today` ("YYYY-MM-DD"): the reports' default period. */
export function lastWholeMonths(today: string, count: number): { from: string; to: string } {
  const current = today.slice(0, 7);
  return { from: addMonths(current, -count), to: addMonths(current, -1) };
}
