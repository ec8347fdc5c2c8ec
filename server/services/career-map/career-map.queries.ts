import { and, asc, eq, inArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { careerPaths, jobFamilies, people, personSkills, roleLevelSkills, roleLevels, roles, skillCategories, skills, willTargetRoles } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { yearsBetween } from "../people/people.queries";
import { layoutCareerMap } from "./career-map.layout";
import type { CareerGap, CareerGapInput, CareerMap, CareerRole, ViewerPosition } from "./career-map.schemas";
import { careerGapInput, careerRoleInput } from "./career-map.schemas";
import { computeGap, defaultTargetLevel } from "./gap";
import { personRoleLevel, timeAtLevelColumns } from "../people/time-at-level.columns";

/*
 * Reads of the career map. The map itself is company reference data: every signed-in person may
 * read all of it. What is personal — position, Will targets, skills, the gap — is only ever the
 * actor's own: these functions take the actor and never a person id, so no caller can ask about
 * someone else.
 */

const bilingualOf = (ja: string, en: string) => ({ ja, en });

/**
 * The actor's own position on the map (role, level, years at level and that level's standard
 * years) and their own Will's target roles. A person always sees their own Will, so no
 * visibility rule applies; without a Will the list is empty.
 */
export async function getViewerPosition(db: Executor, actor: Actor, now = new Date()): Promise<ViewerPosition & { familyId: number }> {
  const [row] = await db
    .select({
      roleId: people.roleId,
      roleSlug: roles.slug,
      familyId: roles.familyId,
      ...timeAtLevelColumns,
    })
    .from(people)
    .innerJoin(roles, eq(roles.id, people.roleId))
    .leftJoin(roleLevels, personRoleLevel)
    .where(and(eq(people.id, actor.personId), eq(people.active, true)));
  // The actor was loaded as an active person on this request; gone by now reads as not found.
  if (!row) throw new AppError("NOT_FOUND");
  const targets = await db
    .select({ roleId: willTargetRoles.roleId })
    .from(willTargetRoles)
    .where(eq(willTargetRoles.personId, actor.personId))
    .orderBy(asc(willTargetRoles.roleId));
  return {
    roleId: row.roleId,
    roleSlug: row.roleSlug,
    familyId: row.familyId,
    level: row.level,
    yearsAtLevel: yearsBetween(row.levelSince, now),
    standardYears: row.standardYears ?? null,
    willTargetRoleIds: targets.map((target) => target.roleId),
  };
}

/**
 * The whole career map — job families, roles with track and family, paths with kind and notes —
 * laid out for the picture, with the actor's own position and Will targets marked. Retired roles
 * are left out, except the actor's own role and their Will's targets (marked retired): a role
 * still shows where it is held, but is not offered anew.
 */
export async function getCareerMap(db: Executor, actor: Actor, now = new Date()): Promise<CareerMap> {
  const [allFamilies, allRoles, allPaths, viewer] = await Promise.all([
    db.select().from(jobFamilies).orderBy(asc(jobFamilies.id)),
    db
      .select({ id: roles.id, slug: roles.slug, familyId: roles.familyId, track: roles.track, nameJa: roles.nameJa, nameEn: roles.nameEn, retiredAt: roles.retiredAt })
      .from(roles)
      .orderBy(asc(roles.id)),
    db.select().from(careerPaths).orderBy(asc(careerPaths.id)),
    getViewerPosition(db, actor, now),
  ]);
  const roleRows = allRoles.filter((role) => role.retiredAt === null || role.id === viewer.roleId || viewer.willTargetRoleIds.includes(role.id));
  const shown = new Set(roleRows.map((role) => role.id));
  const pathRows = allPaths.filter((path) => shown.has(path.fromRoleId) && shown.has(path.toRoleId));
  const familyRows = allFamilies.filter((family) => family.retiredAt === null || roleRows.some((role) => role.familyId === family.id));
  const layout = await layoutCareerMap({ families: familyRows, roles: roleRows, paths: pathRows });
  const { familyId: _familyId, ...position } = viewer;
  return {
    families: familyRows.map((family) => ({ id: family.id, slug: family.slug, name: bilingualOf(family.nameJa, family.nameEn) })),
    roles: roleRows.map((role) => ({
      id: role.id,
      slug: role.slug,
      familyId: role.familyId,
      track: role.track,
      name: bilingualOf(role.nameJa, role.nameEn),
      retired: role.retiredAt !== null,
    })),
    paths: pathRows.map((path) => ({
      id: path.id,
      fromRoleId: path.fromRoleId,
      toRoleId: path.toRoleId,
      kind: path.kind,
      note: bilingualOf(path.noteJa, path.noteEn),
    })),
    layout,
    viewer: position,
  };
}

/** Each expected skill of the given role levels, with names and category, in the taxonomy's order. */
async function expectedSkills(db: Executor, roleLevelIds: number[]) {
  if (roleLevelIds.length === 0) return [];
  return db
    .select({
      roleLevelId: roleLevelSkills.roleLevelId,
      skillId: skills.id,
      slug: skills.slug,
      level: roleLevelSkills.level,
      nameJa: skills.nameJa,
      nameEn: skills.nameEn,
      categoryJa: skillCategories.nameJa,
      categoryEn: skillCategories.nameEn,
    })
    .from(roleLevelSkills)
    .innerJoin(skills, eq(skills.id, roleLevelSkills.skillId))
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .where(inArray(roleLevelSkills.roleLevelId, roleLevelIds))
    .orderBy(asc(roleLevelSkills.roleLevelId), asc(skillCategories.sortOrder), asc(skills.id));
}

const otherRole = alias(roles, "other_role");
const otherFamily = alias(jobFamilies, "other_family");

/** One role of the map by slug: its levels 1–4 with what each expects, and the paths in and out. */
export async function getCareerRole(db: Executor, rawInput: { slug: string }): Promise<CareerRole> {
  const { slug } = careerRoleInput.parse(rawInput);
  const [role] = await db
    .select({ role: roles, family: jobFamilies })
    .from(roles)
    .innerJoin(jobFamilies, eq(jobFamilies.id, roles.familyId))
    .where(eq(roles.slug, slug));
  if (!role) throw new AppError("NOT_FOUND");

  const [levelRows, pathRows] = await Promise.all([
    db.select().from(roleLevels).where(eq(roleLevels.roleId, role.role.id)).orderBy(asc(roleLevels.level)),
    db
      .select({
        id: careerPaths.id,
        fromRoleId: careerPaths.fromRoleId,
        kind: careerPaths.kind,
        noteJa: careerPaths.noteJa,
        noteEn: careerPaths.noteEn,
        other: { id: otherRole.id, slug: otherRole.slug, nameJa: otherRole.nameJa, nameEn: otherRole.nameEn },
        family: { nameJa: otherFamily.nameJa, nameEn: otherFamily.nameEn },
      })
      .from(careerPaths)
      // The role at the other end of the path: the source of a path in, the target of a path out.
      .innerJoin(
        otherRole,
        or(
          and(eq(careerPaths.toRoleId, role.role.id), eq(otherRole.id, careerPaths.fromRoleId)),
          and(eq(careerPaths.fromRoleId, role.role.id), eq(otherRole.id, careerPaths.toRoleId)),
        ),
      )
      .innerJoin(otherFamily, eq(otherFamily.id, otherRole.familyId))
      .orderBy(asc(careerPaths.id)),
  ]);
  const skillRows = await expectedSkills(
    db,
    levelRows.map((row) => row.id),
  );

  const paths = pathRows.map((path) => ({
    direction: path.fromRoleId === role.role.id ? ("out" as const) : ("in" as const),
    id: path.id,
    kind: path.kind,
    note: bilingualOf(path.noteJa, path.noteEn),
    role: {
      id: path.other.id,
      slug: path.other.slug,
      name: bilingualOf(path.other.nameJa, path.other.nameEn),
      family: bilingualOf(path.family.nameJa, path.family.nameEn),
    },
  }));
  const withoutDirection = ({ direction: _direction, ...path }: (typeof paths)[number]) => path;
  return {
    id: role.role.id,
    slug: role.role.slug,
    name: bilingualOf(role.role.nameJa, role.role.nameEn),
    track: role.role.track,
    family: { id: role.family.id, slug: role.family.slug, name: bilingualOf(role.family.nameJa, role.family.nameEn) },
    description: bilingualOf(role.role.descriptionJa, role.role.descriptionEn),
    levels: levelRows.map((row) => ({
      level: row.level,
      standardYears: row.standardYears,
      keyExperiences: row.keyExperiences,
      qualifications: row.qualifications,
      skills: skillRows
        .filter((skill) => skill.roleLevelId === row.id)
        .map((skill) => ({
          skillId: skill.skillId,
          slug: skill.slug,
          level: skill.level,
          name: bilingualOf(skill.nameJa, skill.nameEn),
          category: bilingualOf(skill.categoryJa, skill.categoryEn),
        })),
    })),
    pathsIn: paths.filter((path) => path.direction === "in").map(withoutDirection),
    pathsOut: paths.filter((path) => path.direction === "out").map(withoutDirection),
  };
}

/**
 * The actor's own gap to a role: at the level asked for, or by the default rule (gap.ts). Skills,
 * position and years are the actor's — the input cannot name anyone else. An unknown role, or a
 * level the map does not define for it, reads as not found.
 */
export async function getCareerGap(db: Executor, actor: Actor, rawInput: CareerGapInput, now = new Date()): Promise<CareerGap> {
  const input = careerGapInput.parse(rawInput);
  const [target] = await db
    .select({ id: roles.id, slug: roles.slug, familyId: roles.familyId, nameJa: roles.nameJa, nameEn: roles.nameEn })
    .from(roles)
    .where(eq(roles.slug, input.roleSlug));
  if (!target) throw new AppError("NOT_FOUND");

  const viewer = await getViewerPosition(db, actor, now);
  const defaultLevel = defaultTargetLevel(viewer, { roleId: target.id, familyId: target.familyId });
  const level = input.level ?? defaultLevel;

  const [targetLevels, currentLevel, currentRole] = await Promise.all([
    db.select().from(roleLevels).where(eq(roleLevels.roleId, target.id)).orderBy(asc(roleLevels.level)),
    db
      .select({ keyExperiences: roleLevels.keyExperiences })
      .from(roleLevels)
      .where(and(eq(roleLevels.roleId, viewer.roleId), eq(roleLevels.level, viewer.level))),
    db.select({ id: roles.id, slug: roles.slug, nameJa: roles.nameJa, nameEn: roles.nameEn }).from(roles).where(eq(roles.id, viewer.roleId)),
  ]);
  const targetLevel = targetLevels.find((row) => row.level === level);
  if (!targetLevel) throw new AppError("NOT_FOUND");

  const required = await expectedSkills(db, [targetLevel.id]);
  const held =
    required.length === 0
      ? []
      : await db
          .select({ skillId: personSkills.skillId, level: personSkills.level })
          .from(personSkills)
          .where(
            and(
              eq(personSkills.personId, actor.personId),
              inArray(
                personSkills.skillId,
                required.map((skill) => skill.skillId),
              ),
            ),
          );

  const gap = computeGap({
    heldSkills: new Map(held.map((skill) => [skill.skillId, skill.level])),
    current: {
      roleId: viewer.roleId,
      level: viewer.level,
      yearsAtLevel: viewer.yearsAtLevel,
      standardYears: viewer.standardYears,
      keyExperiences: currentLevel[0]?.keyExperiences ?? [],
    },
    target: {
      roleId: target.id,
      level,
      skills: required.map((skill) => ({
        skillId: skill.skillId,
        level: skill.level,
        name: bilingualOf(skill.nameJa, skill.nameEn),
        category: bilingualOf(skill.categoryJa, skill.categoryEn),
      })),
      keyExperiences: targetLevel.keyExperiences,
      qualifications: targetLevel.qualifications,
    },
  });
  const ownRole = currentRole[0];
  if (!ownRole) throw new AppError("NOT_FOUND");
  return {
    target: {
      role: { id: target.id, slug: target.slug, name: bilingualOf(target.nameJa, target.nameEn) },
      level,
      defaultLevel,
      levels: targetLevels.map((row) => row.level),
      isWillTarget: viewer.willTargetRoleIds.includes(target.id),
    },
    current: { role: { id: ownRole.id, slug: ownRole.slug, name: bilingualOf(ownRole.nameJa, ownRole.nameEn) }, level: viewer.level },
    ...gap,
  };
}
