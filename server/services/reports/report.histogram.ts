/**
 * Medians and 90th percentiles of whole-day durations, from histograms (`count` cases took `days`
 * days), so a duration figure stays exact without loading one row per case.
 *
 * - median: the middle value of the sorted cases; for an even number of cases, the mean of the two
 *   middle values (so it may end in .5).
 * - p90: nearest rank: the value of the case at rank ⌈0.9 × n⌉ (1-based) in the sorted cases, so
 *   it is always a duration some case actually took.
 *
 * With no case both are 0 over a group of 0 (the cell says how many cases it summarises).
 */

export type DurationBucket = { days: number; count: number };

/** Sorted distinct durations with their case counts, empty buckets dropped. */
function sortedBuckets(buckets: readonly DurationBucket[]): DurationBucket[] {
  const byDays = new Map<number, number>();
  for (const bucket of buckets) if (bucket.count > 0) byDays.set(bucket.days, (byDays.get(bucket.days) ?? 0) + bucket.count);
  return [...byDays].sort(([a], [b]) => a - b).map(([days, count]) => ({ days, count }));
}

/** The duration of the case at 1-based `rank` in sorted order. */
function valueAtRank(sorted: readonly DurationBucket[], rank: number): number {
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (seen >= rank) return bucket.days;
  }
  return sorted.at(-1)?.days ?? 0;
}

export function caseCount(buckets: readonly DurationBucket[]): number {
  return buckets.reduce((sum, bucket) => sum + Math.max(bucket.count, 0), 0);
}

export function medianDays(buckets: readonly DurationBucket[]): number {
  const sorted = sortedBuckets(buckets);
  const cases = caseCount(sorted);
  if (cases === 0) return 0;
  if (cases % 2 === 1) return valueAtRank(sorted, (cases + 1) / 2);
  return (valueAtRank(sorted, cases / 2) + valueAtRank(sorted, cases / 2 + 1)) / 2;
}

export function p90Days(buckets: readonly DurationBucket[]): number {
  const sorted = sortedBuckets(buckets);
  const cases = caseCount(sorted);
  if (cases === 0) return 0;
  return valueAtRank(sorted, Math.ceil(0.9 * cases));
}

/** The median of plain values (the same definition as `medianDays`), 0 when there is none. */
export function medianOf(values: readonly number[]): number {
  return medianDays(values.map((days) => ({ days, count: 1 })));
}
