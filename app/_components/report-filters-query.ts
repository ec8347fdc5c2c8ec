import type { ReportFilters } from "@/server/services/reports/report.schemas";

type Search = Record<string, string | string[] | undefined>;

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const idPattern = /^[1-9][0-9]{0,9}$/;

function single(search: Search, name: string): string | undefined {
  const value = search[name];
  return Array.isArray(value) ? value[0] : value;
}

/** An id from the URL: absent keeps the default, empty means "all", anything else that is not an id keeps the default. */
function idFrom(value: string | undefined, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  if (value === "") return null;
  return idPattern.test(value) ? Number(value) : fallback;
}

/** The month `count` months after `month` (before it when negative), both "YYYY-MM". */
function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/**
 * The filters a report URL carries (`?from=2025-04&to=2026-03&department=12&family=3`), each one
 * falling back to the default when missing or malformed; a reversed period is put in order, and one
 * longer than `maxMonths` keeps its last `maxMonths` months.
 */
export function filtersFromSearch(search: Search, defaults: ReportFilters, maxMonths = Number.POSITIVE_INFINITY): ReportFilters {
  const fromValue = single(search, "from");
  const toValue = single(search, "to");
  const from = fromValue && monthPattern.test(fromValue) ? fromValue : defaults.from;
  const to = toValue && monthPattern.test(toValue) ? toValue : defaults.to;
  const [first, last] = from <= to ? [from, to] : [to, from];
  const earliest = Number.isFinite(maxMonths) ? addMonths(last, -(maxMonths - 1)) : first;
  return {
    from: first < earliest ? earliest : first,
    to: last,
    departmentId: idFrom(single(search, "department"), defaults.departmentId),
    jobFamilyId: idFrom(single(search, "family"), defaults.jobFamilyId),
  };
}

/** The same filters as URL parameters, so a report's address can be bookmarked and shared. */
export function filtersQuery(filters: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  params.set("from", filters.from);
  params.set("to", filters.to);
  params.set("department", filters.departmentId === null ? "" : String(filters.departmentId));
  params.set("family", filters.jobFamilyId === null ? "" : String(filters.jobFamilyId));
  return params.toString();
}
