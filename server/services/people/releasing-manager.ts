import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";

/** Longer chains than this are bad data (a loop through deactivated people); the walk stops there. */
const MAX_CHAIN = 50;

/**
 * The manager who releases this person, read from the organisation now: their manager, or — when
 * that manager is deactivated — the next active one up the chain; null when there is none. Never
 * the person themself, even where bad data loops the chain back to them.
 */
export async function resolveReleasingManager(db: Executor, personId: number): Promise<number | null> {
  const [row] = await queryRows<{ id: number | string }>(
    db,
    sql`with recursive chain(id, active, depth) as (
      select manager.id, manager.active, 1
        from people as person join people as manager on manager.id = person.manager_id
        where person.id = ${personId}
      union all
      select manager.id, manager.active, chain.depth + 1
        from chain
        join people as skipped on skipped.id = chain.id
        join people as manager on manager.id = skipped.manager_id
        where not chain.active and chain.depth < ${MAX_CHAIN}
    )
    select id from chain where active and id <> ${personId} order by depth limit 1`,
  );
  return row ? Number(row.id) : null;
}
