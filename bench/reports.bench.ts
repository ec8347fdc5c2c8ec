/**
 * The HR mobility reports on the synthetic company of `npm run bench:seed` (100,000 people), one
 * year, as HR, through the services a request calls (the runtime role, in a transaction scoped to
 * the viewer):
 * - the whole dashboard: the reports home (every report's headlines from one load) and each report
 *   page, whole company: every call p95 ≤ 300 ms;
 * - the same for one department (a department of about 900 people, with its sections): p95 ≤ 100 ms.
 * Both with the facts cached and nothing changed since (a report read again, or another report of
 * the same viewing): the figures the targets judge. Beside them, not judged: the first view of the
 * home in a fresh process (every fact loaded), and the home right after a committed change — a
 * person's skill (the skills facts reload) or an application's step (everything applications feed).
 * Writes bench/results/reports.json with each call's timings.
 */
import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/client";
import { asActor } from "../db/scope";
import { actorForPerson } from "../server/auth/actor";
import { reportIds } from "../server/services/reports/report.schemas";
import { getReport, getReportHome } from "../server/services/reports/report.service";
import { ms, openBigSeed, summarize, verdict, writeResult } from "./big-seed";

const NAME = "reports";
const ROUNDS = Number(process.env.REPORTS_BENCH_ROUNDS ?? 5);
const TARGET_COMPANY_P95_MS = 300;
const TARGET_DEPARTMENT_P95_MS = 100;
/** The bench company's "today" (bench/seed.ts): the year before it. */
const NOW = new Date("2026-11-01T03:00:00Z");
const PERIOD = { from: "2025-11", to: "2026-10" };

async function main() {
  const handle = await openBigSeed(NAME);
  if (!handle) return;
  const { db } = handle;
  try {
    const [hr] = await queryRows<{ id: number }>(db, sql`select id from people where is_hr and active order by id limit 1`);
    // A department (third level: division → department → sections) with the most people.
    const [department] = await queryRows<{ id: number; people: number }>(
      db,
      sql`select d.id, count(p.id)::int as people from departments d join departments s on s.parent_id = d.id join people p on p.department_id = s.id
          where d.parent_id in (select id from departments where parent_id in (select id from departments where parent_id is null))
          group by d.id order by people desc, d.id limit 1`,
    );
    const actor = (await actorForPerson(db, hr!.id))!;
    const calls: { name: string; run: (tx: Database, departmentId: number | null) => Promise<unknown> }[] = [
      { name: "home", run: (tx: Database, departmentId: number | null) => getReportHome(tx, actor, { ...PERIOD, departmentId }, NOW) },
      ...reportIds.map((report) => ({ name: report, run: (tx: Database, departmentId: number | null) => getReport(tx, actor, report, { ...PERIOD, departmentId }, NOW) })),
    ];
    const timed = async (work: () => Promise<unknown>) => {
      const start = performance.now();
      await work();
      return performance.now() - start;
    };
    const home = (departmentId: number | null) => asActor(db, actor.personId, (tx) => calls[0]!.run(tx, departmentId));
    const [skilled] = await queryRows<{ person_id: number; skill_id: number }>(db, sql`select person_id, skill_id from person_skills order by person_id, skill_id limit 1`);
    const [applied] = await queryRows<{ id: number }>(db, sql`select id from applications order by id desc limit 1`);
    const changes = {
      skill: () => db.execute(sql`update person_skills set level = level where person_id = ${skilled!.person_id} and skill_id = ${skilled!.skill_id}`),
      application: () => db.execute(sql`update applications set updated_at = now() where id = ${applied!.id}`),
    };
    const afterChange = async (departmentId: number | null) => {
      const results: Record<string, ReturnType<typeof summarize>> = {};
      for (const [name, change] of Object.entries(changes)) {
        const timings: number[] = [];
        for (let round = 0; round < Math.min(ROUNDS, 3); round++) {
          await change();
          timings.push(await timed(() => home(departmentId)));
        }
        results[name] = summarize(timings);
      }
      return results;
    };
    const measure = async (departmentId: number | null) => {
      const results: Record<string, ReturnType<typeof summarize>> = {};
      for (const call of calls) {
        await asActor(db, actor.personId, (tx) => call.run(tx, departmentId)); // warm-up
        const timings: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const start = performance.now();
          await asActor(db, actor.personId, (tx) => call.run(tx, departmentId));
          timings.push(performance.now() - start);
        }
        results[call.name] = summarize(timings);
      }
      return results;
    };
    const firstView = { company: await timed(() => home(null)), oneDepartment: await timed(() => home(department!.id)) };
    const company = await measure(null);
    const oneDepartment = await measure(department!.id);
    const changed = { company: await afterChange(null), oneDepartment: await afterChange(department!.id) };
    const worst = (results: Record<string, ReturnType<typeof summarize>>) => Math.max(...Object.values(results).map((result) => result.p95Ms));
    const companyPass = worst(company) <= TARGET_COMPANY_P95_MS;
    const departmentPass = worst(oneDepartment) <= TARGET_DEPARTMENT_P95_MS;
    writeResult(NAME, {
      period: PERIOD,
      department: department,
      company: { ...company, worstP95Ms: worst(company), targetP95Ms: TARGET_COMPANY_P95_MS, pass: companyPass },
      oneDepartment: { ...oneDepartment, worstP95Ms: worst(oneDepartment), targetP95Ms: TARGET_DEPARTMENT_P95_MS, pass: departmentPass },
      firstViewMs: { company: ms(firstView.company), oneDepartment: ms(firstView.oneDepartment) },
      homeAfterChange: changed,
      pass: companyPass && departmentPass,
    });
    for (const [label, results, target, pass] of [
      ["whole company", company, TARGET_COMPANY_P95_MS, companyPass],
      [`one department (${department!.people} people)`, oneDepartment, TARGET_DEPARTMENT_P95_MS, departmentPass],
    ] as const) {
      console.log(`reports, ${label}: ${Object.entries(results).map(([name, result]) => `${name} p95 ${result.p95Ms} ms`).join(", ")} — target every p95 ≤ ${target} ms: ${verdict(pass)}`);
    }
    console.log(
      `reports, not judged: first view of the home ${ms(firstView.company)} ms (company), ${ms(firstView.oneDepartment)} ms (department); ` +
        `home after a change, p50: ${Object.entries(changed.company).map(([name, result]) => `${name} ${result.p50Ms} ms`).join(", ")} (company), ` +
        `${Object.entries(changed.oneDepartment).map(([name, result]) => `${name} ${result.p50Ms} ms`).join(", ")} (department)`,
    );
    if (!(companyPass && departmentPass)) process.exitCode = 1;
  } finally {
    await handle.close();
  }
}

void main();
