import { randomInt } from "node:crypto";
import type { Executor } from "../client";
import {
  type Department,
  type JobFamily,
  type NewDepartment,
  type NewPerson,
  type Person,
  type Role,
  type Skill,
  type SkillCategory,
  departments,
  jobFamilies,
  people,
  personSkills,
  roles,
  skillCategories,
  skills,
} from "../schema";
import { familyNames, givenNames } from "../seed/data/names";

export type NewJobFamily = typeof jobFamilies.$inferInsert;
export type NewRole = typeof roles.$inferInsert;
export type NewSkillCategory = typeof skillCategories.$inferInsert;
export type NewSkill = typeof skills.$inferInsert;
export type NewPersonSkill = typeof personSkills.$inferInsert;
export type SkillLevel = 1 | 2 | 3 | 4;

/*
 * Unique keys combine a counter with a random per-process number: an integration test file has a
 * database of its own, but e2e workers (separate processes) write into one shared, seeded
 * database. The run number makes factory employee numbers 9 digits long, so they can never meet
 * the seed's E00001… either.
 */
const run = String(randomInt(1000, 10000));
let counter = 0;
const nextId = () => ++counter;

/** "E" + digits, like the seed, but in a range the seed never uses. */
const employeeNumber = (n: number) => `E${run}${String(n).padStart(5, "0")}`;

/** Deterministic defaults: the same call order gives the same names in every test. */
const nameAt = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

async function insertOne<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function createDepartment(db: Executor, overrides: Partial<NewDepartment> = {}): Promise<Department> {
  const n = nextId();
  return insertOne(
    db
      .insert(departments)
      .values({ code: `D${run}-${n}`, nameJa: `テスト部 ${n}`, nameEn: `Test department ${n}`, ...overrides })
      .returning(),
  );
}

export async function createJobFamily(db: Executor, overrides: Partial<NewJobFamily> = {}): Promise<JobFamily> {
  const n = nextId();
  return insertOne(
    db
      .insert(jobFamilies)
      .values({ slug: `family-${run}-${n}`, nameJa: `職種 ${n}`, nameEn: `Job family ${n}`, ...overrides })
      .returning(),
  );
}

/** Creates a job family when `familyId` is missing; the track defaults to specialist. */
export async function createRole(db: Executor, overrides: Partial<NewRole> = {}): Promise<Role> {
  const familyId = overrides.familyId ?? (await createJobFamily(db)).id;
  const n = nextId();
  return insertOne(
    db
      .insert(roles)
      .values({
        slug: `role-${run}-${n}`,
        track: "specialist",
        nameJa: `ロール ${n}`,
        nameEn: `Role ${n}`,
        ...overrides,
        familyId,
      })
      .returning(),
  );
}

/** Creates a department and a role when they are missing; level 1, hired 2024-04-01. */
export async function createPerson(db: Executor, overrides: Partial<NewPerson> = {}): Promise<Person> {
  const departmentId = overrides.departmentId ?? (await createDepartment(db)).id;
  const roleId = overrides.roleId ?? (await createRole(db)).id;
  const n = nextId();
  const family = nameAt(familyNames, n);
  const given = nameAt(givenNames, n * 7);
  const number = employeeNumber(n);
  return insertOne(
    db
      .insert(people)
      .values({
        employeeNumber: number,
        familyName: family.kanji,
        givenName: given.kanji,
        familyNameKana: family.kana,
        givenNameKana: given.kana,
        romanizedName: `${given.romaji} ${family.romaji}`,
        email: `${given.romaji}.${family.romaji}.${number}@kakezan.example`.toLowerCase(),
        level: 1,
        hiredOn: "2024-04-01",
        roleSince: "2024-04-01",
        levelSince: "2024-04-01",
        ...overrides,
        departmentId,
        roleId,
      })
      .returning(),
  );
}

export async function createSkillCategory(db: Executor, overrides: Partial<NewSkillCategory> = {}): Promise<SkillCategory> {
  const n = nextId();
  return insertOne(
    db
      .insert(skillCategories)
      .values({ slug: `category-${run}-${n}`, nameJa: `カテゴリ ${n}`, nameEn: `Category ${n}`, sortOrder: n, ...overrides })
      .returning(),
  );
}

/** Creates a category when `categoryId` is missing. */
export async function createSkill(db: Executor, overrides: Partial<NewSkill> = {}): Promise<Skill> {
  const categoryId = overrides.categoryId ?? (await createSkillCategory(db)).id;
  const n = nextId();
  return insertOne(
    db
      .insert(skills)
      .values({ slug: `skill-${run}-${n}`, nameJa: `スキル ${n}`, nameEn: `Skill ${n}`, ...overrides, categoryId })
      .returning(),
  );
}

/** Sets a person's level in a skill, replacing an earlier level (and the given extra columns). */
export async function setPersonSkill(
  db: Executor,
  personId: number,
  skillId: number,
  level: SkillLevel,
  extra: Partial<NewPersonSkill> = {},
): Promise<void> {
  const row = { ...extra, personId, skillId, level };
  await db
    .insert(personSkills)
    .values(row)
    .onConflictDoUpdate({ target: [personSkills.personId, personSkills.skillId], set: row });
}
