import { type SQL, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { departments, people, roles } from "../../db/schema";
import { seedDemo } from "../../db/seed";
import { demoPersonas } from "../../db/seed/demo-company";
import { createTestDatabase } from "../setup/test-database";

/** Both drivers answer a raw query with `{ rows }`; drizzle's shared type cannot say so. */
async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as { rows: T[] }).rows;
}

/** Everything the seed writes, in a stable order, without the columns the database stamps with now(). */
async function dump(db: Database) {
  const queries = {
    departments: sql`select id, code, name_ja, name_en, parent_id, location from departments order by id`,
    people: sql`select id, employee_number, family_name, given_name, family_name_kana, given_name_kana, business_name,
                       romanized_name, email, department_id, role_id, level, manager_id, hired_on::text, role_since::text,
                       level_since::text, is_hr, is_admin, active, tagline, show_skills_in_directory
                from people order by id`,
    personSkills: sql`select person_id, skill_id, level, evidence, verified_by_id, verified_at, reviewed_at, verification_note
                      from person_skills order by person_id, skill_id`,
    skillCategories: sql`select * from skill_categories order by id`,
    skills: sql`select * from skills order by id`,
    skillAdjacency: sql`select * from skill_adjacency order by skill_a, skill_b`,
    levelDescriptors: sql`select * from level_descriptors order by level`,
    jobFamilies: sql`select * from job_families order by id`,
    roles: sql`select * from roles order by id`,
    roleLevels: sql`select * from role_levels order by id`,
    roleLevelSkills: sql`select * from role_level_skills order by role_level_id, skill_id`,
    careerPaths: sql`select * from career_paths order by id`,
    wills: sql`select person_id, statement, horizon, openness, share_with_manager, share_with_hr, share_with_matching, version
               from wills order by person_id`,
    willTargetRoles: sql`select * from will_target_roles order by person_id, role_id`,
    willDesiredSkills: sql`select * from will_desired_skills order by person_id, skill_id`,
    willVersions: sql`select * from will_versions order by id`,
    conversations: sql`select id, person_id, manager_id, held_on::text, shared_notes, next_on::text from career_conversations order by id`,
    conversationSteps: sql`select * from conversation_steps order by id`,
    opportunities: sql`select id, kind, status, title, owner_id, department_id, role_id, time_percent, opened_at, fillable_from, closed_at
                       from opportunities order by id`,
    opportunitySkills: sql`select * from opportunity_skills order by opportunity_id, skill_id, kind`,
    applications: sql`select id, opportunity_id, person_id, status, hiring_stage, release_status, disclosed_at, release_on::text,
                             effective_on::text, decision_reason, created_at
                      from applications order by id`,
    approvalSteps: sql`select * from approval_steps order by id`,
    moves: sql`select id, person_id, application_id, from_department_id, to_department_id, effective_on::text from moves order by id`,
  };
  const result: Record<string, string> = {};
  for (const [name, query] of Object.entries(queries)) {
    result[name] = JSON.stringify(await rows(db, query));
  }
  return result;
}

describe("demo seed", async () => {
  const first = await createTestDatabase();
  const second = await createTestDatabase();
  const outcome = await seedDemo(first.db);
  const firstDump = await dump(first.db);

  it(`seeds an empty database (${first.engine})`, () => {
    expect(outcome).toBe("seeded");
  });

  it("gives identical content on every run", async () => {
    expect(await seedDemo(second.db)).toBe("seeded");
    const secondDump = await dump(second.db);
    for (const table of Object.keys(firstDump)) {
      expect(secondDump[table], table).toBe(firstDump[table]);
    }
    expect(JSON.parse(firstDump.people!)).toHaveLength(JSON.parse(secondDump.people!).length);
  });

  it("reuses the data when run again", async () => {
    expect(await seedDemo(first.db)).toBe("already-seeded");
    expect(await dump(first.db)).toEqual(firstDump);
  });

  it("creates a company of about 300 active people", async () => {
    const [row] = await first.db.select({ count: sql<number>`count(*)::int` }).from(people).where(eq(people.active, true));
    expect(row!.count).toBeGreaterThanOrEqual(250);
    expect(row!.count).toBeLessThanOrEqual(350);
  });

  it("has every demo persona, with the right flags and the employee reporting to the manager", async () => {
    const byKey = new Map<string, typeof people.$inferSelect>();
    for (const persona of demoPersonas) {
      const [person] = await first.db.select().from(people).where(eq(people.employeeNumber, persona.employeeNumber));
      expect(person, persona.key).toBeDefined();
      byKey.set(persona.key, person!);
    }
    for (const key of ["employee", "manager", "hr", "admin"]) expect(byKey.has(key), key).toBe(true);

    const employee = byKey.get("employee")!;
    const manager = byKey.get("manager")!;
    expect(employee.managerId).toBe(manager.id);
    expect(employee).toMatchObject({ isHr: false, isAdmin: false, active: true });
    const [department] = await first.db.select().from(departments).where(eq(departments.id, employee.departmentId));
    expect(department?.location).toBe("東京");
    const [role] = await first.db.select().from(roles).where(eq(roles.id, employee.roleId));
    expect(role?.slug).toMatch(/operator/);
    expect(byKey.get("hr")!.isHr).toBe(true);
    expect(byKey.get("admin")!.isAdmin).toBe(true);
    const [hrCount] = await first.db.select({ count: sql<number>`count(*)::int` }).from(people).where(eq(people.isHr, true));
    expect(hrCount!.count).toBeGreaterThanOrEqual(4);
  });

  it("has a sound management chain: one head, active managers, no cycles", async () => {
    const all = await first.db
      .select({ id: people.id, managerId: people.managerId, active: people.active })
      .from(people);
    const byId = new Map(all.map((p) => [p.id, p]));
    expect(all.filter((p) => p.managerId === null)).toHaveLength(1);
    for (const person of all) {
      if (person.managerId === null) continue;
      expect(person.managerId).not.toBe(person.id);
      expect(byId.get(person.managerId)?.active).toBe(true);
      // Walking up from anyone must reach the head within the company's size.
      const seen = new Set<number>([person.id]);
      let current = byId.get(person.managerId);
      while (current && current.managerId !== null) {
        expect(seen.has(current.id)).toBe(false);
        seen.add(current.id);
        current = byId.get(current.managerId);
      }
    }
  });

  it("has skill verifications only by the person's own manager", async () => {
    const [result] = await rows<{ verified: number; wrong: number }>(
      first.db,
      sql`select count(*)::int as verified, count(*) filter (where ps.verified_by_id is distinct from p.manager_id)::int as wrong
          from person_skills ps join people p on p.id = ps.person_id where ps.verified_at is not null`,
    );
    expect(result?.verified).toBeGreaterThan(0);
    expect(result?.wrong).toBe(0);
  });

  it("gives every person at least five skills", async () => {
    const [result] = await rows<{ fewest: number }>(
      first.db,
      sql`select min(n)::int as fewest from (select count(ps.skill_id) as n from people p
          left join person_skills ps on ps.person_id = p.id group by p.id) counts`,
    );
    expect(result?.fewest).toBeGreaterThanOrEqual(5);
  });
});
