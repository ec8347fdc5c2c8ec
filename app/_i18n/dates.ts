/** The company's calendar is Japan's: date-only values (発令日, start dates) are Japanese days. */
const JAPAN_OFFSET_MS = 9 * 3_600_000;

/** A date-only ISO string ("2026-12-01") as the instant that day starts in Japan, for formatting. */
export function japanDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+09:00`);
}

/** Today's date in Japan as an ISO string, for date inputs' `min`. */
export function japanToday(now: Date = new Date()): string {
  return new Date(now.getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);
}
