import type { Actor } from "./actor";

/*
 * Pure access decisions. Services call these and also scope their queries by them, so data the
 * actor may not see is never loaded. Keep them small, total and free of I/O so they can be tested
 * exhaustively.
 */

/** The facts about a person that profile policies need. */
export type PersonRelation = { id: number; managerId: number | null };

export function isSelf(actor: Actor, person: PersonRelation): boolean {
  return actor.personId === person.id;
}

export function isDirectManagerOf(actor: Actor, person: PersonRelation): boolean {
  return person.managerId !== null && actor.personId === person.managerId;
}

/**
 * Restricted profile fields (employee number, career-map level, hire and role dates, evidence
 * notes) are for the person, their direct manager, HR and admins — not for colleagues.
 */
export function canViewRestrictedProfile(actor: Actor, person: PersonRelation): boolean {
  return isSelf(actor, person) || isDirectManagerOf(actor, person) || actor.isHr || actor.isAdmin;
}

/** HR staff: the HR tier of procedures. */
export function isHrStaff(actor: Actor): boolean {
  return actor.isHr;
}

/** Administrators: taxonomy, career map, people, sessions. */
export function isAdministrator(actor: Actor): boolean {
  return actor.isAdmin;
}

/** HR owns the workflow settings (deadlines, confidentiality policy, thresholds). */
export function canManageSettings(actor: Actor): boolean {
  return isHrStaff(actor);
}

/** Revoking someone else's sessions (a lost laptop, a leaver) is an admin task. */
export function canRevokeSessionsOf(actor: Actor, person: PersonRelation): boolean {
  return isSelf(actor, person) || isAdministrator(actor);
}
