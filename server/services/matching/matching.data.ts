import { and, asc, eq, inArray, ne, or } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import {
  careerPaths,
  opportunities,
  opportunitySkills,
  people,
  personSkills,
  roleLevels,
  roles,
  skillAdjacency,
  skills,
  willDesiredSkills,
  wills,
  willTargetRoles,
} from "@/db/schema";
import { buildAdjacency, buildRoleSteps } from "./matching.score";
import type { CandidateProfile, MatchContext, OpportunityProfile } from "./matching.types";
import { buildAliasIndex, termsOf } from "./text-terms";
import { yearsBetween } from "../people/people.queries";

/** The taxonomy and career map as the scorer needs them. */
export async function loadMatchContext(db: Executor): Promise<MatchContext> {
  const [skillRows, pairs, paths, roleRows] = await Promise.all([
    db.select({ id: skills.id, nameJa: skills.nameJa, nameEn: skills.nameEn, aliases: skills.aliases }).from(skills).orderBy(asc(skills.id)),
    db.select({ skillA: skillAdjacency.skillA, skillB: skillAdjacency.skillB, weight: skillAdjacency.weight }).from(skillAdjacency),
    db.select({ fromRoleId: careerPaths.fromRoleId, toRoleId: careerPaths.toRoleId }).from(careerPaths).orderBy(asc(careerPaths.id)),
    db.select({ id: roles.id, ja: roles.nameJa, en: roles.nameEn }).from(roles),
  ]);
  return {
    adjacency: buildAdjacency(pairs),
    roleSteps: buildRoleSteps(paths),
    skillNames: new Map(skillRows.map((skill) => [skill.id, { ja: skill.nameJa, en: skill.nameEn }])),
    roleNames: new Map(roleRows.map((role) => [role.id, { ja: role.ja, en: role.en }])),
    aliasIndex: buildAliasIndex(skillRows),
  };
}

/**
 * Who consents to be a suggested candidate, over `people` left-joined to `wills`: open to scouting,
 * or open to move per a Will shared with matching. Checked when scores are computed and again when
 * they are served, so a withdrawal counts at once.
 */
export const candidateConsent = and(
  or(eq(people.openToScouting, true), and(eq(wills.shareWithMatching, true), ne(wills.openness, "not_now"))),
  // Someone who hides their skills from the directory is evaluated on them only after opting in to scouting.
  or(eq(people.showSkillsInDirectory, true), eq(people.openToScouting, true)),
)!;

type Scope = {
  /** Only these people (an incremental refresh). */
  personIds?: number[];
  /**
   * "candidates": consent applies — people open to move (per a Will shared with matching) or open
   * to scouting, and a Will only when shared with matching. "self": the person's whole Will.
   */
  purpose: "candidates" | "self";
};

/**
 * Candidate profiles with consent applied in the query. No name, gender, age or birth date is
 * selected: the scorer cannot use what it is never given.
 */
export async function loadCandidateProfiles(db: Executor, context: MatchContext, scope: Scope, now = new Date()): Promise<CandidateProfile[]> {
  const consent = scope.purpose === "candidates" ? candidateConsent : undefined;
  const rows = await db
    .select({
      personId: people.id,
      roleId: people.roleId,
      level: people.level,
      levelSince: people.levelSince,
      standardYears: roleLevels.standardYears,
      willShared: wills.shareWithMatching,
      statement: wills.statement,
    })
    .from(people)
    .leftJoin(roleLevels, and(eq(roleLevels.roleId, people.roleId), eq(roleLevels.level, people.level)))
    .leftJoin(wills, eq(wills.personId, people.id))
    .where(and(eq(people.active, true), scope.personIds ? inArray(people.id, scope.personIds) : undefined, consent))
    .orderBy(asc(people.id));
  if (rows.length === 0) return [];
  const ids = scope.personIds ? rows.map((row) => row.personId) : undefined;
  const inScope = (column: AnyPgColumn) => (ids ? inArray(column, ids) : undefined);
  const [skillRows, targetRows, desiredRows] = await Promise.all([
    db.select({ personId: personSkills.personId, skillId: personSkills.skillId, level: personSkills.level }).from(personSkills).where(inScope(personSkills.personId)),
    db.select({ personId: willTargetRoles.personId, roleId: willTargetRoles.roleId }).from(willTargetRoles).where(inScope(willTargetRoles.personId)),
    db.select({ personId: willDesiredSkills.personId, skillId: willDesiredSkills.skillId }).from(willDesiredSkills).where(inScope(willDesiredSkills.personId)),
  ]);
  const skillMaps = new Map<number, Map<number, number>>();
  for (const row of skillRows) {
    let map = skillMaps.get(row.personId);
    if (!map) skillMaps.set(row.personId, (map = new Map()));
    map.set(row.skillId, row.level);
  }
  const group = <T extends { personId: number }, V>(list: T[], value: (item: T) => V) => {
    const grouped = new Map<number, V[]>();
    for (const item of list) grouped.set(item.personId, [...(grouped.get(item.personId) ?? []), value(item)]);
    return grouped;
  };
  const targets = group(targetRows, (row) => row.roleId);
  const desired = group(desiredRows, (row) => row.skillId);
  return rows.map((row) => {
    const willUsable = row.statement !== null && (scope.purpose === "self" || row.willShared === true);
    return {
      personId: row.personId,
      roleId: row.roleId,
      level: row.level,
      yearsAtLevel: yearsBetween(row.levelSince, now),
      standardYears: row.standardYears,
      skills: skillMaps.get(row.personId) ?? new Map(),
      will: willUsable
        ? {
            targetRoleIds: (targets.get(row.personId) ?? []).sort((a, b) => a - b),
            desiredSkillIds: (desired.get(row.personId) ?? []).sort((a, b) => a - b),
            terms: termsOf(row.statement ?? "", context.aliasIndex),
          }
        : null,
    };
  });
}

export type OpenOpportunity = OpportunityProfile & { ownerId: number };

/** Open postings as the scorer needs them (all, or these ids). */
export async function loadOpenOpportunities(db: Executor, context: MatchContext, ids?: number[]): Promise<OpenOpportunity[]> {
  const rows = await db
    .select({ id: opportunities.id, roleId: opportunities.roleId, ownerId: opportunities.ownerId, title: opportunities.title, description: opportunities.description })
    .from(opportunities)
    .where(and(eq(opportunities.status, "open"), ids ? inArray(opportunities.id, ids) : undefined))
    .orderBy(asc(opportunities.id));
  if (rows.length === 0) return [];
  const skillRows = await db
    .select({ opportunityId: opportunitySkills.opportunityId, skillId: opportunitySkills.skillId, kind: opportunitySkills.kind, level: opportunitySkills.level })
    .from(opportunitySkills)
    .where(inArray(opportunitySkills.opportunityId, rows.map((row) => row.id)))
    .orderBy(asc(opportunitySkills.skillId));
  return rows.map((row) => {
    const own = skillRows.filter((skill) => skill.opportunityId === row.id);
    const of = (kind: "required" | "preferred" | "grows") => own.filter((skill) => skill.kind === kind).map(({ skillId, level }) => ({ skillId, level }));
    return {
      opportunityId: row.id,
      ownerId: row.ownerId,
      roleId: row.roleId,
      required: of("required"),
      preferred: of("preferred"),
      grows: of("grows"),
      terms: termsOf(`${row.title} ${row.description}`, context.aliasIndex),
    };
  });
}

