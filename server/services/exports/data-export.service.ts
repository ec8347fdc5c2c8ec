import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { departments, people, personSkills, roles, skills, willDesiredSkills, wills, willTargetRoles } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canExportCompanyData, canExportWillsSharedWithHr } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import type { PeopleExport, SkillsExport, WillsExport } from "./data-export.schemas";

/**
 * The company-wide exports for other HR systems (admin only): everyone, active or not, keyed by
 * employee number; each person's skills; and Wills exactly as far as their authors shared them
 * with HR (a Will not shared with HR is never exported, whatever else it is shared with), for an
 * admin who is also HR staff.
 */

function assertMayExport(actor: Actor, allowed = canExportCompanyData(actor)) {
  if (!allowed) throw new AppError("FORBIDDEN");
}

const personColumns = {
  employeeNumber: people.employeeNumber,
  familyName: people.familyName,
  givenName: people.givenName,
  romanizedName: people.romanizedName,
};

export async function exportPeople(db: Database, actor: Actor): Promise<PeopleExport> {
  assertMayExport(actor);
  const manager = alias(people, "manager");
  const rows = await db
    .select({
      ...personColumns,
      familyNameKana: people.familyNameKana,
      givenNameKana: people.givenNameKana,
      email: people.email,
      departmentJa: departments.nameJa,
      departmentEn: departments.nameEn,
      roleJa: roles.nameJa,
      roleEn: roles.nameEn,
      level: people.level,
      managerEmployeeNumber: manager.employeeNumber,
      hiredOn: people.hiredOn,
      isHr: people.isHr,
      isAdmin: people.isAdmin,
      active: people.active,
      leftOn: people.leftOn,
    })
    .from(people)
    .innerJoin(departments, eq(departments.id, people.departmentId))
    .innerJoin(roles, eq(roles.id, people.roleId))
    .leftJoin(manager, eq(manager.id, people.managerId))
    .orderBy(asc(people.employeeNumber));
  return rows.map(({ departmentJa, departmentEn, roleJa, roleEn, ...row }) => ({
    ...row,
    department: { ja: departmentJa, en: departmentEn },
    role: { ja: roleJa, en: roleEn },
  }));
}

export async function exportSkills(db: Database, actor: Actor): Promise<SkillsExport> {
  assertMayExport(actor);
  const verifier = alias(people, "verifier");
  const rows = await db
    .select({
      ...personColumns,
      skillJa: skills.nameJa,
      skillEn: skills.nameEn,
      level: personSkills.level,
      evidence: personSkills.evidence,
      verifiedByEmployeeNumber: verifier.employeeNumber,
      verifiedAt: personSkills.verifiedAt,
    })
    .from(personSkills)
    .innerJoin(people, eq(people.id, personSkills.personId))
    .innerJoin(skills, eq(skills.id, personSkills.skillId))
    .leftJoin(verifier, eq(verifier.id, personSkills.verifiedById))
    .orderBy(asc(people.employeeNumber), asc(skills.id));
  return rows.map(({ skillJa, skillEn, ...row }) => ({ ...row, skill: { ja: skillJa, en: skillEn } }));
}

export async function exportWillsSharedWithHr(db: Database, actor: Actor): Promise<WillsExport> {
  assertMayExport(actor, canExportWillsSharedWithHr(actor));
  const rows = await db
    .select({
      personId: wills.personId,
      ...personColumns,
      statement: wills.statement,
      horizon: wills.horizon,
      openness: wills.openness,
      updatedAt: wills.updatedAt,
    })
    .from(wills)
    .innerJoin(people, eq(people.id, wills.personId))
    .where(eq(wills.shareWithHr, true))
    .orderBy(asc(people.employeeNumber));
  // Every Will's roles and skills in two queries, grouped here: no query per person.
  const [targets, desired] = await Promise.all([
    db
      .select({ personId: willTargetRoles.personId, ja: roles.nameJa, en: roles.nameEn })
      .from(willTargetRoles)
      .innerJoin(wills, and(eq(wills.personId, willTargetRoles.personId), eq(wills.shareWithHr, true)))
      .innerJoin(roles, eq(roles.id, willTargetRoles.roleId))
      .orderBy(asc(roles.id)),
    db
      .select({ personId: willDesiredSkills.personId, ja: skills.nameJa, en: skills.nameEn })
      .from(willDesiredSkills)
      .innerJoin(wills, and(eq(wills.personId, willDesiredSkills.personId), eq(wills.shareWithHr, true)))
      .innerJoin(skills, eq(skills.id, willDesiredSkills.skillId))
      .orderBy(asc(skills.id)),
  ]);
  const group = (list: { personId: number; ja: string; en: string }[]) => {
    const byPerson = new Map<number, { ja: string; en: string }[]>();
    for (const { personId, ja, en } of list) byPerson.set(personId, [...(byPerson.get(personId) ?? []), { ja, en }]);
    return byPerson;
  };
  const targetsOf = group(targets);
  const desiredOf = group(desired);
  return rows.map(({ personId, ...row }) => ({ ...row, targetRoles: targetsOf.get(personId) ?? [], desiredSkills: desiredOf.get(personId) ?? [] }));
}
