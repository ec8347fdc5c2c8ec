import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { isHrStaff } from "@/server/auth/policies";

const nobody: ReadonlySet<number> = new Set();

/**
 * Which of these people are below the actor in the org chart, at any depth. Loaded for HR staff
 * only: theirs are the paths that reach other people's applications, which stay closed to the
 * applicant's managers (`hiddenFromManagers`, `relationsOf`). Walks up from the given people — a
 * few steps each — rather than down from the actor, whose whole organisation may be the company.
 */
export async function managedByActor(db: Executor, actor: Actor, personIds: readonly number[]): Promise<ReadonlySet<number>> {
  if (!isHrStaff(actor) || personIds.length === 0) return nobody;
  const ids = sql.join([...new Set(personIds)].map((id) => sql`${id}`), sql`, `);
  const rows = await queryRows<{ person_id: number | string }>(
    db,
    // `union` stops at a pair already seen, so even a loop in bad data ends.
    sql`with recursive above(person_id, manager_id) as (
      select id, manager_id from people where id in (${ids})
      union
      select above.person_id, people.manager_id from above join people on people.id = above.manager_id
    )
    select distinct person_id from above where manager_id = ${actor.personId}`,
  );
  return new Set(rows.map((row) => Number(row.person_id)));
}
