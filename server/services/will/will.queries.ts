import { asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import { people, roles, skills, willDesiredSkills, wills, willTargetRoles, willVersions } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canReadWill, canReadWillHistory, type WillReaderRelation } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import type { WillView } from "./will.schemas";

/** An empty, private Will: what everybody has until they write one. */
function emptyWill(personId: number): WillView {
  return {
    personId,
    statement: "",
    horizon: "one_year",
    openness: "not_now",
    shareWithManager: false,
    shareWithHr: false,
    shareWithMatching: false,
    targetRoles: [],
    desiredSkills: [],
    version: 0,
    updatedAt: null,
  };
}

/** Loads Wills with their target roles and desired skills, keyed by person. No access check: callers decide first. */
async function loadWills(db: Executor, personIds: number[]): Promise<Map<number, WillView>> {
  if (personIds.length === 0) return new Map();
  const [rows, targets, desired] = await Promise.all([
    db.select().from(wills).where(inArray(wills.personId, personIds)),
    db
      .select({ personId: willTargetRoles.personId, id: roles.id, slug: roles.slug, ja: roles.nameJa, en: roles.nameEn })
      .from(willTargetRoles)
      .innerJoin(roles, eq(roles.id, willTargetRoles.roleId))
      .where(inArray(willTargetRoles.personId, personIds))
      .orderBy(asc(roles.id)),
    db
      .select({ personId: willDesiredSkills.personId, id: skills.id, ja: skills.nameJa, en: skills.nameEn })
      .from(willDesiredSkills)
      .innerJoin(skills, eq(skills.id, willDesiredSkills.skillId))
      .where(inArray(willDesiredSkills.personId, personIds))
      .orderBy(asc(skills.id)),
  ]);
  const views = new Map<number, WillView>();
  for (const row of rows) {
    views.set(row.personId, {
      personId: row.personId,
      statement: row.statement,
      horizon: row.horizon,
      openness: row.openness,
      shareWithManager: row.shareWithManager,
      shareWithHr: row.shareWithHr,
      shareWithMatching: row.shareWithMatching,
      targetRoles: targets.filter((t) => t.personId === row.personId).map((t) => ({ id: t.id, slug: t.slug, name: { ja: t.ja, en: t.en } })),
      desiredSkills: desired.filter((d) => d.personId === row.personId).map((d) => ({ id: d.id, name: { ja: d.ja, en: d.en } })),
      version: row.version,
      updatedAt: row.updatedAt,
    });
  }
  return views;
}

/** The actor's own Will (an empty private one until they save). */
export async function getOwnWill(db: Executor, actor: Actor): Promise<WillView> {
  const views = await loadWills(db, [actor.personId]);
  return views.get(actor.personId) ?? emptyWill(actor.personId);
}

/**
 * The Wills of these people that the actor may read (policies.canReadWill). The query loads only
 * Wills shared with some audience, then the policy decides per Will; unreadable ones are absent.
 */
export async function readableWills(
  db: Executor,
  actor: Actor,
  personIds: number[],
  relationOf: (personId: number) => WillReaderRelation = () => ({ hiresForOwner: false }),
): Promise<Map<number, WillView>> {
  if (personIds.length === 0) return new Map();
  const owners = await db.select({ id: people.id, managerId: people.managerId }).from(people).where(inArray(people.id, personIds));
  const views = await loadWills(db, personIds);
  const readable = new Map<number, WillView>();
  for (const owner of owners) {
    const will = views.get(owner.id);
    if (will && canReadWill(actor, owner, will, relationOf(owner.id))) readable.set(owner.id, will);
  }
  return readable;
}

/** Every saved version of the actor's own Will, newest first. Nobody else may read it. */
export async function getOwnWillHistory(db: Executor, actor: Actor) {
  if (!canReadWillHistory(actor, { id: actor.personId, managerId: actor.managerId })) throw new AppError("NOT_FOUND");
  return db
    .select({
      version: willVersions.version,
      statement: willVersions.statement,
      horizon: willVersions.horizon,
      openness: willVersions.openness,
      shareWithManager: willVersions.shareWithManager,
      shareWithHr: willVersions.shareWithHr,
      shareWithMatching: willVersions.shareWithMatching,
      targetRoleIds: willVersions.targetRoleIds,
      desiredSkillIds: willVersions.desiredSkillIds,
      savedAt: willVersions.savedAt,
    })
    .from(willVersions)
    .where(eq(willVersions.personId, actor.personId))
    .orderBy(desc(willVersions.version));
}

/**
 * (person, posting) pairs where the person engages with the posting: a live application, or a scout
 * invitation they accepted. Being merely suggested or invited does not count: suggestions are
 * anonymous until the person answers, and a decline or a withdrawal ends it.
 */
function engagements(opportunityIds: SQL): SQL {
  return sql`select person_id, opportunity_id from applications where status in ('active', 'finalized') and opportunity_id in (${opportunityIds})
    union select person_id, opportunity_id from scout_invites where status = 'accepted' and opportunity_id in (${opportunityIds})`;
}

/** A subquery of the ids of the people who engage with this posting (see `engagements`): for `in` filters. */
export function engagedPeople(opportunityId: number): SQL {
  return sql`(select person_id from (${engagements(sql`${opportunityId}`)}) as engaged)`;
}

/** The people who engage with this posting (see `engagements`). */
export async function engagedWith(db: Executor, opportunityId: number): Promise<Set<number>> {
  const rows = await queryRows<{ person_id: number | string }>(db, sql`select person_id from ${engagedPeople(opportunityId)} as engaged`);
  return new Set(rows.map((row) => Number(row.person_id)));
}

/** Whether the person engages with a posting the actor owns: only then may the actor read a Will shared with matching. */
export async function hiresFor(db: Executor, actor: Actor, personId: number): Promise<boolean> {
  const owned = sql`select id from opportunities where owner_id = ${actor.personId}`;
  const [row] = await queryRows<{ related: boolean }>(db, sql`select exists (select 1 from (${engagements(owned)}) as engaged where person_id = ${personId}) as related`);
  return row?.related === true;
}

/** Another person's Will as the actor may read it; null when there is none or it is not shared with them. */
export async function willOf(db: Executor, actor: Actor, personId: number): Promise<WillView | null> {
  if (personId === actor.personId) return getOwnWill(db, actor);
  const related = await hiresFor(db, actor, personId);
  const readable = await readableWills(db, actor, [personId], () => ({ hiresForOwner: related }));
  return readable.get(personId) ?? null;
}
