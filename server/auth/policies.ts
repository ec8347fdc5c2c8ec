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

/** The skill taxonomy (skills, categories, adjacency, merging, retiring) is an administrator's. */
export function canEditTaxonomy(actor: Actor): boolean {
  return isAdministrator(actor);
}

/** So is the career map: job families, roles, their levels and the paths between them. */
export function canEditCareerMap(actor: Actor): boolean {
  return isAdministrator(actor);
}

/** Company-wide exports (people, their skills) feed other HR systems: an admin task. */
export function canExportCompanyData(actor: Actor): boolean {
  return isAdministrator(actor);
}

/**
 * The people-and-organisation administration (creating and editing people, posts, access, the
 * department tree, concurrent posts) is for administrators only: it grants HR and admin rights,
 * and HR would otherwise be able to make themselves administrators.
 */
export function canAdministerOrganisation(actor: Actor): boolean {
  return isAdministrator(actor);
}

/**
 * SCIM tokens let an identity provider create, change and deactivate people as the administrator
 * who made the token: administrators only, like the organisation administration they stand in for.
 */
export function canManageScimTokens(actor: Actor): boolean {
  return isAdministrator(actor);
}

/** An administrator may not take their own admin right away or deactivate themself: nobody might be left to undo it. */
export function canChangeOwnAccess(actor: Actor, personId: number, change: { isAdmin: boolean } | "deactivate"): boolean {
  if (actor.personId !== personId) return true;
  return change !== "deactivate" && change.isAdmin;
}

/**
 * The export of Wills shared with HR: an admin task that reads Wills, so only for an admin who is
 * also HR staff — a Will shared with HR is for HR (canReadWill), never for admins as such.
 */
export function canExportWillsSharedWithHr(actor: Actor): boolean {
  return canExportCompanyData(actor) && isHrStaff(actor);
}

/** HR owns the workflow settings (deadlines, confidentiality policy, thresholds). */
export function canManageSettings(actor: Actor): boolean {
  return isHrStaff(actor);
}

/** Revoking someone else's sessions (a lost laptop, a leaver) is an admin task. */
export function canRevokeSessionsOf(actor: Actor, person: PersonRelation): boolean {
  return isSelf(actor, person) || isAdministrator(actor);
}

/** The facts about a person that skill-visibility policies need. */
export type SkillOwner = PersonRelation & { showSkillsInDirectory: boolean };

/**
 * Skills are part of the directory unless the person turns that off; then only they, their
 * manager and HR see them.
 */
export function canViewSkills(actor: Actor, person: SkillOwner): boolean {
  return person.showSkillsInDirectory || isSelf(actor, person) || isDirectManagerOf(actor, person) || isHrStaff(actor);
}

/** Only the direct manager verifies or corrects a report's skill levels. */
export function canVerifySkillsOf(actor: Actor, person: PersonRelation): boolean {
  return isDirectManagerOf(actor, person);
}

/** Who a Will is shared with; nobody but its owner when every flag is off (the default). */
export type WillAudience = { shareWithManager: boolean; shareWithHr: boolean; shareWithMatching: boolean };

/** How the reader relates to the Will's owner beyond the org chart. */
export type WillReaderRelation = {
  /** The reader hires for a posting the owner engages with: a live application or an accepted scout invitation. */
  hiresForOwner: boolean;
};

/**
 * Who may read a Will. Its owner always; the direct manager, HR, or a hiring manager of an
 * opportunity the owner is a candidate for — each only when the owner shared it with them.
 * Skip-level managers, colleagues and admins never do.
 */
export function canReadWill(actor: Actor, owner: PersonRelation, will: WillAudience, relation: WillReaderRelation): boolean {
  if (isSelf(actor, owner)) return true;
  if (will.shareWithManager && isDirectManagerOf(actor, owner)) return true;
  if (will.shareWithHr && isHrStaff(actor)) return true;
  return will.shareWithMatching && relation.hiresForOwner;
}

/** A Will's history (every saved version) is for its owner only. */
export function canReadWillHistory(actor: Actor, owner: PersonRelation): boolean {
  return isSelf(actor, owner);
}

/** The direct manager holds and records career conversations with a report. */
export function canHoldConversationWith(actor: Actor, person: PersonRelation): boolean {
  return isDirectManagerOf(actor, person);
}

/** The whole list of a person's conversations: the person and their current manager. */
export function canListConversationsOf(actor: Actor, person: PersonRelation): boolean {
  return isSelf(actor, person) || isDirectManagerOf(actor, person);
}

/** The shared part of a conversation: the report, the manager who held it, the current manager. */
export function canReadConversation(actor: Actor, person: PersonRelation, conversation: { managerId: number }): boolean {
  return isSelf(actor, person) || actor.personId === conversation.managerId || isDirectManagerOf(actor, person);
}

/** A manager's private notes: their author only — never the report, never another manager. */
export function canReadPrivateNotes(actor: Actor, note: { authorId: number }): boolean {
  return actor.personId === note.authorId;
}

/** Managers post for their own department; HR for any. */
export function canPostOpportunityFor(actor: Actor, departmentId: number): boolean {
  return isHrStaff(actor) || (actor.isManager && actor.departmentId === departmentId);
}

/** The facts about a posting that opportunity policies need. */
export type OpportunityFacts = { ownerId: number; status: "draft" | "open" | "closed" | "filled" };

/** The hiring manager who owns it, or HR. */
export function canManageOpportunity(actor: Actor, opportunity: OpportunityFacts): boolean {
  return isHrStaff(actor) || actor.personId === opportunity.ownerId;
}

/** A draft is seen only by those who manage it; a published posting by everyone signed in. */
export function canSeeOpportunity(actor: Actor, opportunity: OpportunityFacts): boolean {
  return opportunity.status !== "draft" || canManageOpportunity(actor, opportunity);
}

/**
 * How far a person sees the HR mobility reports: HR the whole company; a manager (anyone with an
 * active direct report) their own organisation, i.e. their department and its sub-departments;
 * anyone else none (null).
 */
export function reportScopeOf(actor: Actor): "company" | "organisation" | null {
  if (isHrStaff(actor)) return "company";
  if (actor.isManager) return "organisation";
  return null;
}

/**
 * The audit trail's entity types that belong to the mobility workflow: applications (with their
 * approval steps, decisions, reads by HR and the move on the effective date, all recorded on the
 * application) and postings. HR reads these; the rest (people, settings, sessions, jobs) is for admins.
 */
export const workflowAuditEntityTypes = ["application", "opportunity"] as const;

/**
 * How much of the audit trail a person reads: admins all of it, HR the workflow's part, anyone else
 * none (null). Either way an application not yet disclosed stays hidden from the applicant's managers.
 */
export function auditScopeOf(actor: Actor): "all" | "workflow" | null {
  if (isAdministrator(actor)) return "all";
  if (isHrStaff(actor)) return "workflow";
  return null;
}

/** Importing people and departments from an HR system's CSV or Excel export: it creates, moves and deactivates people, so administrators only. */
export function canImportPeople(actor: Actor): boolean {
  return isAdministrator(actor);
}
