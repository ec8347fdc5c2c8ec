import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { departments, people, personSkills, roles, skills } from "../schema";
import * as careerMap from "./data/career-map";
import { type DepartmentSpec, type PersonaSlot, demoOrganisation } from "./data/demo-org";
import { type NamePart, familyNames, givenNames } from "./data/names";
import * as taxonomy from "./data/skills";
import { type DemoPersona, type DemoPersonaKey, demoPersonas } from "./personas";
import { type Random, createRandom } from "./random";

export { type DemoPersona, type DemoPersonaKey, demoPersonas };

/** Every date in the demo is relative to this day, never to the clock: the same seed, every run. */
export const DEMO_AS_OF = "2026-11-01";
const SEED = 20261101;
const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;
const AS_OF_MS = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
const EMAIL_DOMAIN = "kakezan.example";
/** A person holds at least this many skills, so every profile and match has something to show. */
const MIN_SKILLS = 5;
const MAX_SKILLS = 12;

type Level = 1 | 2 | 3 | 4;
type CareerRole = (typeof careerMap.roles)[number];

type PlannedSkill = {
  slug: string;
  level: Level;
  evidence: string;
  reviewedAt: Date;
  /** Verified by the person's manager at this time. */
  verifiedAt: Date | null;
};

type PlannedPerson = {
  employeeNumber: string;
  departmentCode: string;
  role: CareerRole;
  /** Index of the manager in the plan; managers are planned before their reports. */
  manager: number | null;
  isHr: boolean;
  isAdmin: boolean;
  persona: DemoPersonaKey | null;
  family: NamePart;
  given: NamePart;
  email: string;
  level: Level;
  hiredOn: string;
  roleSince: string;
  levelSince: string;
  skills: PlannedSkill[];
};

type PlannedDepartment = { spec: DepartmentSpec; parentCode: string | null; depth: number };

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysBefore = (ms: number, days: number) => ms - Math.round(days) * DAY_MS;
const clampLevel = (level: number): Level => Math.min(4, Math.max(1, Math.round(level))) as Level;

const rolesBySlug = new Map(careerMap.roles.map((role) => [role.slug, role]));
function careerRole(slug: string): CareerRole {
  const role = rolesBySlug.get(slug);
  if (!role) throw new Error(`The demo organisation refers to an unknown role: ${slug}`);
  return role;
}
function roleLevel(role: CareerRole, level: Level) {
  const found = role.levels.find((l) => l.level === level);
  if (!found) throw new Error(`Role ${role.slug} has no level ${level}`);
  return found;
}

const neighbours = new Map<string, string[]>();
for (const [a, b] of taxonomy.skillAdjacency) {
  neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
  neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
}
const skillsByCategory = new Map<string, string[]>();
const skillNamesJa = new Map<string, string>();
for (const skill of taxonomy.skills) {
  skillsByCategory.set(skill.category, [...(skillsByCategory.get(skill.category) ?? []), skill.slug]);
  skillNamesJa.set(skill.slug, skill.ja);
}

function flatten(spec: DepartmentSpec, parentCode: string | null = null, depth = 0): PlannedDepartment[] {
  return [{ spec, parentCode, depth }, ...(spec.children ?? []).flatMap((child) => flatten(child, spec.code, depth + 1))];
}

/**
 * Tenure, time in role and level, consistent with the role's standard years: a person climbs one
 * level each time they have spent that level's standard years (times a personal pace), so slow
 * climbers end up past their level's standard years — the people the career map surfaces.
 */
function careerDates(
  rng: Random,
  role: CareerRole,
  options: { minYears: number; maxYears: number; firstRole: boolean; startLevel: Level; fixedLevel?: Level },
) {
  const tenureYears = options.minYears + (options.maxYears - options.minYears) * rng.next() ** 1.6;
  // Nearly half the company joined as new graduates on 1 April, the Japanese intake day.
  let hiredMs = daysBefore(AS_OF_MS, tenureYears * YEAR_DAYS);
  if (rng.chance(0.45)) {
    const year = new Date(hiredMs).getUTCFullYear();
    const april = Date.UTC(year, 3, 1);
    hiredMs = april < AS_OF_MS ? april : Date.UTC(year - 1, 3, 1);
  }
  // Between the intake days of 1 April and 1 October and the turn of the half-year (July, January)
  // nobody joins: those hires start on 1 April or 1 October, so the head count stays put in May,
  // June, November and December.
  const hired = new Date(hiredMs);
  if ([3, 4, 5, 9, 10, 11].includes(hired.getUTCMonth())) hiredMs = Date.UTC(hired.getUTCFullYear(), hired.getUTCMonth() < 6 ? 3 : 9, 1);
  const tenureDays = (AS_OF_MS - hiredMs) / DAY_MS;
  const roleDays = options.firstRole && rng.chance(0.8) ? tenureDays : Math.max(60, tenureDays * (0.25 + 0.5 * rng.next()));
  const roleMs = daysBefore(AS_OF_MS, roleDays);

  if (options.fixedLevel) {
    const levelDays = Math.max(30, roleDays * (0.2 + 0.8 * rng.next()));
    return { hiredMs, roleMs, level: options.fixedLevel, levelMs: daysBefore(AS_OF_MS, levelDays) };
  }
  const pace = 0.75 + 0.85 * rng.next();
  let level = options.startLevel;
  let remainingDays = roleDays;
  while (level < 4) {
    const needed = roleLevel(role, level).standardYears * pace * YEAR_DAYS;
    if (remainingDays < needed) break;
    remainingDays -= needed;
    level = (level + 1) as Level;
  }
  return { hiredMs, roleMs, level, levelMs: daysBefore(AS_OF_MS, remainingDays) };
}

const evidenceTemplates: ReadonlyArray<(skill: string) => string> = [
  (skill) => `${skill}を日常業務で継続して担当している`,
  (skill) => `新人向け勉強会で${skill}の講師を務めた`,
  (skill) => `${skill}を活かした改善提案がチームで採用された`,
  (skill) => `前職で${skill}の実務経験あり`,
  (skill) => `社内プロジェクトで${skill}を担当し、上長から評価された`,
  (skill) => `${skill}について部署横断の勉強会に参加し、チームに共有した`,
];

/**
 * 5–12 skills: most from what the role level expects (around the expected level), then skills
 * adjacent to those, then a few from the fields the department's people tend to seep out into —
 * so profiles show "multiplied specialties" such as CS × QA × community.
 */
function planSkills(
  rng: Random,
  role: CareerRole,
  level: Level,
  options: { interests: readonly string[]; hasManager: boolean; given?: PersonaSlot["skills"] },
): PlannedSkill[] {
  const chosen = new Map<string, Level>((options.given ?? []).map(({ skill, level: givenLevel }) => [skill, givenLevel]));
  const expected = rng.shuffle(roleLevel(role, level).skills);
  for (const { skill, level: expectedLevel } of expected.slice(0, rng.int(4, 8))) {
    const drift = rng.chance(0.25) ? -1 : rng.chance(0.25) ? 1 : 0;
    chosen.set(skill, clampLevel(expectedLevel + drift));
  }
  const addFrom = (candidates: readonly string[], count: number, maxLevel: Level) => {
    const fresh = rng.shuffle(candidates.filter((slug) => !chosen.has(slug)));
    for (const slug of fresh.slice(0, count)) {
      if (chosen.size >= MAX_SKILLS) return;
      chosen.set(slug, clampLevel(rng.int(1, maxLevel)));
    }
  };
  addFrom([...chosen.keys()].flatMap((slug) => neighbours.get(slug) ?? []), rng.int(1, 2), 2);
  addFrom(options.interests.flatMap((category) => skillsByCategory.get(category) ?? []), rng.int(0, 2), 3);
  while (chosen.size < MIN_SKILLS) {
    const before = chosen.size;
    addFrom([...chosen.keys()].flatMap((slug) => neighbours.get(slug) ?? []), 1, 2);
    if (chosen.size === before) addFrom(taxonomy.skills.map((s) => s.slug), 1, 2);
  }

  // Most people review their profile in one sitting; about a third have not looked for 6+ months.
  const reviewedDaysAgo = rng.chance(0.35) ? rng.int(181, 540) : rng.int(3, 170);
  const verifies = options.hasManager && rng.chance(0.55);
  return [...chosen].map(([slug, skillLevel]) => {
    const reviewedAt = new Date(daysBefore(AS_OF_MS, reviewedDaysAgo + rng.int(0, 10)) + 3_600_000);
    const verifiedAt =
      verifies && rng.chance(0.7) ? new Date(Math.min(AS_OF_MS, reviewedAt.getTime() + rng.int(1, 21) * DAY_MS)) : null;
    const evidence = skillLevel >= 2 && rng.chance(0.3) ? rng.pick(evidenceTemplates)(skillNamesJa.get(slug) ?? slug) : "";
    return { slug, level: skillLevel, evidence, reviewedAt, verifiedAt };
  });
}

/** The whole demo company in memory, from a fixed seed: no database ids, no clock. */
function planDemoCompany(): { departments: PlannedDepartment[]; people: PlannedPerson[] } {
  const rng = createRandom(SEED);
  const plannedDepartments = flatten(demoOrganisation);
  const planned: PlannedPerson[] = [];
  const managerOf = new Map<string, number>();
  const takenNames = new Set<string>();
  const emailCounts = new Map<string, number>();

  const claimEmail = (given: NamePart, family: NamePart) => {
    const base = `${given.romaji}.${family.romaji}`.toLowerCase();
    const count = (emailCounts.get(base) ?? 0) + 1;
    emailCounts.set(base, count);
    return `${count === 1 ? base : `${base}${count}`}@${EMAIL_DOMAIN}`;
  };
  const pickName = (slot: PersonaSlot | undefined) => {
    if (slot) return { family: findName(familyNames, slot.family), given: findName(givenNames, slot.given) };
    for (;;) {
      const family = rng.pick(familyNames);
      const given = rng.pick(givenNames);
      if (!takenNames.has(family.kanji + given.kanji)) return { family, given };
    }
  };
  // Personas keep their fixed names: reserve them before anyone else is named.
  for (const { spec } of plannedDepartments) {
    for (const slot of [spec.managerPersona, ...(spec.personas ?? [])]) {
      if (slot) takenNames.add(slot.family + slot.given);
    }
  }

  const add = (
    department: PlannedDepartment,
    role: CareerRole,
    options: {
      manager: number | null;
      persona?: PersonaSlot;
      isAdmin?: boolean;
      dates: Parameters<typeof careerDates>[2];
    },
  ) => {
    const { family, given } = pickName(options.persona);
    takenNames.add(family.kanji + given.kanji);
    const dates = careerDates(rng, role, { ...options.dates, ...options.persona?.career });
    const isAdmin = options.isAdmin ?? false;
    const skillsPlan = planSkills(rng, role, dates.level, {
      interests: department.spec.interests,
      hasManager: options.manager !== null,
      given: options.persona?.skills,
    });
    planned.push({
      employeeNumber: `E${String(planned.length + 1).padStart(5, "0")}`,
      departmentCode: department.spec.code,
      role,
      manager: options.manager,
      // An administrator keeps the taxonomy and people data; HR reports are not theirs to see.
      isHr: (department.spec.hr ?? false) && !isAdmin,
      isAdmin,
      persona: options.persona?.key ?? null,
      family,
      given,
      email: claimEmail(given, family),
      level: dates.level,
      hiredOn: isoDate(dates.hiredMs),
      roleSince: isoDate(Math.max(dates.roleMs, dates.hiredMs)),
      levelSince: isoDate(Math.max(dates.levelMs, dates.roleMs, dates.hiredMs)),
      skills: skillsPlan,
    });
    return planned.length - 1;
  };

  // Pre-order: a department's manager, its members, then its sub-departments — so every manager
  // is planned (and numbered) before the people who report to them.
  for (const department of plannedDepartments) {
    const { spec } = department;
    const parentManager = department.parentCode === null ? null : managerOf.get(department.parentCode) ?? null;
    const managerRole = careerRole(spec.manager.role);
    const managerIndex = add(department, managerRole, {
      manager: parentManager,
      persona: spec.managerPersona,
      dates: { minYears: 7, maxYears: 20, firstRole: false, startLevel: 3, fixedLevel: spec.manager.level },
    });
    managerOf.set(spec.code, managerIndex);

    const entryRole = spec.members[0]?.[0];
    const weightTotal = spec.members.reduce((sum, [, weight]) => sum + weight, 0);
    const personaSlots = [...(spec.personas ?? [])];
    for (let i = 0; i < spec.headcount; i++) {
      const slot = personaSlots.shift();
      const roleSlug = slot?.role ?? weightedPick(rng, spec.members, weightTotal);
      const role = careerRole(roleSlug);
      const firstRole = roleSlug === entryRole;
      add(department, role, {
        manager: managerIndex,
        persona: slot,
        isAdmin: slot?.key === "admin",
        dates: {
          minYears: firstRole ? 0.3 : 2,
          maxYears: firstRole ? 10 : 16,
          firstRole,
          startLevel: !firstRole && role.track === "management" ? 2 : 1,
        },
      });
    }
  }
  return { departments: plannedDepartments, people: planned };
}

function weightedPick(rng: Random, mix: DepartmentSpec["members"], total: number): string {
  let ticket = rng.next() * total;
  for (const [role, weight] of mix) {
    ticket -= weight;
    if (ticket < 0) return role;
  }
  return mix[mix.length - 1]![0];
}

function findName(list: readonly NamePart[], kanji: string): NamePart {
  const found = list.find((name) => name.kanji === kanji);
  if (!found) throw new Error(`Persona name not in the name list: ${kanji}`);
  return found;
}

/** The demo sign-in relies on these numbers: fail the seed rather than point at the wrong person. */
function checkPersonas(planned: readonly PlannedPerson[]) {
  for (const persona of demoPersonas) {
    const person = planned.find((p) => p.employeeNumber === persona.employeeNumber);
    if (person?.persona !== persona.key) {
      const actual = planned.find((p) => p.persona === persona.key)?.employeeNumber;
      throw new Error(`Demo persona "${persona.key}" is ${actual ?? "missing"} in the plan, not ${persona.employeeNumber}`);
    }
  }
}

async function insertInChunks<T>(rows: readonly T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

/**
 * About 300 people in a CS-centred company, with managers, HR staff, an administrator, skill
 * profiles and the demo personas. Expects the reference data (roles, skills) to be seeded already;
 * runs inside the caller's transaction.
 */
export async function seedDemoCompany(db: Executor): Promise<void> {
  const plan = planDemoCompany();
  checkPersonas(plan.people);

  const departmentIds = new Map<string, number>();
  const maxDepth = Math.max(...plan.departments.map((d) => d.depth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const rows = await db
      .insert(departments)
      .values(
        plan.departments
          .filter((d) => d.depth === depth)
          .map(({ spec, parentCode }) => ({
            code: spec.code,
            nameJa: spec.ja,
            nameEn: spec.en,
            location: spec.location,
            parentId: parentCode === null ? null : departmentIds.get(parentCode)!,
          })),
      )
      .returning({ id: departments.id, code: departments.code });
    for (const row of rows) departmentIds.set(row.code, row.id);
  }

  const roleIds = new Map((await db.select({ id: roles.id, slug: roles.slug }).from(roles)).map((r) => [r.slug, r.id]));
  const skillIds = new Map((await db.select({ id: skills.id, slug: skills.slug }).from(skills)).map((s) => [s.slug, s.id]));
  const idOf = (ids: Map<string, number>, slug: string) => {
    const id = ids.get(slug);
    if (id === undefined) throw new Error(`Seed reference data is missing ${slug}`);
    return id;
  };

  const personIds = new Map<string, number>();
  await insertInChunks(plan.people, 500, async (chunk) => {
    const rows = await db
      .insert(people)
      .values(
        chunk.map((p) => ({
          employeeNumber: p.employeeNumber,
          familyName: p.family.kanji,
          givenName: p.given.kanji,
          familyNameKana: p.family.kana,
          givenNameKana: p.given.kana,
          romanizedName: `${p.given.romaji} ${p.family.romaji}`,
          email: p.email,
          departmentId: departmentIds.get(p.departmentCode)!,
          roleId: idOf(roleIds, p.role.slug),
          level: p.level,
          hiredOn: p.hiredOn,
          roleSince: p.roleSince,
          levelSince: p.levelSince,
          isHr: p.isHr,
          isAdmin: p.isAdmin,
        })),
      )
      .returning({ id: people.id, employeeNumber: people.employeeNumber });
    for (const row of rows) personIds.set(row.employeeNumber, row.id);
  });
  const personId = (index: number) => personIds.get(plan.people[index]!.employeeNumber)!;

  // Managers are people too, so their ids exist only now: link everyone in one statement.
  const links = plan.people.flatMap((p, index) =>
    p.manager === null ? [] : [sql`(${personId(index)}::int, ${personId(p.manager)}::int)`],
  );
  await db.execute(
    sql`update ${people} set manager_id = links.manager_id
        from (values ${sql.join(links, sql`, `)}) as links(id, manager_id)
        where ${people.id} = links.id`,
  );

  const skillRows = plan.people.flatMap((p, index) =>
    p.skills.map((s) => ({
      personId: personId(index),
      skillId: idOf(skillIds, s.slug),
      level: s.level,
      evidence: s.evidence,
      verifiedById: s.verifiedAt && p.manager !== null ? personId(p.manager) : null,
      verifiedAt: s.verifiedAt,
      reviewedAt: s.reviewedAt,
    })),
  );
  await insertInChunks(skillRows, 1000, (chunk) => db.insert(personSkills).values(chunk));
}
