import { type SQL, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { departments, people, roles } from "../../db/schema";
import { seedDemo } from "../../db/seed";
import { isDemoDatabase } from "../../db/seed/demo-mark";
import { DEMO_AS_OF, demoPersonas } from "../../db/seed/demo-company";
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
                       level_since::text, is_hr, is_admin, active, left_on::text, tagline, show_skills_in_directory
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
    applications: sql`select id, opportunity_id, person_id, status, hiring_stage, release_status, confidentiality, applicant_department_id,
                             applicant_role_id, current_manager_id, disclosed_at, release_on::text, effective_on::text, decision_reason, created_at
                      from applications order by id`,
    approvalSteps: sql`select * from approval_steps order by id`,
    moves: sql`select id, person_id, application_id, kind, from_department_id, to_department_id, from_role_id, to_role_id, from_manager_id,
                      to_manager_id, effective_on::text from moves order by id`,
    participations: sql`select id, person_id, opportunity_id, application_id, time_percent, start_on::text, end_on::text, endorsed_at
                        from participations order by id`,
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

  it(`seeds an empty database (${first.engine}) and marks it as the demo's`, async () => {
    expect(outcome).toBe("seeded");
    expect(await isDemoDatabase(first.db)).toBe(true);
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
  describe("three years of history", () => {
    const asOf = sql`${DEMO_AS_OF}::date`;
    const lastYear = (column: SQL) => sql`${column} >= ${asOf} - interval '12 months' and ${column} < ${asOf}`;
    const csSubtree = sql`(with recursive tree(id) as (select id from departments where code = 'CS'
                           union all select d.id from departments d join tree on d.parent_id = tree.id) select id from tree)`;

    it("has several dozen moves in each of the last three years, all before today", async () => {
      const [counts] = await rows<{ y1: number; y2: number; y3: number; later: number }>(
        first.db,
        sql`select count(*) filter (where effective_on >= ${asOf} - interval '36 months' and effective_on < ${asOf} - interval '24 months')::int as y1,
                   count(*) filter (where effective_on >= ${asOf} - interval '24 months' and effective_on < ${asOf} - interval '12 months')::int as y2,
                   count(*) filter (where ${lastYear(sql`effective_on`)})::int as y3,
                   count(*) filter (where effective_on >= ${asOf})::int as later
            from moves`,
      );
      for (const year of [counts!.y1, counts!.y2, counts!.y3]) expect(year).toBeGreaterThanOrEqual(35);
      expect(counts!.later).toBe(0);
    });

    it("chains each person's moves from post to post, ending where they stand today, after they were hired", async () => {
      const [result] = await rows<{ moves: number; broken: number; notToday: number; beforeHire: number; otherManager: number; roleSince: number; notCompleted: number }>(
        first.db,
        sql`with ordered as (
              select m.*, lag(to_department_id) over w as prev_department, lag(to_role_id) over w as prev_role, lead(id) over w as next_id
              from moves m window w as (partition by person_id order by effective_on, id))
            select count(*)::int as moves,
                   count(*) filter (where prev_department is not null and (prev_department <> from_department_id or prev_role <> from_role_id))::int as broken,
                   count(*) filter (where next_id is null and (to_department_id <> p.department_id or to_role_id <> p.role_id))::int as "notToday",
                   count(*) filter (where ordered.effective_on <= p.hired_on)::int as "beforeHire",
                   count(*) filter (where next_id is null and p.active and to_manager_id is distinct from p.manager_id)::int as "otherManager",
                   count(*) filter (where next_id is null and from_role_id <> to_role_id and p.role_since <> ordered.effective_on)::int as "roleSince",
                   count(*) filter (where a.status <> 'completed')::int as "notCompleted"
            from ordered join people p on p.id = ordered.person_id join applications a on a.id = ordered.application_id`,
      );
      expect(result).toEqual({ moves: result!.moves, broken: 0, notToday: 0, beforeHire: 0, otherManager: 0, roleSince: 0, notCompleted: 0 });
      expect(result!.moves).toBeGreaterThan(100);
    });

    it("leaves nothing open in the past: old applications are closed and every step of theirs decided", async () => {
      const [result] = await rows<{ old: number; live: number; open: number; futureDecisions: number }>(
        first.db,
        sql`select count(distinct a.id)::int as old,
                   count(distinct a.id) filter (where a.status in ('active', 'finalized'))::int as live,
                   count(*) filter (where s.decided_at is null)::int as open,
                   count(*) filter (where s.decided_at >= ${asOf})::int as "futureDecisions"
            from applications a join approval_steps s on s.application_id = a.id
            where a.created_at < ${asOf} - interval '30 days'`,
      );
      expect(result!.old).toBeGreaterThan(300);
      expect(result).toMatchObject({ live: 0, open: 0, futureDecisions: 0 });
    });

    it("gives the personas no history: no moves, tries or earlier Wills, and the employee's one application", async () => {
      const numbers = demoPersonas.map((persona) => persona.employeeNumber);
      const [result] = await rows<{ moves: number; participations: number; versions: number; applications: number }>(
        first.db,
        sql`select (select count(*) from moves m join people p on p.id = m.person_id where p.employee_number in ${numbers})::int as moves,
                   (select count(*) from participations x join people p on p.id = x.person_id where p.employee_number in ${numbers})::int as participations,
                   (select count(*) from will_versions v join people p on p.id = v.person_id where p.employee_number in ${numbers} and v.version > 1)::int as versions,
                   (select count(*) from applications a join people p on p.id = a.person_id where p.employee_number = ${demoPersonas.find((persona) => persona.key === "employee")!.employeeNumber})::int as applications`,
      );
      expect(result).toEqual({ moves: 0, participations: 0, versions: 0, applications: 1 });
    });

    it("shows customer support feeding QA in the last year, and product management, HR and business development over three years", async () => {
      const flows = await rows<{ code: string; lastYear: number; total: number }>(
        first.db,
        sql`select d.code, count(*) filter (where ${lastYear(sql`m.effective_on`)})::int as "lastYear", count(*)::int as total
            from moves m join departments d on d.id = m.to_department_id
            where m.from_department_id in ${csSubtree} and m.to_department_id not in ${csSubtree}
            group by d.code`,
      );
      const to = (code: string) => flows.find((flow) => flow.code === code) ?? { lastYear: 0, total: 0 };
      expect(to("PRD-QA").lastYear).toBeGreaterThanOrEqual(5);
      for (const code of ["PRD-PM", "HR", "BIZ", "CSM", "COMM"]) expect(to(code).total, code).toBeGreaterThanOrEqual(5);
      const [families] = await rows<{ moves: number }>(
        first.db,
        sql`select count(*)::int as moves from moves m
            join roles fr on fr.id = m.from_role_id join job_families ff on ff.id = fr.family_id
            join roles tr on tr.id = m.to_role_id join job_families tf on tf.id = tr.family_id
            where ff.slug = 'customer-support' and tf.slug = 'product' and ${lastYear(sql`m.effective_on`)}`,
      );
      expect(families!.moves).toBeGreaterThanOrEqual(5);
    });

    it("has top-level departments above and below the 30 % rotation target in the last year", async () => {
      const departmentsRates = await rows<{ code: string; moves: number; rate: number }>(
        first.db,
        sql`with recursive tree(root, id) as (select id, id from departments union all select tree.root, d.id from departments d join tree on d.parent_id = tree.id),
            months as (select (${asOf} - make_interval(months => n))::date as m from generate_series(1, 12) as n),
            post as (
              select months.m, coalesce((select mv.from_department_id from moves mv where mv.person_id = p.id and mv.effective_on > months.m
                                         order by mv.effective_on limit 1), p.department_id) as department_id
              from months join people p on p.hired_on <= months.m and (p.left_on is null or p.left_on > months.m)),
            headcount as (select tree.root, count(*)::float / 12 as average from post join tree on tree.id = post.department_id group by tree.root),
            outbound as (select tree.root, count(*)::int as moves from moves mv join tree on tree.id = mv.from_department_id
                         where ${lastYear(sql`mv.effective_on`)} group by tree.root)
            select d.code, outbound.moves, outbound.moves / headcount.average * 100 as rate
            from departments d join headcount on headcount.root = d.id join outbound on outbound.root = d.id
            where d.parent_id = (select id from departments where parent_id is null)`,
      );
      // Only departments with enough moves to show under the default suppression threshold.
      const shown = departmentsRates.filter((department) => department.moves >= 5);
      expect(shown.some((department) => department.rate >= 30), JSON.stringify(shown)).toBe(true);
      expect(shown.some((department) => department.rate < 30), JSON.stringify(shown)).toBe(true);
    });

    it("has one releasing manager whose declines and postponements stand out", async () => {
      const managers = await rows<{ managerId: number; decisions: number; declinedOrLater: number }>(
        first.db,
        sql`select approver_id as "managerId", count(*)::int as decisions, count(*) filter (where decision in ('declined', 'later'))::int as "declinedOrLater"
            from approval_steps where step = 'manager_release' and decided_at is not null and ${lastYear(sql`decided_at`)}
            group by approver_id having count(*) >= 5`,
      );
      const rates = managers.map((manager) => manager.declinedOrLater / manager.decisions).sort((a, b) => b - a);
      expect(rates.length).toBeGreaterThanOrEqual(5);
      const [worst, ...others] = rates;
      const median = others[Math.floor(others.length / 2)]!;
      expect(worst).toBeGreaterThanOrEqual(0.4);
      expect(worst).toBeGreaterThanOrEqual(3 * Math.max(median, 0.05));
    });

    it("has leavers who left in the past, some after a move and some after being turned down, holding nothing open", async () => {
      const numbers = demoPersonas.map((persona) => persona.employeeNumber);
      const [result] = await rows<{ leavers: number; future: number; personas: number; leading: number; owning: number; approving: number; moved: number; declined: number }>(
        first.db,
        sql`select count(*)::int as leavers,
                   count(*) filter (where left_on is null or left_on >= ${asOf})::int as future,
                   count(*) filter (where employee_number in ${numbers})::int as personas,
                   count(*) filter (where exists (select 1 from people r where r.manager_id = p.id and r.active))::int as leading,
                   count(*) filter (where exists (select 1 from opportunities o where o.owner_id = p.id and o.status in ('draft', 'open')))::int as owning,
                   count(*) filter (where exists (select 1 from approval_steps s where s.approver_id = p.id and s.decided_at is null))::int as approving,
                   count(*) filter (where exists (select 1 from moves m where m.person_id = p.id))::int as moved,
                   count(*) filter (where exists (select 1 from applications a where a.person_id = p.id and a.status in ('declined', 'not_released')))::int as declined
            from people p where not p.active`,
      );
      expect(result).toMatchObject({ future: 0, personas: 0, leading: 0, owning: 0, approving: 0 });
      expect(result!.leavers).toBeGreaterThanOrEqual(15);
      expect(result!.moved).toBeGreaterThanOrEqual(3);
      expect(result!.declined).toBeGreaterThanOrEqual(3);
    });

    it("keeps fewer turned-down applicants than movers twelve months on", async () => {
      const cohorts = await rows<{ cohort: string; people: number; retained: number }>(
        first.db,
        sql`with events as (
              select 'moved' as cohort, m.person_id, m.effective_on as happened from moves m
              union all
              select 'declined', a.person_id, s.decided_at::date from applications a join approval_steps s on s.application_id = a.id
              where a.status in ('declined', 'not_released') and s.decision in ('decline', 'upheld'))
            select cohort, count(*)::int as people,
                   count(*) filter (where p.left_on is null or p.left_on > e.happened + interval '12 months')::int as retained
            from events e join people p on p.id = e.person_id
            where e.happened >= ${asOf} - interval '36 months' and e.happened < ${asOf} - interval '12 months'
            group by cohort`,
      );
      const rate = (name: string) => {
        const cohort = cohorts.find((row) => row.cohort === name)!;
        expect(cohort.people, name).toBeGreaterThanOrEqual(20);
        return cohort.retained / cohort.people;
      };
      expect(rate("declined")).toBeLessThan(rate("moved") - 0.05);
    });

    it("has projects and trial joinings every year, some of whose participants moved there later", async () => {
      const [result] = await rows<{ projects: number; trials: number; converted: number; unendorsed: number }>(
        first.db,
        sql`select count(*) filter (where o.kind = 'project' and ${lastYear(sql`x.start_on`)})::int as projects,
                   count(*) filter (where o.kind = 'trial_joining' and ${lastYear(sql`x.start_on`)})::int as trials,
                   count(*) filter (where exists (select 1 from moves m where m.person_id = x.person_id and m.to_department_id = o.department_id
                                                  and m.effective_on > x.start_on and m.effective_on <= x.start_on + interval '12 months'))::int as converted,
                   count(*) filter (where x.endorsed_at is null)::int as unendorsed
            from participations x join opportunities o on o.id = x.opportunity_id`,
      );
      expect(result!.projects).toBeGreaterThanOrEqual(5);
      expect(result!.trials).toBeGreaterThanOrEqual(5);
      expect(result!.converted).toBeGreaterThanOrEqual(5);
      expect(result!.unendorsed).toBe(0);
    });

    it("keeps earlier Will versions, some aimed at the role a later move reached", async () => {
      const [result] = await rows<{ people: number; reached: number; future: number; gaps: number }>(
        first.db,
        sql`select (select count(distinct person_id) from will_versions where version > 1)::int as people,
                   (select count(distinct v.person_id) from will_versions v join moves m on m.person_id = v.person_id and m.to_role_id = any(v.target_role_ids)
                    and m.effective_on > v.saved_at and m.effective_on <= v.saved_at + interval '12 months')::int as reached,
                   (select count(*) from will_versions where saved_at >= ${asOf})::int as future,
                   (select count(*) from wills w where w.version <> (select count(*) from will_versions v where v.person_id = w.person_id)
                      or w.version <> (select max(version) from will_versions v where v.person_id = w.person_id))::int as gaps`,
      );
      expect(result!.people).toBeGreaterThanOrEqual(20);
      expect(result!.reached).toBeGreaterThanOrEqual(10);
      expect(result).toMatchObject({ future: 0, gaps: 0 });
    });

    it("has people past their level's standard years", async () => {
      const [result] = await rows<{ past: number }>(
        first.db,
        sql`select count(*)::int as past from people p join role_levels rl on rl.role_id = p.role_id and rl.level = p.level
            where p.active and p.level_since + make_interval(days => (rl.standard_years * 365)::int) < ${asOf}`,
      );
      expect(result!.past).toBeGreaterThanOrEqual(10);
    });
  });
});
