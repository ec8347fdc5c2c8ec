/**
 * One pass over the atoms, whatever the number of rows: a large company has tens of thousands of
 * atoms, and each report is computed again for every neighbour filter that suppression compares.
 */

/** The atoms grouped by key; atoms whose key is undefined (outside every row) are left out. */
export function groupBy<T, K>(atoms: Iterable<T>, keyOf: (atom: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const atom of atoms) {
    const key = keyOf(atom);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(atom);
    else groups.set(key, [atom]);
  }
  return groups;
}

/** `value` summed per key; atoms whose key is undefined are left out. */
export function tally<T, K>(atoms: Iterable<T>, keyOf: (atom: T) => K | undefined, value: (atom: T) => number): Map<K, number> {
  const totals = new Map<K, number>();
  for (const atom of atoms) {
    const key = keyOf(atom);
    if (key !== undefined) totals.set(key, (totals.get(key) ?? 0) + value(atom));
  }
  return totals;
}

export function sum<T>(items: Iterable<T>, value: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += value(item);
  return total;
}
