import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";

/**
 * Everyone below the given managers at any depth, as (root, person) pairs. `union` (not `union
 * all`) stops at a pair already seen, so even a cycle in bad data ends.
 */
function below(rootIds: SQL): SQL {
  return sql`with recursive below(root_id, id) as (
    select manager_id, id from people where manager_id in (${rootIds})
    union
    select below.root_id, people.id from people join below on people.manager_id = below.id
  ) select root_id, id from below`;
}

const idList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** A subquery of the ids of everyone below these managers: for `not in` filters. */
export function peopleBelow(managerIds: readonly number[]): SQL {
  return sql`(select id from (${below(idList(managerIds))}) as chain)`;
}

/** For each manager, everyone below them at any depth. */
export async function peopleBelowEach(db: Executor, managerIds: readonly number[]): Promise<Map<number, Set<number>>> {
  const chains = new Map<number, Set<number>>(managerIds.map((id) => [id, new Set()]));
  if (managerIds.length === 0) return chains;
  const rows = await queryRows<{ root_id: number | string; id: number | string }>(db, below(idList(managerIds)));
  for (const row of rows) chains.get(Number(row.root_id))?.add(Number(row.id));
  return chains;
}
