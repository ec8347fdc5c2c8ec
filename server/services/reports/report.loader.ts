import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "@/db/client";
import type { ApprovalStepName } from "@/db/vocabulary";
import type {
  ApplicationAtom,
  Bilingual,
  DepartmentNode,
  DurationAtom,
  FillAtom,
  HeadcountAtom,
  JobFamilyNode,
  ManagerMoveAtom,
  ManagerNode,
  ManagerOverdueAtom,
  ManagerReleaseAtom,
  MoveAtom,
  ParticipationAtom,
  PastStandardPerson,
  ReportFacts,
  RetentionAtom,
  SkillDemandAtom,
  SkillNode,
  SkillSupplyAtom,
  StepDurationAtom,
  WillCoverageAtom,
  WillFulfilmentAtom,
} from "./report.facts";
import { emptyFacts } from "./report.facts";
import type { Settings } from "../settings/settings.schemas";
import { addMonths, monthsOfPeriod } from "./report.period";

/**
 * A move a person made (a transfer, a rotation, a promotion…), not a reorganisation that moved
 * their department under them: mobility, flows, the managers' outbound moves, retention of movers
 * and conversions count only these. Headcount and where a person stood follow every ledger row.
 */
const personalMove = (alias: string) => sql`${sql.raw(alias)}.kind <> 'reorganisation'`;

/** The first day of a month, "YYYY-MM-01". */
const firstDay = (month: string) => `${month}-01`;

/**
 * Loads the facts the reports are computed from, grouped in the database: what crosses the wire
 * is counts by month, department and job family (and the past-standard list, the one list of
 * people HR acts on). Run it inside `asSystem`: the atoms count rows the viewer may not read one
 * by one (Wills, applications); the caller decides the scope and suppresses small groups.
 *
 * "Where a person stood" on a day is read from the moves ledger: the from-side of their first move
 * after that day, else their department and role today. A person is in post from `hired_on` until
 * `left_on` (a deactivated person without a leaving date is counted nowhere).
 */

/** The months a report asks about ("YYYY-MM", both included). */
export type ReportWindow = { from: string; to: string };

/** Groups of facts, so a single report loads only what it is computed from. */
export const factParts = ["headcount", "moves", "fills", "applications", "managers", "pastStandard", "skills", "wills", "retention", "stayers", "participations"] as const;
export type FactPart = (typeof factParts)[number];

export type LoadOptions = {
  /** "YYYY-MM-DD" in Japan time. */
  today: string;
  /** The rotation targets (the caller has read the settings already). */
  settings: Pick<Settings, "rotationTargetPercent" | "departmentRotationTargets">;
  /** Load atoms only for this department and its sub-departments (null: the whole company). */
  rootDepartmentId: number | null;
  /**
   * Organisation scope: count only applications already disclosed to the applicant's manager, or
   * made to postings of these departments (which the organisation sees in its own pipeline).
   */
  visibleApplicationsOf: readonly number[] | null;
  /** Whose Wills count towards fulfilment: those shared with HR, or with the manager. */
  willAudience: "hr" | "manager";
  /** Organisation scope: the past-standard list holds only this manager's direct reports. */
  pastStandardManagerId: number | null;
  /**
   * Departments deeper than this in the tree (0: top level) are counted in their ancestor at this
   * depth: the rows of a report and of its neighbours never go deeper than two levels below the
   * filter department, so finer atoms would only cost (null: every department as it is).
   */
  detailDepth: number | null;
  /** What to load (default: everything). */
  parts?: ReadonlySet<FactPart>;
};

const tokyo = (column: SQL) => sql`(${column} at time zone 'Asia/Tokyo')`;
const monthOf = (column: SQL) => sql`to_char(${tokyo(column)}, 'YYYY-MM')`;
const dayOf = (column: SQL) => sql`(${tokyo(column)})::date`;
/** The instant a Japan-time day starts. */
const instantOf = (day: string) => sql`(${day}::timestamp at time zone 'Asia/Tokyo')`;
const intArray = (ids: readonly number[]) => sql`${`{${ids.join(",")}}`}::int[]`;

/**
 * Joins the lateral `<alias>` holding where `person` stood on `day`: the from-side of their first
 * move after it (null: their department and role today).
 */
const standingJoin = (alias: string, person: SQL, day: SQL) =>
  sql`left join lateral (select m.from_department_id as department_id, m.from_role_id as role_id from moves m
    where m.person_id = ${person} and m.effective_on > ${day} order by m.effective_on, m.id limit 1) as ${sql.raw(alias)} on true`;

/** Each department id (at index id − 1) → the department it is counted in; null when none is rolled up. */
function reportedDepartments(departments: readonly DepartmentNode[], detailDepth: number | null): number[] | null {
  if (detailDepth === null) return null;
  const byId = new Map(departments.map((department) => [department.id, department]));
  const lineage = (id: number): number[] => {
    const chain: number[] = [];
    for (let current: number | null = id; current !== null && byId.has(current) && !chain.includes(current); current = byId.get(current)!.parentId) chain.unshift(current);
    return chain;
  };
  const maxId = Math.max(0, ...departments.map((department) => department.id));
  const reported = Array.from({ length: maxId }, (_, index) => index + 1);
  for (const department of departments) {
    const chain = lineage(department.id);
    if (chain.length > detailDepth + 1) reported[department.id - 1] = chain[detailDepth]!;
  }
  return reported;
}

function subtree(departments: readonly DepartmentNode[], rootId: number): number[] {
  const children = new Map<number | null, number[]>();
  for (const department of departments) children.set(department.parentId, [...(children.get(department.parentId) ?? []), department.id]);
  const ids: number[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    ids.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return ids;
}

export async function loadReportFacts(db: Executor, window: ReportWindow, options: LoadOptions): Promise<ReportFacts> {
  const wants = (part: FactPart) => !options.parts || options.parts.has(part);
  // The period with a month on each side (the neighbours suppression compares).
  const fromMonth = addMonths(window.from, -1);
  const toMonth = addMonths(window.to, 1);
  const startDay = firstDay(fromMonth);
  const endDay = firstDay(addMonths(toMonth, 1));
  const start = instantOf(startDay);
  const end = instantOf(endDay);
  const { today } = options;

  // Grouping a year of a large company's applications sorts and hashes a few hundred thousand rows:
  // room to do it in memory, and no JIT compilation (it costs more than it saves on these queries),
  // until the transaction ends.
  await db.execute(sql`select set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
  const departments = (
    await queryRows<{ id: number; parent_id: number | null; name_ja: string; name_en: string }>(db, sql`select id, parent_id, name_ja, name_en from departments order by id`)
  ).map((row): DepartmentNode => ({ id: row.id, parentId: row.parent_id, name: { ja: row.name_ja, en: row.name_en } }));
  const jobFamilies = (await queryRows<{ id: number; name_ja: string; name_en: string }>(db, sql`select id, name_ja, name_en from job_families order by id`)).map(
    (row): JobFamilyNode => ({ id: row.id, name: { ja: row.name_ja, en: row.name_en } }),
  );

  const reportedAs = reportedDepartments(departments, options.detailDepth);
  const reportedDepartment = (id: number) => reportedAs?.[id - 1] ?? id;
  const rollup = reportedAs === null ? null : sql`${`{${reportedAs.join(",")}}`}::int[]`;
  const rolled = (column: SQL) => (rollup === null ? column : sql`coalesce((${rollup})[${column}], ${column})`);
  const scopeIds = options.rootDepartmentId === null ? null : subtree(departments, options.rootDepartmentId);
  const inScope = (column: SQL) => (scopeIds === null ? sql`true` : sql`${column} = any(${intArray(scopeIds)})`);
  const visible = (application: string) => {
    if (options.visibleApplicationsOf === null) return sql`true`;
    const alias = sql.raw(application);
    return sql`(${alias}.disclosed_at is not null or exists (select 1 from opportunities vo where vo.id = ${alias}.opportunity_id and vo.department_id = any(${intArray(options.visibleApplicationsOf)})))`;
  };

  const { settings } = options;
  const facts: ReportFacts = {
    ...emptyFacts(today, { rotationTargetPercent: settings.rotationTargetPercent, departmentRotationTargets: settings.departmentRotationTargets }),
    departments,
    jobFamilies,
  };

  // ── headcount at each month start, one month past the window (Will coverage reads the end of each month) ──
  const needHeadcount = wants("headcount") || wants("wills") || wants("stayers");
  const headcountMonths = monthsOfPeriod(fromMonth, addMonths(toMonth, 1));
  const headcountByMonth = new Map<string, HeadcountAtom[]>();
  if (needHeadcount) {
    // Walked back from today: everyone in post now, where they stand now; then every hire, leave
    // and move after the window's first month start is undone, from the latest. A move takes the
    // person out of its from-side and into where they stood next (the next move's from-side, else
    // today's post), so a ledger whose to-sides disagree with the next move still counts each person
    // once. An event on day e counts from the first month start on or after e.
    const afterWindow = firstDay(addMonths(toMonth, 2));
    const position = (alias: string) => sql`${rolled(sql`coalesce(${sql.raw(alias)}.department_id, p.department_id)`)}`;
    const baseline = await queryRows<{ department_id: number; job_family_id: number; people: number }>(
      db,
      sql`select ${rolled(sql`p.department_id`)} as department_id, r.family_id as job_family_id, count(*)::int as people
          from people p join roles r on r.id = p.role_id
          where p.active and p.left_on is null and ${inScope(sql`p.department_id`)}
          group by 1, 2`,
    );
    const events = await queryRows<{ bucket: string; department_id: number; job_family_id: number; delta: number }>(
      db,
      sql`with events as (
            select p.hired_on as day, 1 as delta, ${position("at")} as department_id, coalesce(at.role_id, p.role_id) as role_id, coalesce(at.department_id, p.department_id) as raw_department_id
            from people p ${standingJoin("at", sql`p.id`, sql`p.hired_on`)}
            where p.hired_on > ${startDay}::date and (p.active or p.left_on is not null)
            union all
            select p.left_on, -1, ${position("at")}, coalesce(at.role_id, p.role_id), coalesce(at.department_id, p.department_id)
            from people p ${standingJoin("at", sql`p.id`, sql`p.left_on`)}
            where p.left_on > ${startDay}::date and p.left_on > p.hired_on
            union all
            select m.effective_on, -1, ${rolled(sql`m.from_department_id`)}, m.from_role_id, m.from_department_id
            from moves m join people p on p.id = m.person_id
            where m.effective_on > ${startDay}::date and m.effective_on > p.hired_on and (p.left_on is null and p.active or m.effective_on < p.left_on)
            union all
            select m.effective_on, 1, ${position("nx")}, coalesce(nx.role_id, p.role_id), coalesce(nx.department_id, p.department_id)
            from moves m join people p on p.id = m.person_id
            left join lateral (select n.from_department_id as department_id, n.from_role_id as role_id from moves n
              where n.person_id = m.person_id and (n.effective_on, n.id) > (m.effective_on, m.id) order by n.effective_on, n.id limit 1) as nx on true
            where m.effective_on > ${startDay}::date and m.effective_on > p.hired_on and (p.left_on is null and p.active or m.effective_on < p.left_on)
          )
          select to_char(least((date_trunc('month', (e.day - 1)::timestamp) + interval '1 month')::date, ${afterWindow}::date), 'YYYY-MM') as bucket,
            e.department_id, r.family_id as job_family_id, sum(e.delta)::int as delta
          from events e join roles r on r.id = e.role_id
          where ${inScope(sql`e.raw_department_id`)}
          group by 1, 2, 3`,
    );
    const key = (departmentId: number, jobFamilyId: number) => `${departmentId}:${jobFamilyId}`;
    const current = new Map<string, number>();
    for (const row of baseline) current.set(key(row.department_id, row.job_family_id), row.people);
    const undo = new Map<string, { departmentId: number; jobFamilyId: number; delta: number }[]>();
    for (const row of events) {
      if (!current.has(key(row.department_id, row.job_family_id))) current.set(key(row.department_id, row.job_family_id), 0);
      undo.set(row.bucket, [...(undo.get(row.bucket) ?? []), { departmentId: row.department_id, jobFamilyId: row.job_family_id, delta: row.delta }]);
    }
    const undoFrom = (bucket: string) => {
      for (const event of undo.get(bucket) ?? []) {
        const at = key(event.departmentId, event.jobFamilyId);
        current.set(at, current.get(at)! - event.delta);
      }
    };
    // Events after the last month start the reports need, then month by month backwards.
    undoFrom(addMonths(toMonth, 2));
    for (const month of [...headcountMonths].reverse()) {
      headcountByMonth.set(
        month,
        [...current].flatMap(([at, people]) => {
          if (people === 0) return [];
          const [departmentId, jobFamilyId] = at.split(":").map(Number) as [number, number];
          return [{ month, departmentId, jobFamilyId, people }];
        }),
      );
      undoFrom(month);
    }
    if (wants("headcount")) facts.headcount = monthsOfPeriod(fromMonth, toMonth).flatMap((month) => headcountByMonth.get(month) ?? []);
  }

  if (wants("moves")) {
    const rows = await queryRows<{ month: string; from_department_id: number; from_family_id: number; to_department_id: number; to_family_id: number; count: number }>(
      db,
      sql`select to_char(m.effective_on, 'YYYY-MM') as month, ${rolled(sql`m.from_department_id`)} as from_department_id, fr.family_id as from_family_id, ${rolled(sql`m.to_department_id`)} as to_department_id, tr.family_id as to_family_id, count(*)::int as count
          from moves m join roles fr on fr.id = m.from_role_id join roles tr on tr.id = m.to_role_id
          where ${personalMove("m")} and m.effective_on >= ${startDay}::date and m.effective_on < ${endDay}::date and (${inScope(sql`m.from_department_id`)} or ${inScope(sql`m.to_department_id`)})
          group by 1, 2, 3, 4, 5`,
    );
    facts.moves = rows.map((row): MoveAtom => ({
      month: row.month,
      departmentId: row.from_department_id,
      jobFamilyId: row.from_family_id,
      toDepartmentId: row.to_department_id,
      toJobFamilyId: row.to_family_id,
      moves: row.count,
    }));
  }

  if (wants("fills")) {
    // One row per posting filled in the window (thousands at most), summed here. A posting without
    // a role counts in its owner's role family; time to fill runs to the last HR finalisation of a
    // move into it.
    const rows = await queryRows<{ month: string; department_id: number; job_family_id: number; internal: boolean; days: number | null }>(
      db,
      sql`with filled as materialized (
            select o.id, o.department_id, o.role_id, o.owner_id, o.opened_at, coalesce(o.closed_at, o.updated_at) as filled_at
            from opportunities o
            where o.status = 'filled' and coalesce(o.closed_at, o.updated_at) >= ${start} and coalesce(o.closed_at, o.updated_at) < ${end} and ${inScope(sql`o.department_id`)}
          ),
          moved as materialized (
            select a.opportunity_id, max(s.decided_at) as finalized_at
            from filled f join applications a on a.opportunity_id = f.id join moves mv on mv.application_id = a.id
            left join approval_steps s on s.application_id = a.id and s.step = 'hr_finalize'
            group by a.opportunity_id
          )
          select ${monthOf(sql`f.filled_at`)} as month, ${rolled(sql`f.department_id`)} as department_id, coalesce(posted.family_id, owned.family_id) as job_family_id,
            m.opportunity_id is not null as internal,
            case when m.finalized_at >= f.opened_at then floor(extract(epoch from m.finalized_at - f.opened_at) / 86400)::int end as days
          from filled f left join moved m on m.opportunity_id = f.id left join roles posted on posted.id = f.role_id
          join people owner on owner.id = f.owner_id join roles owned on owned.id = owner.role_id`,
    );
    const fills = new Map<string, FillAtom>();
    const durations = new Map<string, DurationAtom>();
    for (const row of rows) {
      const key = `${row.month}:${row.department_id}:${row.job_family_id}`;
      const fill = fills.get(key) ?? { month: row.month, departmentId: row.department_id, jobFamilyId: row.job_family_id, filled: 0, internal: 0 };
      fill.filled += 1;
      if (row.internal) fill.internal += 1;
      fills.set(key, fill);
      if (row.days === null) continue;
      const durationKey = `${key}:${row.days}`;
      const duration = durations.get(durationKey) ?? { month: row.month, departmentId: row.department_id, jobFamilyId: row.job_family_id, days: row.days, count: 0 };
      duration.count += 1;
      durations.set(durationKey, duration);
    }
    facts.fills = [...fills.values()];
    facts.timeToFill = [...durations.values()];
  }

  if (wants("applications")) {
    const rows = await queryRows<{
      month: string;
      department_id: number;
      job_family_id: number;
      released: boolean;
      shortlisted: boolean;
      offered: boolean;
      finalized: boolean;
      moved: boolean;
      outcome: ApplicationAtom["outcome"];
      count: number;
    }>(
      db,
      sql`select ${monthOf(sql`a.created_at`)} as month, ${rolled(sql`a.applicant_department_id`)} as department_id, r.family_id as job_family_id,
            a.release_status in ('approved', 'overridden') as released, a.hiring_stage <> 'review' as shortlisted, a.hiring_stage = 'offered' as offered,
            a.status in ('finalized', 'completed') as finalized, mv.id is not null as moved, a.status as outcome, count(*)::int as count
          from applications a join roles r on r.id = a.applicant_role_id left join moves mv on mv.application_id = a.id
          where a.created_at >= ${start} and a.created_at < ${end} and ${inScope(sql`a.applicant_department_id`)} and ${visible("a")}
          group by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    );
    facts.applications = rows.map((row): ApplicationAtom => ({
      month: row.month,
      departmentId: row.department_id,
      jobFamilyId: row.job_family_id,
      released: row.released,
      shortlisted: row.shortlisted,
      offered: row.offered,
      finalized: row.finalized,
      moved: row.moved,
      outcome: row.outcome,
      applications: row.count,
    }));
    const steps = await queryRows<{ month: string; department_id: number; job_family_id: number; step: ApprovalStepName; days: number; count: number }>(
      db,
      sql`select ${monthOf(sql`s.created_at`)} as month, ${rolled(sql`a.applicant_department_id`)} as department_id, r.family_id as job_family_id, s.step,
            floor(extract(epoch from s.decided_at - s.created_at) / 86400)::int as days, count(*)::int as count
          from approval_steps s join applications a on a.id = s.application_id join roles r on r.id = a.applicant_role_id
          where s.decided_at is not null and s.decided_at >= s.created_at and s.created_at >= ${start} and s.created_at < ${end}
            and ${inScope(sql`a.applicant_department_id`)} and ${visible("a")}
          group by 1, 2, 3, 4, 5`,
    );
    facts.stepDurations = steps.map((row): StepDurationAtom => ({ month: row.month, departmentId: row.department_id, jobFamilyId: row.job_family_id, step: row.step, days: row.days, count: row.count }));
  }

  if (wants("managers")) {
    // Company-wide: the scorecard sets each manager beside the company's median manager.
    const releases = await queryRows<{ month: string; department_id: number; job_family_id: number; manager_id: number; decision: ManagerReleaseAtom["decision"]; days: number; overdue: boolean; count: number }>(
      db,
      sql`select ${monthOf(sql`s.decided_at`)} as month, ${rolled(sql`a.applicant_department_id`)} as department_id, r.family_id as job_family_id, s.approver_id as manager_id, s.decision,
            floor(extract(epoch from s.decided_at - s.created_at) / 86400)::int as days, coalesce(s.decided_at > s.due_at, false) as overdue, count(*)::int as count
          from approval_steps s join applications a on a.id = s.application_id join roles r on r.id = a.applicant_role_id
          where s.step = 'manager_release' and s.decision in ('approved', 'later', 'declined') and s.approver_id is not null and s.decided_at >= s.created_at
            and s.decided_at >= ${start} and s.decided_at < ${end} and ${visible("a")}
          group by 1, 2, 3, 4, 5, 6, 7`,
    );
    facts.managerReleases = releases.map((row): ManagerReleaseAtom => ({
      month: row.month,
      departmentId: row.department_id,
      jobFamilyId: row.job_family_id,
      managerId: row.manager_id,
      decision: row.decision,
      days: row.days,
      overdue: row.overdue,
      count: row.count,
    }));
    // Deadlines fall at the end of a Japan day (business-days.ts): a step is overdue once its day is over.
    const overdue = await queryRows<{ manager_id: number; department_id: number; job_family_id: number; count: number }>(
      db,
      sql`select s.approver_id as manager_id, ${rolled(sql`a.applicant_department_id`)} as department_id, r.family_id as job_family_id, count(*)::int as count
          from approval_steps s join applications a on a.id = s.application_id join roles r on r.id = a.applicant_role_id
          where s.step = 'manager_release' and s.decided_at is null and s.approver_id is not null and s.due_at < ${instantOf(today)} and a.status = 'active' and ${visible("a")}
          group by 1, 2, 3`,
    );
    facts.managerOverdue = overdue.map((row): ManagerOverdueAtom => ({ managerId: row.manager_id, departmentId: row.department_id, jobFamilyId: row.job_family_id, open: row.count }));
    const moves = await queryRows<{ month: string; department_id: number; job_family_id: number; manager_id: number; count: number }>(
      db,
      sql`select to_char(m.effective_on, 'YYYY-MM') as month, ${rolled(sql`m.from_department_id`)} as department_id, r.family_id as job_family_id, m.from_manager_id as manager_id, count(*)::int as count
          from moves m join roles r on r.id = m.from_role_id
          where ${personalMove("m")} and m.from_manager_id is not null and m.effective_on >= ${startDay}::date and m.effective_on < ${endDay}::date
          group by 1, 2, 3, 4`,
    );
    facts.managerMoves = moves.map((row): ManagerMoveAtom => ({ month: row.month, departmentId: row.department_id, jobFamilyId: row.job_family_id, managerId: row.manager_id, moves: row.count }));
    const managerIds = [...new Set([...facts.managerReleases, ...facts.managerOverdue, ...facts.managerMoves].map((atom) => atom.managerId))];
    if (managerIds.length > 0) {
      const rows = await queryRows<{ id: number; family_name: string; given_name: string; romanized_name: string; department_id: number }>(
        db,
        sql`select id, family_name, given_name, romanized_name, department_id from people where id = any(${intArray(managerIds)}) order by id`,
      );
      facts.managers = rows.map((row): ManagerNode => ({ id: row.id, name: personName(row), departmentId: reportedDepartment(row.department_id) }));
    }
  }

  if (wants("pastStandard")) {
    const rows = await queryRows<{
      id: number;
      family_name: string;
      given_name: string;
      romanized_name: string;
      department_id: number;
      job_family_id: number;
      role_ja: string;
      role_en: string;
      level: number;
      days_at_level: number;
      standard_years: string | number;
    }>(
      db,
      sql`select p.id, p.family_name, p.given_name, p.romanized_name, p.department_id, r.family_id as job_family_id, r.name_ja as role_ja, r.name_en as role_en, p.level,
            (${today}::date - greatest(p.level_since, p.role_since, coalesce(last_move.effective_on, p.level_since))) as days_at_level, rl.standard_years
          from people p join roles r on r.id = p.role_id join role_levels rl on rl.role_id = p.role_id and rl.level = p.level
          left join lateral (select max(m.effective_on) as effective_on from moves m where m.person_id = p.id) as last_move on true
          where p.active and ${inScope(sql`p.department_id`)} ${options.pastStandardManagerId === null ? sql`` : sql`and p.manager_id = ${options.pastStandardManagerId}`}
            and (${today}::date - greatest(p.level_since, p.role_since, coalesce(last_move.effective_on, p.level_since))) > rl.standard_years * 365.25
          order by 10 - rl.standard_years * 365.25 desc, p.id`,
    );
    facts.pastStandard = rows.map((row): PastStandardPerson => ({
      personId: row.id,
      name: personName(row),
      departmentId: row.department_id,
      jobFamilyId: row.job_family_id,
      role: { ja: row.role_ja, en: row.role_en },
      level: row.level,
      yearsAtLevel: Math.floor((row.days_at_level / 365.25) * 10) / 10,
      standardYears: Number(row.standard_years),
    }));
  }

  if (wants("skills")) {
    const demand = await queryRows<{ skill_id: number; level: number; department_id: number; job_family_id: number; count: number }>(
      db,
      sql`select os.skill_id, os.level, ${rolled(sql`o.department_id`)} as department_id, coalesce(posted.family_id, owned.family_id) as job_family_id, count(*)::int as count
          from opportunity_skills os join opportunities o on o.id = os.opportunity_id left join roles posted on posted.id = o.role_id
          join people owner on owner.id = o.owner_id join roles owned on owned.id = owner.role_id
          where o.status = 'open' and os.kind = 'required' and ${inScope(sql`o.department_id`)}
          group by 1, 2, 3, 4`,
    );
    facts.skillDemand = demand.map((row): SkillDemandAtom => ({ skillId: row.skill_id, level: row.level, departmentId: row.department_id, jobFamilyId: row.job_family_id, postings: row.count }));
    const skillIds = [...new Set(facts.skillDemand.map((atom) => atom.skillId))];
    if (skillIds.length > 0) {
      const supply = await queryRows<{ skill_id: number; level: number; department_id: number; job_family_id: number; count: number }>(
        db,
        sql`select ps.skill_id, ps.level, ${rolled(sql`p.department_id`)} as department_id, r.family_id as job_family_id, count(*)::int as count
            from person_skills ps join people p on p.id = ps.person_id join roles r on r.id = p.role_id
            where p.active and ps.skill_id = any(${intArray(skillIds)}) and ${inScope(sql`p.department_id`)}
            group by 1, 2, 3, 4`,
      );
      facts.skillSupply = supply.map((row): SkillSupplyAtom => ({ skillId: row.skill_id, level: row.level, departmentId: row.department_id, jobFamilyId: row.job_family_id, people: row.count }));
      const skills = await queryRows<{ id: number; name_ja: string; name_en: string }>(db, sql`select id, name_ja, name_en from skills where id = any(${intArray(skillIds)}) order by id`);
      facts.skills = skills.map((row): SkillNode => ({ id: row.id, name: { ja: row.name_ja, en: row.name_en } }));
    }
  }

  if (wants("wills")) {
    // In post at a month's end = in post at the next month's start; reviewed = a Will saved in the 180 days before.
    const months = monthsOfPeriod(fromMonth, toMonth);
    const ends = months.map((month) => firstDay(addMonths(month, 1)));
    const reviewed = await queryRows<{ month: string; department_id: number; job_family_id: number; count: number }>(
      db,
      sql`with ends as (select unnest(${`{${ends.join(",")}}`}::date[]) as day),
          recent as (
            select distinct e.day, v.person_id from ends e join will_versions v
              on v.saved_at >= ((e.day - 180)::timestamp at time zone 'Asia/Tokyo') and v.saved_at < (e.day::timestamp at time zone 'Asia/Tokyo')
          )
          select to_char(x.day - 1, 'YYYY-MM') as month, ${rolled(sql`coalesce(at.department_id, p.department_id)`)} as department_id, r.family_id as job_family_id, count(*)::int as count
          from recent x join people p on p.id = x.person_id and p.hired_on <= x.day and (p.left_on > x.day or (p.left_on is null and p.active))
          ${standingJoin("at", sql`x.person_id`, sql`x.day`)}
          join roles r on r.id = coalesce(at.role_id, p.role_id)
          where ${inScope(sql`coalesce(at.department_id, p.department_id)`)}
          group by 1, 2, 3`,
    );
    const coverage = new Map<string, WillCoverageAtom>();
    months.forEach((month) => {
      for (const atom of headcountByMonth.get(addMonths(month, 1)) ?? []) {
        coverage.set(`${month}:${atom.departmentId}:${atom.jobFamilyId}`, { month, departmentId: atom.departmentId, jobFamilyId: atom.jobFamilyId, people: atom.people, reviewed: 0 });
      }
    });
    for (const row of reviewed) {
      const key = `${row.month}:${row.department_id}:${row.job_family_id}`;
      const atom = coverage.get(key) ?? { month: row.month, departmentId: row.department_id, jobFamilyId: row.job_family_id, people: 0, reviewed: 0 };
      atom.reviewed += row.count;
      coverage.set(key, atom);
    }
    facts.willCoverage = [...coverage.values()];

    const shared = options.willAudience === "hr" ? sql`v.share_with_hr` : sql`v.share_with_manager`;
    const yearLater = sql`(l.saved_day + interval '12 months')::date`;
    const grows = (opportunity: SQL) =>
      sql`exists (select 1 from opportunity_skills os where os.opportunity_id = ${opportunity} and os.kind in ('grows', 'required') and os.skill_id = any(l.desired_skill_ids))`;
    const fulfilment = await queryRows<{ month: string; department_id: number; job_family_id: number; observable: boolean; wills: number; fulfilled: number }>(
      db,
      sql`with latest as (
            select distinct on (v.person_id, ${monthOf(sql`v.saved_at`)}) v.person_id, ${monthOf(sql`v.saved_at`)} as month, ${dayOf(sql`v.saved_at`)} as saved_day,
              v.target_role_ids, v.desired_skill_ids
            from will_versions v
            where v.saved_at >= ${start} and v.saved_at < ${end} and ${shared}
            order by v.person_id, ${monthOf(sql`v.saved_at`)}, v.saved_at desc, v.version desc
          )
          select l.month, ${rolled(sql`coalesce(at.department_id, p.department_id)`)} as department_id, r.family_id as job_family_id,
            ${yearLater} <= ${today}::date as observable, count(*)::int as wills,
            count(*) filter (where
              exists (select 1 from moves m where m.person_id = l.person_id and ${personalMove("m")} and m.effective_on > l.saved_day and m.effective_on <= ${yearLater}
                and (m.to_role_id = any(l.target_role_ids) or exists (select 1 from applications a where a.id = m.application_id and ${grows(sql`a.opportunity_id`)})))
              or exists (select 1 from participations pa where pa.person_id = l.person_id and pa.start_on >= l.saved_day and pa.start_on <= ${yearLater} and ${grows(sql`pa.opportunity_id`)})
            )::int as fulfilled
          from latest l join people p on p.id = l.person_id
          ${standingJoin("at", sql`l.person_id`, sql`l.saved_day`)}
          join roles r on r.id = coalesce(at.role_id, p.role_id)
          where (cardinality(l.target_role_ids) > 0 or cardinality(l.desired_skill_ids) > 0) and ${inScope(sql`coalesce(at.department_id, p.department_id)`)}
          group by 1, 2, 3, 4`,
    );
    facts.willFulfilment = fulfilment.map((row): WillFulfilmentAtom => ({
      month: row.month,
      departmentId: row.department_id,
      jobFamilyId: row.job_family_id,
      wills: row.wills,
      fulfilled: row.fulfilled,
      observable: row.observable,
    }));
  }

  const retentionContext: RetentionContext = { fromMonth, toMonth, startDay, endDay, start, end, rolled, today, inScope, visible, headcountByMonth };
  if (wants("retention")) facts.retention = await loadMoverRetention(db, retentionContext);
  if (wants("stayers")) facts.retentionOfStayers = await loadStayerRetention(db, retentionContext);

  if (wants("participations")) {
    const rows = await queryRows<{ month: string; department_id: number; job_family_id: number; kind: ParticipationAtom["kind"]; participants: number; moved: number }>(
      db,
      sql`select to_char(pa.start_on, 'YYYY-MM') as month, ${rolled(sql`coalesce(at.department_id, p.department_id)`)} as department_id, r.family_id as job_family_id, o.kind,
            count(*)::int as participants,
            count(*) filter (where exists (select 1 from moves m where m.person_id = pa.person_id and ${personalMove("m")} and m.effective_on > pa.start_on and m.effective_on <= (pa.start_on + interval '12 months')::date))::int as moved
          from participations pa join opportunities o on o.id = pa.opportunity_id join people p on p.id = pa.person_id
          ${standingJoin("at", sql`pa.person_id`, sql`pa.start_on`)}
          join roles r on r.id = coalesce(at.role_id, p.role_id)
          where o.kind in ('project', 'trial_joining') and pa.start_on >= ${startDay}::date and pa.start_on < ${endDay}::date
            and ${inScope(sql`coalesce(at.department_id, p.department_id)`)}
          group by 1, 2, 3, 4`,
    );
    facts.participations = rows.map((row): ParticipationAtom => ({
      month: row.month,
      departmentId: row.department_id,
      jobFamilyId: row.job_family_id,
      kind: row.kind,
      participants: row.participants,
      movedWithin12Months: row.moved,
    }));
  }

  return facts;
}

function personName(row: { family_name: string; given_name: string; romanized_name: string }): Bilingual {
  return { ja: `${row.family_name} ${row.given_name}`, en: row.romanized_name };
}

type RetentionContext = {
  fromMonth: string;
  toMonth: string;
  startDay: string;
  endDay: string;
  start: SQL;
  end: SQL;
  today: string;
  rolled: (column: SQL) => SQL;
  inScope: (column: SQL) => SQL;
  visible: (application: string) => SQL;
  headcountByMonth: ReadonlyMap<string, HeadcountAtom[]>;
};

/** A person is retained when they have not left within the 12 months after `day`. */
const retainedAfter = (day: SQL) => sql`(p.left_on is null and p.active or p.left_on > (${day} + interval '12 months')::date)`;

/** Retention a year after an event for movers (from the move) and declined applicants (from the last decision). */
async function loadMoverRetention(db: Executor, context: RetentionContext): Promise<RetentionAtom[]> {
  const { startDay, endDay, start, end, today, inScope, visible, rolled } = context;
  const observable = (day: SQL) => sql`(${day} + interval '12 months')::date <= ${today}::date`;
  type Row = { month: string; department_id: number; job_family_id: number; observable: boolean; people: number; retained: number };

  const moved = await queryRows<Row>(
    db,
    sql`select to_char(m.effective_on, 'YYYY-MM') as month, ${rolled(sql`m.from_department_id`)} as department_id, r.family_id as job_family_id, ${observable(sql`m.effective_on`)} as observable,
          count(*)::int as people, count(*) filter (where ${retainedAfter(sql`m.effective_on`)})::int as retained
        from moves m join people p on p.id = m.person_id join roles r on r.id = m.from_role_id
        where ${personalMove("m")} and m.effective_on >= ${startDay}::date and m.effective_on < ${endDay}::date and ${inScope(sql`m.from_department_id`)}
        group by 1, 2, 3, 4`,
  );
  // Declined applicants, from the decision that ended their application: the hiring manager's
  // decline (also when a posting closes) or HR upholding a manager's refusal to release.
  const declined = await queryRows<Row>(
    db,
    sql`with decided as materialized (
          select s.application_id, ${dayOf(sql`max(s.decided_at)`)} as day
          from approval_steps s where s.decided_at >= ${start} and s.decided_at < ${end} and s.decision in ('decline', 'upheld') group by s.application_id
        )
        select to_char(d.day, 'YYYY-MM') as month, ${rolled(sql`a.applicant_department_id`)} as department_id, r.family_id as job_family_id, ${observable(sql`d.day`)} as observable,
          count(*)::int as people, count(*) filter (where ${retainedAfter(sql`d.day`)})::int as retained
        from decided d join applications a on a.id = d.application_id join people p on p.id = a.person_id join roles r on r.id = a.applicant_role_id
        where a.status in ('declined', 'not_released') and d.day >= ${startDay}::date and d.day < ${endDay}::date
          and ${inScope(sql`a.applicant_department_id`)} and ${visible("a")}
        group by 1, 2, 3, 4`,
  );
  const atom = (cohortName: RetentionAtom["cohort"]) => (row: Row): RetentionAtom => ({
    month: row.month,
    departmentId: row.department_id,
    jobFamilyId: row.job_family_id,
    cohort: cohortName,
    people: row.people,
    retained: row.retained,
    observable: row.observable,
  });
  return [...moved.map(atom("moved")), ...declined.map(atom("declined"))];
}

/** Retention a year after a month's start of everyone in post then who neither applied nor moved that month. */
async function loadStayerRetention(db: Executor, context: RetentionContext): Promise<RetentionAtom[]> {
  const { startDay, endDay, start, end, today, inScope, visible, rolled } = context;
  const months = monthsOfPeriod(context.fromMonth, context.toMonth);
  const starts = `{${months.map(firstDay).join(",")}}`;
  const inPost = sql`p.hired_on <= x.day and (p.left_on > x.day or (p.left_on is null and p.active))`;
  const left = await queryRows<{ month: string; department_id: number; job_family_id: number; count: number }>(
    db,
    sql`with starts as (select unnest(${starts}::date[]) as day)
        select to_char(x.day, 'YYYY-MM') as month, ${rolled(sql`coalesce(at.department_id, p.department_id)`)} as department_id, r.family_id as job_family_id, count(*)::int as count
        from starts x join people p on p.left_on is not null and ${inPost} and p.left_on <= (x.day + interval '12 months')::date
        ${standingJoin("at", sql`p.id`, sql`x.day`)}
        join roles r on r.id = coalesce(at.role_id, p.role_id)
        where ${inScope(sql`coalesce(at.department_id, p.department_id)`)}
        group by 1, 2, 3`,
  );
  const active = await queryRows<{ month: string; department_id: number; job_family_id: number; people: number; left: number }>(
    db,
    sql`with acted as (
          select (date_trunc('month', ${tokyo(sql`a.created_at`)}))::date as day, a.person_id from applications a
            where a.created_at >= ${start} and a.created_at < ${end} and ${visible("a")}
          union
          select (date_trunc('month', m.effective_on::timestamp))::date, m.person_id from moves m where ${personalMove("m")} and m.effective_on >= ${startDay}::date and m.effective_on < ${endDay}::date
        )
        select to_char(x.day, 'YYYY-MM') as month, ${rolled(sql`coalesce(at.department_id, p.department_id)`)} as department_id, r.family_id as job_family_id,
          count(*)::int as people, count(*) filter (where not ${retainedAfter(sql`x.day`)})::int as left
        from acted x join people p on p.id = x.person_id and ${inPost}
        ${standingJoin("at", sql`x.person_id`, sql`x.day`)}
        join roles r on r.id = coalesce(at.role_id, p.role_id)
        where ${inScope(sql`coalesce(at.department_id, p.department_id)`)}
        group by 1, 2, 3`,
  );
  const cohort = new Map<string, { people: number; retained: number }>();
  const entry = (key: string) => {
    const found = cohort.get(key) ?? { people: 0, retained: 0 };
    cohort.set(key, found);
    return found;
  };
  for (const month of months) {
    for (const atom of context.headcountByMonth.get(month) ?? []) {
      const found = entry(`${month}:${atom.departmentId}:${atom.jobFamilyId}`);
      found.people += atom.people;
      found.retained += atom.people;
    }
  }
  for (const row of left) entry(`${row.month}:${row.department_id}:${row.job_family_id}`).retained -= row.count;
  for (const row of active) {
    const found = entry(`${row.month}:${row.department_id}:${row.job_family_id}`);
    found.people -= row.people;
    found.retained -= row.people - row.left;
  }
  const didNotApply: RetentionAtom[] = [];
  for (const [key, value] of cohort) {
    if (value.people <= 0) continue;
    const [month, departmentId, jobFamilyId] = key.split(":") as [string, string, string];
    const observable = firstDay(addMonths(month, 12)) <= today;
    didNotApply.push({ month, departmentId: Number(departmentId), jobFamilyId: Number(jobFamilyId), cohort: "did_not_apply", people: value.people, retained: value.retained, observable });
  }
  return didNotApply;
}

