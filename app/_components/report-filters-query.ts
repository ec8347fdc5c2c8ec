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

/**
 * The filters a report URL carries (`?from=2025-04&to=2026-03&department=12&family=3`), each one
 * falling back to the default when missing or malformed; a reversed period is put in order.
 */
export function filtersFromSearch(search: Search, defaults: ReportFilters): ReportFilters {
  const fromValue = single(search, "from");
  const toValue = single(search, "to");
  const from = fromValue && monthPattern.test(fromValue) ? fromValue : defaults.from;
  const to = toValue && monthPattern.test(toValue) ? toValue : defaults.to;
  return {
    from: from <= to ? from : to,
    to: from <= to ? to : from,
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
