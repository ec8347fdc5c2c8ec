import { and, asc, count, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { departments, jobFamilies, memberships, people, personSkills, roleLevels, roles, skillCategories, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canViewRestrictedProfile, canViewSkills, isHrStaff } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import type { PersonCard, Profile, SearchPeopleInput } from "./people.schemas";
import { searchPeopleInput } from "./people.schemas";
import { personNameColumns, personNameMatches } from "./person-name.columns";
import { japanDate } from "../workflow/business-days";
import { asPost, currentMembership, membershipPostColumns } from "./current-membership";

const verifier = alias(people, "verifier");

const nameColumns = {
  ...personNameColumns,
  familyNameKana: people.familyNameKana,
  givenNameKana: people.givenNameKana,
  businessName: people.businessName,
};

/** Whole years (one decimal) between two ISO dates. */
export function yearsBetween(fromIso: string, to: Date): number {
  const days = (to.getTime() - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.floor((days / 365.25) * 10) / 10);
}

/**
 * A person's profile as the actor may see it: public fields for any signed-in colleague, the
 * restricted part only when the policy allows. An inactive or unknown person reads as not found.
 */
export async function getProfile(db: Executor, actor: Actor, personId: number, now = new Date()): Promise<Profile> {
  const [row] = await db
    .select({
      ...nameColumns,
      email: people.email,
      managerId: people.managerId,
      employeeNumber: people.employeeNumber,
      level: people.level,
      hiredOn: people.hiredOn,
      roleSince: people.roleSince,
      levelSince: people.levelSince,
      roleId: people.roleId,
      tagline: people.tagline,
      showSkillsInDirectory: people.showSkillsInDirectory,
      openToScouting: people.openToScouting,
      profileReviewedAt: people.profileReviewedAt,
      department: { id: departments.id, nameJa: departments.nameJa, nameEn: departments.nameEn },
      role: { id: roles.id, slug: roles.slug, nameJa: roles.nameJa, nameEn: roles.nameEn, track: roles.track },
      family: { nameJa: jobFamilies.nameJa, nameEn: jobFamilies.nameEn },
    })
    .from(people)
    .innerJoin(departments, eq(departments.id, people.departmentId))
    .innerJoin(roles, eq(roles.id, people.roleId))
    .innerJoin(jobFamilies, eq(jobFamilies.id, roles.familyId))
    .where(and(eq(people.id, personId), eq(people.active, true)));
  if (!row) throw new AppError("NOT_FOUND");
  const person = row;
  const restrictedAllowed = canViewRestrictedProfile(actor, person);
  const skillsVisible = canViewSkills(actor, person);

  const skillRows = !skillsVisible
    ? []
    : await db
    .select({
      skillId: skills.id,
      slug: skills.slug,
      nameJa: skills.nameJa,
      nameEn: skills.nameEn,
      categoryJa: skillCategories.nameJa,
      categoryEn: skillCategories.nameEn,
      level: personSkills.level,
      evidence: personSkills.evidence,
      verifiedAt: personSkills.verifiedAt,
      verifiedBy: verifier.romanizedName,
      verificationNote: personSkills.verificationNote,
    })
    .from(personSkills)
    .innerJoin(skills, eq(skills.id, personSkills.skillId))
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .leftJoin(verifier, eq(verifier.id, personSkills.verifiedById))
    .where(eq(personSkills.personId, person.id))
    .orderBy(desc(personSkills.level), asc(skillCategories.sortOrder), asc(skills.id));

  const [manager] = person.managerId
    ? await db.select(nameColumns).from(people).where(eq(people.id, person.managerId))
    : [];

  let restricted: Profile["restricted"] = null;
  if (restrictedAllowed) {
    const [roleLevel] = await db
      .select({ standardYears: roleLevels.standardYears, keyExperiences: roleLevels.keyExperiences, qualifications: roleLevels.qualifications })
      .from(roleLevels)
      .where(and(eq(roleLevels.roleId, person.roleId), eq(roleLevels.level, person.level)));
    restricted = {
      employeeNumber: person.employeeNumber,
      level: person.level,
      hiredOn: person.hiredOn,
      roleSince: person.roleSince,
      levelSince: person.levelSince,
      yearsAtLevel: yearsBetween(person.levelSince, now),
      profileReviewedAt: person.profileReviewedAt,
      showSkillsInDirectory: person.showSkillsInDirectory,
      openToScouting: person.id === actor.personId ? person.openToScouting : null,
      roleLevel: roleLevel ?? null,
    };
  }

  return {
    id: person.id,
    familyName: person.familyName,
    givenName: person.givenName,
    familyNameKana: person.familyNameKana,
    givenNameKana: person.givenNameKana,
    businessName: person.businessName,
    romanizedName: person.romanizedName,
    email: person.email,
    department: { id: row.department.id, name: { ja: row.department.nameJa, en: row.department.nameEn } },
    role: {
      id: row.role.id,
      slug: row.role.slug,
      name: { ja: row.role.nameJa, en: row.role.nameEn },
      track: row.role.track,
      family: { ja: row.family.nameJa, en: row.family.nameEn },
    },
    manager: manager ?? null,
    tagline: person.tagline,
    skillsHidden: !skillsVisible,
    skills: skillRows.map((skill) => ({
      skillId: skill.skillId,
      slug: skill.slug,
      name: { ja: skill.nameJa, en: skill.nameEn },
      category: { ja: skill.categoryJa, en: skill.categoryEn },
      level: skill.level,
      verifiedAt: skill.verifiedAt,
      verifiedBy: skill.verifiedBy,
      evidence: restrictedAllowed ? skill.evidence : null,
      verificationNote: restrictedAllowed ? skill.verificationNote : null,
    })),
    restricted,
  };
}

/**
 * The company directory: active people whose name, kana reading, romanised name or business name
 * matches, sorted by kana reading (五十音) as Japanese lists are.
 */
export async function searchPeople(db: Executor, actor: Actor, rawInput: SearchPeopleInput): Promise<{ items: PersonCard[]; total: number }> {
  const input = searchPeopleInput.parse(rawInput);
  const matches = personNameMatches(input.query);
  // The skill filter mirrors policies.canViewSkills, so a hidden profile is not found by its skills.
  const holdsSkill = input.skillId
    ? and(
        sql`exists (select 1 from person_skills ps where ps.person_id = people.id and ps.skill_id = ${input.skillId})`,
        isHrStaff(actor) ? undefined : or(eq(people.showSkillsInDirectory, true), eq(people.id, actor.personId), eq(people.managerId, actor.personId)),
      )
    : undefined;
  const where = and(eq(people.active, true), matches, holdsSkill);
  const [items, [totalRow]] = await Promise.all([
    db
      .select({
        ...nameColumns,
        departmentJa: departments.nameJa,
        departmentEn: departments.nameEn,
        roleJa: roles.nameJa,
        roleEn: roles.nameEn,
        tagline: people.tagline,
      })
      .from(people)
      .innerJoin(departments, eq(departments.id, people.departmentId))
      .innerJoin(roles, eq(roles.id, people.roleId))
      .where(where)
      .orderBy(asc(people.familyNameKana), asc(people.givenNameKana), asc(people.id))
      .limit(input.limit)
      .offset(input.offset),
    db.select({ total: count() }).from(people).where(where),
  ]);
  const posts = await concurrentPostsOf(
    db,
    items.map((item) => item.id),
  );
  return {
    items: items.map(({ departmentJa, departmentEn, roleJa, roleEn, ...name }) => ({
      ...name,
      department: { ja: departmentJa, en: departmentEn },
      role: { ja: roleJa, en: roleEn },
      concurrentPosts: posts.get(name.id) ?? [],
    })),
    total: totalRow?.total ?? 0,
  };
}

/** Each person's concurrent posts (兼務) held today, for the directory's cards. */
async function concurrentPostsOf(db: Executor, personIds: number[], now = new Date()) {
  const posts = new Map<number, { department: { ja: string; en: string }; role: { ja: string; en: string } }[]>();
  if (personIds.length === 0) return posts;
  const today = japanDate(now);
  const rows = await db
    .select({ personId: memberships.personId, ...membershipPostColumns })
    .from(memberships)
    .innerJoin(departments, eq(departments.id, memberships.departmentId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .innerJoin(people, eq(people.id, memberships.personId))
    // A post in the person's own primary department is no concurrent post (it became primary today).
    .where(and(inArray(memberships.personId, personIds), currentMembership(today), ne(people.departmentId, memberships.departmentId)))
    .orderBy(memberships.startOn, memberships.id);
  for (const row of rows) {
    const { department, role } = asPost(row);
    posts.set(row.personId, [...(posts.get(row.personId) ?? []), { department, role }]);
  }
  return posts;
}
