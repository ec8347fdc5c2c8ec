import type { Actor } from "@/server/auth/actor";
import { isHrStaff } from "@/server/auth/policies";
import type { ActorRelation } from "../workflow/transitions";

/** The facts about an application that decide how a viewer relates to it. */
type ApplicationParties = { personId: number; currentManagerId: number | null; disclosedAt: Date | null; hiringManagerId: number };

/**
 * Until the policy discloses an application, the applicant's managers — the current one and anyone
 * above — learn nothing of it, whatever other role they hold: an HR person who manages the
 * applicant does not see it through HR's paths either. `managedByActor`: everyone below the actor.
 */
export function hiddenFromManagers(actor: Actor, application: ApplicationParties, managedByActor: ReadonlySet<number>): boolean {
  if (application.disclosedAt !== null || application.personId === actor.personId) return false;
  return application.currentManagerId === actor.personId || managedByActor.has(application.personId);
}

/**
 * How the actor relates to an application; one person may hold several relations. The current
 * manager counts only once the application is disclosed to them, and HR staff count as HR only
 * where they are not among the applicant's managers before disclosure.
 */
export function relationsOf(actor: Actor, application: ApplicationParties, managedByActor: ReadonlySet<number>): Set<ActorRelation> {
  const relations = new Set<ActorRelation>();
  if (application.personId === actor.personId) relations.add("applicant");
  if (application.currentManagerId === actor.personId && application.disclosedAt) relations.add("current_manager");
  if (application.hiringManagerId === actor.personId) relations.add("hiring_manager");
  if (isHrStaff(actor) && !hiddenFromManagers(actor, application, managedByActor)) relations.add("hr");
  return relations;
}
