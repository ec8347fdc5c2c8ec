import type { Executor } from "@/db/client";
import type { Actor } from "@/server/auth/actor";
import { isHrStaff } from "@/server/auth/policies";
import { peopleBelowEach } from "../matching/management-chain";

const nobody: ReadonlySet<number> = new Set();

/**
 * Everyone below the actor in the org chart, at any depth. Loaded for HR staff only: theirs are
 * the paths that reach other people's applications, which must stay closed to the applicant's
 * managers until disclosure (`hiddenFromManagers`).
 */
export async function managedByActor(db: Executor, actor: Actor): Promise<ReadonlySet<number>> {
  if (!isHrStaff(actor)) return nobody;
  return (await peopleBelowEach(db, [actor.personId])).get(actor.personId) ?? nobody;
}
