import type { Actor } from "@/server/auth/actor";
import { isHrStaff } from "@/server/auth/policies";
import type { ActorRelation } from "../workflow/transitions";

/**
 * How the actor relates to an application; one person may hold several relations. The current
 * manager counts only once the application is disclosed to them.
 */
export function relationsOf(
  actor: Actor,
  application: { personId: number; currentManagerId: number | null; disclosedAt: Date | null; hiringManagerId: number },
): Set<ActorRelation> {
  const relations = new Set<ActorRelation>();
  if (application.personId === actor.personId) relations.add("applicant");
  if (application.currentManagerId === actor.personId && application.disclosedAt) relations.add("current_manager");
  if (application.hiringManagerId === actor.personId) relations.add("hiring_manager");
  if (isHrStaff(actor)) relations.add("hr");
  return relations;
}
