import { type SQL, asc, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  applications,
  approvalSteps,
  careerConversations,
  departments,
  moves,
  opportunities,
  opportunitySkills,
  participations,
  people,
  personSkills,
  roles,
  skills,
  wills,
  willTargetRoles,
  willVersions,
} from "../schema";
import * as careerMap from "./data/career-map";
import { type NamePart, familyNames, givenNames } from "./data/names";
import { DEMO_AS_OF } from "./demo-company";
import { demoPersonas } from "./personas";
import { type Random, createRandom } from "./random";

/**
 * Three years of history before the demo's "today", so the HR reports mean something out of the
 * box: completed moves in the ledger with their applications and decided approval steps, the
 * applications that went nowhere (declined, withdrawn, not released), projects and trial joinings,
 * Will versions over time, and leavers.
 *
 * Everyone's current post stays as the demo company planned it: a move is written backwards, as
 * the way a person reached the post they hold today (or, for a chain, the post they held before).
 * Only the day they took the role changes. Leavers are extra people who are no longer active.
 * Everything here is decided and in the past, so no inbox, queue or live application changes.
 */

const SEED = 20261031;
const DAY_MS = 86_400_000;
const AS_OF_MS = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
/** The history covers the three years before the demo's today, as three twelve-month years. */
const YEARS = 3;
const yearStart = (year: number) => {
  const today = new Date(AS_OF_MS);
  return Date.UTC(today.getUTCFullYear() - YEARS + year, today.getUTCMonth(), today.getUTCDate());
};
/** The first of `month` (0–11) in the calendar year after the history year starts. */
const inYear = (year: number, month: number) => Date.UTC(new Date(yearStart(year)).getUTCFullYear() + 1, month, 1);
const WINDOW_START = yearStart(0);
/** A person spends at least this long in a post before moving on. */
const MIN_DAYS_IN_POST = 300;
const EMAIL_DOMAIN = "kakezan.example";

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);
/** Office hours in Japan (10:00–17:00 JST) on the day `ms` falls on. */
const officeTime = (rng: Random, ms: number) => new Date(Math.floor(ms / DAY_MS) * DAY_MS + rng.int(1, 8) * 3_600_000 + rng.int(0, 59) * 60_000);
const days = (n: number) => n * DAY_MS;
const monthStart = (ms: number) => {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
};
/**
 * The Japanese HR calendar: moves take effect on 1 April and 1 October (定期異動); internal job
 * postings open and take applications in January–February and July–August (社内公募), decided by
 * the end of March or September. May, June, November and December are quiet: nothing the reports
 * count happens then.
 */
const QUIET_MONTHS = new Set([4, 5, 10, 11]);
/** The first day of the application round (1 January or 1 July) of the half-year `ms` falls in. */
const roundStart = (ms: number) => {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() < 6 ? 0 : 6, 1);
};
/** The last day applications are taken (end of February or August) in the round starting at `start`. */
const roundApplicationsEnd = (start: number) => Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 2, 1) - DAY_MS;
/** The last day decisions are made (31 March or 30 September) in the round starting at `start`. */
const roundDeadline = (start: number) => Date.UTC(new Date(start).getUTCFullYear(), new Date(start).getUTCMonth() + 3, 1) - DAY_MS;
/** A day inside the application window of the round `ms` falls in, from its fourth day (later days wrap round into it). */
const applicationDay = (ms: number) => {
  const first = roundStart(ms) + days(3);
  const window = roundApplicationsEnd(first) - first + DAY_MS;
  return first + (Math.floor(Math.max(0, ms - first) / DAY_MS) * DAY_MS) % window;
};
/** `ms` moved out of a quiet month: back into April or October, the same number of days in. */
const outOfQuietMonth = (ms: number) => {
  const date = new Date(ms);
  if (!QUIET_MONTHS.has(date.getUTCMonth())) return ms;
  const active = date.getUTCMonth() < 6 ? 3 : 9;
  const offset = (ms - Date.UTC(date.getUTCFullYear(), active + 1, 1)) % days(30);
  return Date.UTC(date.getUTCFullYear(), active, 1) + offset;
};
/** `ms` moved forward out of a quiet month, into July or January from its sixth day (after the turn of the half-year). */
const afterQuietMonth = (ms: number) => {
  const date = new Date(ms);
  if (!QUIET_MONTHS.has(date.getUTCMonth())) return ms;
  const next = date.getUTCMonth() < 6 ? Date.UTC(date.getUTCFullYear(), 6, 6) : Date.UTC(date.getUTCFullYear() + 1, 0, 6);
  return next + (ms - Date.UTC(date.getUTCFullYear(), date.getUTCMonth() < 6 ? 4 : 10, 1)) % days(23);
};
const nextMonthStart = (ms: number) => {
  const date = new Date(ms);
  const first = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  return first === ms ? ms : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
};

type Post = { departmentId: number; roleId: number };
type Release = "approved" | "later" | "overridden";
type Policy = "until_offer" | "until_shortlist" | "manager_first";

/** One step of a person's path: on `on` (a month's first day) they moved from one post to the next. */
type Hop = { personId: number; on: number; from: Post; to: Post; release: Release };

/**
 * Moves by where people stand today (or, for chains, before their last move) and where they came
 * from, per history year (oldest first). `from` roles "=" keep the person's role.
 */
type Flow = {
  to: string;
  toRoles?: readonly string[];
  from: ReadonlyArray<readonly [department: string, role: string, weight: number]>;
  perYear: readonly [number, number, number];
  /** The months (0–11) the moves take effect in, when not both 定期異動 rounds. */
  months?: readonly number[];
};

const csFrontline = ["CS-TKY-T1", "CS-SDJ-T1", "CS-FUK-T1"] as const;

const flows: readonly Flow[] = [
  // Customer support → product QA: the bugs CS hears about first. QA sits in Tokyo beside the
  // Tokyo centre, whose escalation leaders and operators reproduce the bugs it fixes, and takes
  // its intake from there each April, when the year's release plan is set; the quality management
  // department and the other sites send a few more.
  { to: "PRD-QA", toRoles: ["product-qa"], from: [["CS-TKY-ESC", "cs-leader", 1], ["CS-TKY-T1", "cs-operator", 1]], perYear: [1, 1, 5], months: [3] },
  { to: "PRD-QA", toRoles: ["product-qa"], from: [["CS-QM", "cs-qa", 2], ["CS-SDJ-CHT", "cs-operator", 1], ["CS-FUK-ESC", "cs-leader", 1]], perYear: [1, 1, 1] },
  // → product management: the voice of the customer in the roadmap.
  { to: "PRD-PM", toRoles: ["product-manager"], from: [["CS-SDJ-CHT", "cs-knowledge-manager", 2], ["CS-TKY-ESC", "cs-leader", 2], ["CS-TKY-T1", "cs-leader", 1], ["CS-QM", "cs-knowledge-manager", 2], ["CS-SDJ-T1", "cs-leader", 1]], perYear: [2, 3, 4] },
  // → HR: trainers into people development, leaders into recruiting and HR business partnering.
  { to: "HR", toRoles: ["hr-people-development"], from: [["CS-QM", "cs-trainer", 3], ["CS-TKY-T1", "cs-ojt-supporter", 1]], perYear: [1, 1, 1] },
  { to: "HR", toRoles: ["recruiter", "hrbp"], from: [["CS-TKY-T1", "cs-leader", 1], ["CS-SDJ-T1", "cs-leader", 1], ["CS-TKY-ESC", "cs-leader", 1]], perYear: [1, 1, 2] },
  // → business development: workforce analysts and escalation leaders.
  { to: "BIZ", toRoles: ["bizdev"], from: [["CS-TKY", "cs-wfm-analyst", 2], ["CS-SDJ", "cs-wfm-analyst", 1], ["CS-TKY-ESC", "cs-leader", 1], ["CS-SDJ-CHT", "cs-leader", 1]], perYear: [2, 2, 2] },
  // Fukuoka: few leave, and those who do wait for their release.
  { to: "CS-FUK-ESC", from: [["CS-FUK-T1", "=", 1]], perYear: [1, 1, 2] },
  { to: "SALES", toRoles: ["inside-sales"], from: [["CS-FUK-T1", "cs-operator", 1]], perYear: [1, 1, 1] },
  { to: "CS-QM", from: [["CS-FUK-T1", "cs-operator", 1], ["CS-FUK-ESC", "cs-leader", 1]], perYear: [0, 1, 1] },
  { to: "CSM", toRoles: ["customer-success-manager"], from: [["CS-FUK-ESC", "cs-leader", 1], ["CS-FUK-T1", "cs-leader", 1]], perYear: [1, 0, 1] },
  // Sales: steady, below the rotation target.
  { to: "CSM", toRoles: ["customer-success-manager"], from: [["SALES", "inside-sales", 1]], perYear: [1, 2, 2] },
  { to: "BIZ", toRoles: ["bizdev"], from: [["SALES", "field-sales", 1]], perYear: [1, 0, 1] },
  { to: "CSM-CX", toRoles: ["consultant"], from: [["SALES", "field-sales", 1]], perYear: [1, 1, 1] },
  { to: "MKT", toRoles: ["marketing-planner", "brand-manager"], from: [["SALES", "inside-sales", 1]], perYear: [1, 1, 1] },
  { to: "HR", toRoles: ["recruiter"], from: [["SALES", "field-sales", 1]], perYear: [0, 1, 1] },
  // The Community Department: a stepping stone out of CS, and on into marketing, success and product.
  { to: "MKT", toRoles: ["marketing-planner", "brand-manager"], from: [["COMM", "community-manager", 1]], perYear: [1, 2, 2] },
  { to: "CSM", toRoles: ["customer-success-manager"], from: [["COMM", "community-manager", 1]], perYear: [1, 1, 2] },
  { to: "PRD-PM", toRoles: ["product-manager"], from: [["COMM", "community-manager", 1]], perYear: [0, 1, 1] },
  { to: "BIZ", toRoles: ["bizdev"], from: [["COMM", "community-manager", 1]], perYear: [1, 0, 1] },
  { to: "COMM", toRoles: ["community-manager"], from: [["CS-TKY-T1", "cs-operator", 2], ["CS-SDJ-T1", "cs-operator", 1], ["CS-SDJ-CHT", "cs-operator", 1]], perYear: [2, 2, 3] },
  // → customer success, consulting, sales, marketing, legal.
  { to: "CSM", toRoles: ["customer-success-manager"], from: [["CS-TKY-T1", "cs-operator", 2], ["CS-SDJ-T1", "cs-leader", 1], ["CS-TKY-ESC", "cs-operator", 1], ["CS-SDJ-CHT", "cs-operator", 1]], perYear: [3, 3, 3] },
  { to: "CSM-CX", toRoles: ["consultant"], from: [["CS-QM", "cs-qa", 1], ["CSM", "customer-success-manager", 1]], perYear: [1, 1, 1] },
  { to: "SALES", toRoles: ["inside-sales"], from: [["CS-SDJ-T1", "cs-operator", 1], ["CS-TKY-T1", "cs-operator", 1]], perYear: [1, 1, 1] },
  { to: "MKT", toRoles: ["marketing-planner", "brand-manager"], from: [["CS-TKY-T1", "cs-leader", 1], ["CS-TKY-ESC", "cs-leader", 1]], perYear: [1, 1, 1] },
  { to: "LEGAL", toRoles: ["legal-support"], from: [["CS-SDJ-CHT", "cs-knowledge-manager", 1], ["CS-TKY-ESC", "cs-leader", 1]], perYear: [1, 0, 1] },
  { to: "PRD-PM", toRoles: ["product-manager"], from: [["PRD-QA", "product-qa", 1]], perYear: [1, 1, 1] },
  // Within customer support: frontline → escalation, quality management and workforce planning.
  { to: "CS-QM", from: [["CS-TKY-T1", "cs-operator", 2], ["CS-TKY-ESC", "cs-leader", 1], ["CS-SDJ-T1", "cs-leader", 1], ["CS-SDJ-CHT", "cs-operator", 1]], perYear: [3, 2, 3] },
  { to: "CS-TKY-ESC", from: [["CS-TKY-T1", "=", 1]], perYear: [2, 2, 3] },
  { to: "CS-SDJ-CHT", from: [["CS-SDJ-T1", "=", 1]], perYear: [1, 2, 2] },
  { to: "CS-TKY", toRoles: ["cs-wfm-analyst"], from: [["CS-TKY-T1", "cs-leader", 1]], perYear: [0, 1, 1] },
  { to: "CS-SDJ-T1", from: [["CS-TKY-T1", "=", 1]], perYear: [1, 1, 2] },
];

/** Earlier steps of a chain: someone who moved out of `via` had first moved into it from here. */
const chainSources: Record<string, ReadonlyArray<readonly [department: string, role: string]>> = {
  "CS-QM": [["CS-TKY-T1", "cs-operator"], ["CS-SDJ-T1", "cs-operator"], ["CS-SDJ-CHT", "cs-operator"]],
  "CS-TKY-ESC": [["CS-TKY-T1", "cs-operator"]],
  "CS-SDJ-CHT": [["CS-SDJ-T1", "cs-operator"]],
  COMM: [["CS-TKY-T1", "cs-operator"], ["CS-SDJ-T1", "cs-operator"]],
  SALES: [["CS-FUK-T1", "cs-operator"]],
};

/** The department whose manager holds on to people: most releases declined or put off. */
const HOARDING_DEPARTMENT = "CS-FUK-T1";

type Posting = {
  key: number;
  kind: "transfer" | "project" | "trial_joining";
  status: "filled" | "closed";
  departmentId: number;
  roleId: number | null;
  ownerId: number;
  title: string;
  description: string;
  timePercent: number;
  openedAt: Date;
  closedAt: Date;
  startOn: string | null;
  endOn: string | null;
  skillsFrom: string;
};

type StepPlan = {
  step: "hiring_decision" | "manager_release" | "hr_decline_review" | "hr_finalize";
  approverId: number | null;
  createdAt: Date;
  dueAt?: Date;
  escalatedAt?: Date;
  decidedAt: Date;
  decidedById: number;
  decision: string;
  reason?: string;
};

type ApplicationPlan = {
  posting: number;
  personId: number;
  status: "withdrawn" | "declined" | "not_released" | "completed";
  stage: "review" | "shortlisted" | "interview" | "offered";
  release: "not_requested" | "approved" | "later" | "declined" | "overridden";
  policy: Policy;
  from: Post;
  managerId: number | null;
  createdAt: Date;
  disclosedAt: Date | null;
  releaseOn: string | null;
  effectiveOn: string | null;
  reason: string | null;
  steps: StepPlan[];
  /** The ledger row or participation it produced. */
  hop?: Hop;
  participation?: { startOn: string; endOn: string; timePercent: number; endorsedAt: Date };
};

const motivations = [
  "お客様の声を一番近くで聞いてきた経験を、新しい場所で活かしたいです。",
  "問い合わせ対応で見えた課題を、根本から解決する側に回りたいと考えています。",
  "CSで培った再現手順の書き方と説明力を、次のチームで掛け算にしたいです。",
  "後輩育成で手応えを感じた経験を、より広い範囲で活かしたいです。",
  "データで現場を改善してきた経験を、事業づくりにつなげたいです。",
];
const hiringDeclines = [
  "今回は募集要件により近い方を選考しました。次回の公募でぜひ再挑戦してください。",
  "実務経験をもう少し積んでから、改めてご応募ください。",
  "面接では強みがよく伝わりました。今回は見送りますが、プロジェクトでの協働をご検討ください。",
];
const releaseDeclines = [
  "繁忙期のため、今期の送り出しは難しいです。",
  "後任の育成が終わるまで送り出せないため。",
  "チームの体制が整うまで、異動は見送ってほしい。",
];
const releaseLaters = ["繁忙期明けの送り出しとします。", "引き継ぎ期間を確保するため、翌四半期の発令とします。"];
const overrides = ["本人のキャリア形成を優先し、人事として送り出しを決定しました。", "後任は人事が採用で手当てするため、送り出しを認めます。"];
const upholds = ["部署の体制上やむを得ないと判断しました。次の機会を人事から案内します。", "上長の判断を支持します。半年後に改めて面談します。"];
const withdrawals = ["家庭の事情で、今は異動を見送ります。", "現部署で新しい役割を任されたため、取り下げます。"];

/** Lighter tries: what a project or a trial joining in each department is about. */
const tries: ReadonlyArray<{ department: string; kind: "project" | "trial_joining"; role: string | null; skillsFrom: string; title: string; description: string; timePercent: number; length: number }> = [
  { department: "PRD-QA", kind: "trial_joining", role: "product-qa", skillsFrom: "product-qa", title: "QAグループ体験入部（2週間）", description: "リリース前のテストに2週間参加し、QAの仕事を体験します。", timePercent: 50, length: 14 },
  { department: "PRD-PM", kind: "project", role: null, skillsFrom: "product-manager", title: "問い合わせ分析からの改善提案プロジェクト（兼務20%）", description: "問い合わせの傾向を分析し、プロダクト改善の提案にまとめます。", timePercent: 20, length: 90 },
  { department: "HR", kind: "trial_joining", role: "hr-people-development", skillsFrom: "hr-people-development", title: "人材開発 体験入部（2週間）", description: "新人研修の準備と運営に2週間参加します。", timePercent: 50, length: 14 },
  { department: "SALES", kind: "trial_joining", role: "inside-sales", skillsFrom: "inside-sales", title: "インサイドセールス体験入部（2週間）", description: "商談準備とフォローコールを2週間体験します。", timePercent: 50, length: 14 },
  { department: "MKT", kind: "project", role: null, skillsFrom: "marketing-planner", title: "VOC分析プロジェクト（兼務20%）", description: "お客様の声を分析し、企画チームに届けるプロジェクトです。", timePercent: 20, length: 90 },
  { department: "BIZ", kind: "project", role: null, skillsFrom: "bizdev", title: "新規パートナー調査プロジェクト（兼務10%）", description: "提携候補の調査と、顧客課題の整理を担当します。", timePercent: 10, length: 60 },
  { department: "CSM", kind: "trial_joining", role: "customer-success-manager", skillsFrom: "customer-success-manager", title: "カスタマーサクセス体験入部（2週間）", description: "導入支援のミーティングに2週間同席します。", timePercent: 50, length: 14 },
  { department: "COMM", kind: "project", role: null, skillsFrom: "community-manager", title: "ユーザー会運営プロジェクト（兼務10%）", description: "四半期ごとのユーザー会の企画と当日の運営を担当します。", timePercent: 10, length: 90 },
];

type PersonRow = {
  id: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  email: string;
  departmentId: number;
  roleId: number;
  level: number;
  managerId: number | null;
  hiredOn: string;
  roleSince: string;
  levelSince: string;
  isHr: boolean;
};

/** Seeds the history. Runs last, inside the caller's transaction, after every other demo seeder. */
export async function seedDemoHistory(db: Executor): Promise<void> {
  const rng = createRandom(SEED);
  const departmentRows = await db.select({ id: departments.id, code: departments.code, nameJa: departments.nameJa, parentId: departments.parentId }).from(departments).orderBy(asc(departments.id));
  const departmentId = (code: string) => {
    const found = departmentRows.find((row) => row.code === code);
    if (!found) throw new Error(`The demo history refers to an unknown department: ${code}`);
    return found.id;
  };
  const departmentName = new Map(departmentRows.map((row) => [row.id, row.nameJa]));
  const roleRows = await db.select({ id: roles.id, slug: roles.slug, nameJa: roles.nameJa }).from(roles).orderBy(asc(roles.id));
  const roleId = (slug: string) => {
    const found = roleRows.find((row) => row.slug === slug);
    if (!found) throw new Error(`The demo history refers to an unknown role: ${slug}`);
    return found.id;
  };
  const roleSlug = new Map(roleRows.map((row) => [row.id, row.slug]));
  const roleName = new Map(roleRows.map((row) => [row.id, row.nameJa]));
  const skillIds = new Map((await db.select({ id: skills.id, slug: skills.slug }).from(skills)).map((row) => [row.slug, row.id]));

  const everyone: PersonRow[] = await db
    .select({
      id: people.id,
      employeeNumber: people.employeeNumber,
      familyName: people.familyName,
      givenName: people.givenName,
      email: people.email,
      departmentId: people.departmentId,
      roleId: people.roleId,
      level: people.level,
      managerId: people.managerId,
      hiredOn: people.hiredOn,
      roleSince: people.roleSince,
      levelSince: people.levelSince,
      isHr: people.isHr,
    })
    .from(people)
    .orderBy(asc(people.id));
  const byId = new Map(everyone.map((person) => [person.id, person]));
  const reportCount = new Map<number, number>();
  for (const person of everyone) if (person.managerId !== null) reportCount.set(person.managerId, (reportCount.get(person.managerId) ?? 0) + 1);
  // A department's head: the person there with the most reports.
  const headOf = new Map<number, number>();
  for (const department of departmentRows) {
    const members = everyone.filter((person) => person.departmentId === department.id);
    const head = [...members].sort((a, b) => (reportCount.get(b.id) ?? 0) - (reportCount.get(a.id) ?? 0) || a.id - b.id)[0];
    if (head) headOf.set(department.id, head.id);
  }
  const head = (id: number) => {
    const found = headOf.get(id);
    if (found === undefined) throw new Error(`Department ${id} has nobody to lead it`);
    return found;
  };
  /** The manager of a member of the department: its head (the head's own manager leads them). */
  const managerIn = (department: number, personId: number) => {
    const lead = head(department);
    return lead === personId ? byId.get(personId)?.managerId ?? null : lead;
  };

  // Who the history may rewrite: not the personas, nobody leading others, nobody already in the
  // demo's live applications or moves, and nobody whose career conversations with today's manager
  // would then predate the move.
  const personaIds = new Set(demoPersonas.map((persona) => everyone.find((person) => person.employeeNumber === persona.employeeNumber)?.id));
  const involved = new Set<number>([
    ...(await db.select({ id: applications.personId }).from(applications)).map((row) => row.id),
    ...(await db.select({ id: moves.personId }).from(moves)).map((row) => row.id),
  ]);
  const earliestWithManager = new Map<number, number>();
  for (const row of await db.select({ personId: careerConversations.personId, heldOn: careerConversations.heldOn }).from(careerConversations)) {
    earliestWithManager.set(row.personId, Math.min(earliestWithManager.get(row.personId) ?? Infinity, dayOf(row.heldOn)));
  }
  const movable = everyone.filter((person) => !personaIds.has(person.id) && !reportCount.has(person.id) && !involved.has(person.id));

  // ── Moves, written backwards from today's posts ────────────────────────────────────────────
  const hops: Hop[] = [];
  const assigned = new Set<number>();
  /** Each person's moves in date order; built once every move is planned (before anything asks). */
  const hopIndex = new Map<number, Hop[]>();
  const indexHops = () => {
    for (const hop of [...hops].sort((a, b) => a.on - b.on)) hopIndex.set(hop.personId, [...(hopIndex.get(hop.personId) ?? []), hop]);
  };
  const hopsOf = (personId: number) => hopIndex.get(personId) ?? [];
  /**
   * Where each of a flow's moves came from: its sources in turn, each as often as its weight, so
   * every year's moves split between the sources as the weights say rather than as chance has it.
   */
  const sourcesTaken = new Map<Flow, number>();
  const nextSource = (flow: Flow) => {
    const turns = flow.from.flatMap((source) => Array.from({ length: source[2] }, () => source));
    const taken = sourcesTaken.get(flow) ?? 0;
    sourcesTaken.set(flow, taken + 1);
    return turns[taken % turns.length]!;
  };
  /** 1 April or 1 October (the 定期異動 rounds, or only those of `months`) in [from, to), April a little more likely. */
  const effectiveDay = (from: number, to: number, months: readonly number[] = [3, 9]): number | null => {
    const choices: number[] = [];
    for (let month = nextMonthStart(from); month < to; month = nextMonthStart(month + DAY_MS)) {
      const m = new Date(month).getUTCMonth();
      const weight = !months.includes(m) ? 0 : m === 3 ? 4 : m === 9 ? 3 : 0;
      for (let i = 0; i < weight; i++) choices.push(month);
    }
    return choices.length === 0 ? null : rng.pick(choices);
  };
  const latestBefore = (personId: number, bound: number) => Math.min(bound, earliestWithManager.get(personId) ?? Infinity);

  for (let year = 0; year < YEARS; year++) {
    // The last effective date of the history is a month before today: everything has settled.
    const end = Math.min(yearStart(year + 1), AS_OF_MS - days(20));
    for (const flow of flows) {
      const wanted = flow.perYear[year]!;
      const to = departmentId(flow.to);
      const pool = rng.shuffle(
        movable.filter((person) => person.departmentId === to && !assigned.has(person.id) && (!flow.toRoles || flow.toRoles.includes(roleSlug.get(person.roleId)!))),
      );
      let taken = 0;
      for (const person of pool) {
        if (taken === wanted) break;
        const on = effectiveDay(Math.max(yearStart(year), dayOf(person.hiredOn) + days(MIN_DAYS_IN_POST)), latestBefore(person.id, end), flow.months);
        if (on === null) continue;
        const [fromCode, fromRole] = nextSource(flow);
        const from = { departmentId: departmentId(fromCode), roleId: fromRole === "=" ? person.roleId : roleId(fromRole) };
        hops.push({ personId: person.id, on, from, to: { departmentId: person.departmentId, roleId: person.roleId }, release: "approved" });
        assigned.add(person.id);
        taken++;
      }
    }
  }
  // Chains: some who left a stepping-stone post had moved into it within the window too.
  for (const hop of [...hops]) {
    const code = departmentRows.find((row) => row.id === hop.from.departmentId)!.code;
    const sources = chainSources[code];
    if (!sources || !rng.chance(0.45)) continue;
    const person = byId.get(hop.personId)!;
    const on = effectiveDay(Math.max(WINDOW_START, dayOf(person.hiredOn) + days(MIN_DAYS_IN_POST)), hop.on - days(MIN_DAYS_IN_POST));
    if (on === null) continue;
    const [sourceCode, sourceRole] = rng.pick(sources);
    hops.push({ personId: person.id, on, from: { departmentId: departmentId(sourceCode), roleId: roleId(sourceRole) }, to: hop.from, release: "approved" });
  }
  // A move and its reversal: a Sendai operator tried inside sales and came back.
  const returner = rng
    .shuffle(movable.filter((person) => person.departmentId === departmentId("CS-SDJ-T1") && roleSlug.get(person.roleId) === "cs-operator" && !assigned.has(person.id)))
    .find((person) => dayOf(person.hiredOn) < WINDOW_START - days(MIN_DAYS_IN_POST) && latestBefore(person.id, AS_OF_MS) > yearStart(2));
  if (returner) {
    const home = { departmentId: returner.departmentId, roleId: returner.roleId };
    const away = { departmentId: departmentId("SALES"), roleId: roleId("inside-sales") };
    hops.push({ personId: returner.id, on: inYear(0, 3), from: home, to: away, release: "approved" });
    hops.push({ personId: returner.id, on: inYear(1, 9), from: away, to: home, release: "approved" });
    assigned.add(returner.id);
  }

  // ── Leavers: extra people, no longer active, some of whom moved or were turned down first ────
  const takenNames = new Set(everyone.map((person) => person.familyName + person.givenName));
  const takenEmails = new Set(everyone.map((person) => person.email.toLowerCase()));
  const leaverSpecs: ReadonlyArray<{ department: string; role: string; moved?: readonly [department: string, role: string]; declined?: boolean }> = [
    { department: "CS-TKY-T1", role: "cs-operator" },
    { department: "CS-TKY-T1", role: "cs-operator", declined: true },
    { department: "CS-SDJ-T1", role: "cs-operator" },
    { department: "CS-SDJ-T1", role: "cs-operator", declined: true },
    { department: "CS-SDJ-CHT", role: "cs-operator", declined: true },
    { department: "CS-FUK-T1", role: "cs-operator", declined: true },
    { department: "CS-FUK-T1", role: "cs-operator", declined: true },
    { department: "CS-FUK-T1", role: "cs-leader" },
    { department: "CS-FUK-ESC", role: "cs-operator", declined: true },
    { department: "CS-TKY-ESC", role: "cs-leader", declined: true },
    { department: "CS-QM", role: "cs-trainer", declined: true },
    { department: "SALES", role: "field-sales" },
    { department: "SALES", role: "inside-sales", declined: true },
    { department: "SALES", role: "inside-sales" },
    { department: "CSM", role: "customer-success-manager", declined: true },
    { department: "MKT", role: "marketing-planner" },
    { department: "PRD-PM", role: "product-manager", moved: ["CS-TKY-ESC", "cs-leader"] },
    { department: "PRD-QA", role: "product-qa", moved: ["CS-QM", "cs-qa"] },
    { department: "CSM", role: "customer-success-manager", moved: ["CS-SDJ-T1", "cs-operator"] },
    { department: "SALES", role: "inside-sales", moved: ["CS-FUK-T1", "cs-operator"] },
    { department: "COMM", role: "community-manager", moved: ["CS-TKY-T1", "cs-operator"] },
    { department: "BIZ", role: "bizdev", declined: true },
    { department: "LEGAL", role: "legal-support" },
    { department: "HR", role: "recruiter", moved: ["CS-SDJ-T1", "cs-leader"] },
  ];
  const roleLevels = new Map(careerMap.roles.map((role) => [role.slug, role.levels]));
  type Leaver = PersonRow & { leftOn: string; familyNameKana: string; givenNameKana: string; romanizedName: string; declined: boolean; skills: { slug: string; level: number }[] };
  const leavers: Leaver[] = [];
  const pickName = (): { family: NamePart; given: NamePart } => {
    for (;;) {
      const family = rng.pick(familyNames);
      const given = rng.pick(givenNames);
      if (!takenNames.has(family.kanji + given.kanji)) return { family, given };
    }
  };
  let nextNumber = Math.max(...everyone.map((person) => Number(person.employeeNumber.slice(1)))) + 1;
  leaverSpecs.forEach((spec, index) => {
    const { family, given } = pickName();
    takenNames.add(family.kanji + given.kanji);
    const base = `${given.romaji}.${family.romaji}`.toLowerCase();
    let email = `${base}@${EMAIL_DOMAIN}`;
    for (let n = 2; takenEmails.has(email); n++) email = `${base}${n}@${EMAIL_DOMAIN}`;
    takenEmails.add(email);
    // Spread over the three years: the first eight left in the first year, and so on.
    const year = Math.floor((index * YEARS) / leaverSpecs.length);
    // The last day of a month: mostly March or September, the end of a business half-year, else
    // January, February, July or August, so that the head count changes on no first of April to
    // June or of October to December but the 1st of April or October.
    const monthEnds: number[] = [];
    for (let month = nextMonthStart(yearStart(year) + days(20)); month < Math.min(yearStart(year + 1), AS_OF_MS - days(15)); month = nextMonthStart(month + DAY_MS)) {
      const m = new Date(month).getUTCMonth();
      const weight = m === 2 || m === 8 ? 4 : [0, 1, 6, 7].includes(m) ? 1 : 0;
      for (let i = 0; i < weight; i++) monthEnds.push(nextMonthStart(month + DAY_MS) - DAY_MS);
    }
    const leftOn = isoDate(rng.pick(monthEnds));
    const joined = new Date(monthStart(dayOf(leftOn) - days(rng.int(900, 3000))));
    // Joined on the first of a month outside May, June, November and December.
    const hiredMs = QUIET_MONTHS.has(joined.getUTCMonth()) ? Date.UTC(joined.getUTCFullYear(), joined.getUTCMonth() < 6 ? 3 : 9, 1) : joined.getTime();
    const level = rng.int(1, 3);
    const department = departmentId(spec.department);
    const role = roleId(spec.role);
    const id = -(index + 1);
    const levels = roleLevels.get(spec.role)!;
    const expected = [...levels[level - 1]!.skills, ...levels[0].skills];
    const chosen = new Map<string, number>();
    for (const skill of rng.shuffle(expected)) if (chosen.size < 7 && !chosen.has(skill.skill)) chosen.set(skill.skill, skill.level);
    leavers.push({
      id,
      employeeNumber: `E${String(nextNumber++).padStart(5, "0")}`,
      familyName: family.kanji,
      givenName: given.kanji,
      familyNameKana: family.kana,
      givenNameKana: given.kana,
      romanizedName: `${given.romaji} ${family.romaji}`,
      email,
      departmentId: department,
      roleId: role,
      level,
      managerId: head(department),
      hiredOn: isoDate(hiredMs),
      roleSince: isoDate(hiredMs),
      levelSince: isoDate(hiredMs),
      isHr: spec.department === "HR",
      leftOn,
      declined: spec.declined ?? false,
      skills: [...chosen].map(([slug, skillLevel]) => ({ slug, level: skillLevel })),
    });
    if (spec.moved) {
      // Moved, then left: some within the year after the move.
      const on = effectiveDay(Math.max(WINDOW_START, hiredMs + days(MIN_DAYS_IN_POST)), dayOf(leftOn) - days(rng.int(90, 400)));
      if (on !== null) {
        hops.push({ personId: id, on, from: { departmentId: departmentId(spec.moved[0]), roleId: roleId(spec.moved[1]) }, to: { departmentId: department, roleId: role }, release: "approved" });
      }
    }
  });
  indexHops();
  const leaverById = new Map(leavers.map((leaver) => [leaver.id, leaver]));
  const personOf = (id: number): PersonRow => byId.get(id) ?? leaverById.get(id)!;
  /** Where a person stood on a day: before their first later move, or where they are now. */
  const postAt = (personId: number, ms: number): Post => {
    const later = hopsOf(personId).find((hop) => hop.on > ms);
    const person = personOf(personId);
    return later ? later.from : { departmentId: person.departmentId, roleId: person.roleId };
  };
  const employedAt = (personId: number, ms: number) => {
    const person = personOf(personId);
    const leaver = leaverById.get(personId);
    return dayOf(person.hiredOn) <= ms && (!leaver || dayOf(leaver.leftOn) > ms);
  };

  // The hoarding manager puts off or declines most releases; everyone else rarely does.
  const hoarding = departmentId(HOARDING_DEPARTMENT);
  for (const hop of hops) {
    const roll = rng.next();
    hop.release = hop.from.departmentId === hoarding ? (roll < 0.55 ? "later" : roll < 0.7 ? "overridden" : "approved") : roll < 0.07 ? "later" : roll < 0.1 ? "overridden" : "approved";
  }

  const hrStaff = everyone.filter((person) => person.isHr && !reportCount.has(person.id));
  const hrAt = (ms: number, exclude: readonly (number | null)[]) => {
    // HR staff who were already in HR a month before (some came from customer support).
    const available = hrStaff.filter((person) => employedAt(person.id, ms - days(30)) && postAt(person.id, ms - days(30)).departmentId === person.departmentId && !exclude.includes(person.id));
    return rng.pick(available.length > 0 ? available : hrStaff.filter((person) => !exclude.includes(person.id))).id;
  };

  // ── Postings and applications ─────────────────────────────────────────────────────────────
  const postings: Posting[] = [];
  const plans: ApplicationPlan[] = [];
  const roundLabel = (ms: number) => {
    const date = new Date(ms);
    return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月`;
  };
  const addPosting = (posting: Omit<Posting, "key">) => {
    postings.push({ ...posting, key: postings.length });
    return postings.length - 1;
  };
  const releaseDays = (managerDepartment: number) => (managerDepartment === hoarding ? rng.int(6, 16) : rng.int(1, 7));
  /** A release step: due seven business days (nine calendar days) after it opened; escalated to HR once late. */
  const releaseStep = (managerId: number | null, createdAt: Date, decidedAt: Date, decision: string, reason?: string): StepPlan => {
    const dueAt = new Date(createdAt.getTime() + days(9));
    return {
      step: "manager_release",
      approverId: managerId,
      createdAt,
      dueAt,
      ...(decidedAt > dueAt ? { escalatedAt: new Date(dueAt.getTime() + 3_600_000) } : {}),
      decidedAt,
      decidedById: managerId!,
      decision,
      ...(reason ? { reason } : {}),
    };
  };

  /**
   * A completed transfer or try, laid out backwards from its effective day: applied, (shortlisted,)
   * offered, released by the current manager (now, later, or by HR over their decline), finalized
   * by HR, effective on the first of a month.
   */
  const planCompleted = (postingIndex: number, personId: number, effectiveMs: number, release: Release, hop?: Hop) => {
    const posting = postings[postingIndex]!;
    const from = postAt(personId, effectiveMs - DAY_MS);
    const managerId = managerIn(from.departmentId, personId);
    const policy: Policy = rng.chance(0.7) ? "until_offer" : rng.chance(0.5) ? "until_shortlist" : "manager_first";
    const relDays = releaseDays(from.departmentId);
    const hrDays = rng.int(1, 6);
    const overrideDays = release === "overridden" ? rng.int(2, 7) : 0;
    // Applied in the round's window, everything decided by the end of the month before the move.
    const opens = roundStart(effectiveMs - DAY_MS);
    const toOffer = policy === "until_offer" ? rng.int(14, 30) : 0;
    // Under the other policies the manager hears first (at once, or once shortlisted) and the offer waits for the release.
    const toRelease = policy === "until_shortlist" ? rng.int(5, 15) : 0;
    const releaseToOffer = policy === "until_offer" ? 0 : rng.int(3, 20);
    const span = toOffer + toRelease + releaseToOffer + relDays + overrideDays + hrDays;
    const latestApplied = Math.min(roundApplicationsEnd(opens), effectiveMs - days(span + 3));
    const applied = opens + days(rng.int(3, Math.max(3, Math.floor((latestApplied - opens) / DAY_MS))));
    const finalizeMs = applied + days(span);
    const granted = finalizeMs - days(hrDays);
    const offerMs = policy === "until_offer" ? applied + days(toOffer) : granted;
    const releaseOpened = policy === "until_offer" ? offerMs : applied + days(toRelease);
    const hiringManager = posting.ownerId;
    const createdAt = officeTime(rng, applied);
    const opened = officeTime(rng, Math.max(releaseOpened, applied));
    const releaseDecided = officeTime(rng, releaseOpened + days(relDays));
    const hr = hrAt(finalizeMs, [personId, managerId, hiringManager]);
    const steps: StepPlan[] = [
      { step: "hiring_decision", approverId: hiringManager, createdAt, decidedAt: officeTime(rng, Math.max(offerMs, applied + DAY_MS)), decidedById: hiringManager, decision: "offer" },
    ];
    let reason: string | null = null;
    if (release === "overridden") {
      const declineReason = rng.pick(releaseDeclines);
      steps.push(releaseStep(managerId, opened, releaseDecided, "declined", declineReason));
      reason = rng.pick(overrides);
      steps.push({ step: "hr_decline_review", approverId: null, createdAt: releaseDecided, decidedAt: officeTime(rng, releaseDecided.getTime() + days(overrideDays)), decidedById: hr, decision: "overridden", reason });
    } else if (release === "later") {
      reason = rng.pick(releaseLaters);
      steps.push(releaseStep(managerId, opened, releaseDecided, "later", reason));
    } else {
      steps.push(releaseStep(managerId, opened, releaseDecided, "approved"));
    }
    const finalizeOpened = new Date(Math.max(steps[steps.length - 1]!.decidedAt.getTime(), steps[0]!.decidedAt.getTime()));
    steps.push({ step: "hr_finalize", approverId: null, createdAt: finalizeOpened, decidedAt: officeTime(rng, Math.max(finalizeMs, finalizeOpened.getTime() + DAY_MS)), decidedById: hr, decision: "finalized" });
    const effectiveOn = isoDate(effectiveMs);
    plans.push({
      posting: postingIndex,
      personId,
      status: "completed",
      stage: "offered",
      release,
      policy,
      from,
      managerId,
      createdAt,
      disclosedAt: opened,
      releaseOn: release === "later" ? effectiveOn : null,
      effectiveOn,
      reason,
      steps,
      ...(hop ? { hop } : {}),
    });
    return { applied, opens, finalized: steps[steps.length - 1]!.decidedAt.getTime() };
  };

  const skillsFromOf = (post: Post) => roleSlug.get(post.roleId)!;
  for (const hop of [...hops].sort((a, b) => a.on - b.on || a.personId - b.personId)) {
    const index = addPosting({
      kind: "transfer",
      status: "filled",
      departmentId: hop.to.departmentId,
      roleId: hop.to.roleId,
      ownerId: managerIn(hop.to.departmentId, hop.personId)!,
      title: `${roleName.get(hop.to.roleId)}（${departmentName.get(hop.to.departmentId)}）${roundLabel(hop.on)}発令`,
      description: "社内公募による異動です。",
      timePercent: 100,
      openedAt: new Date(0),
      closedAt: new Date(0),
      startOn: isoDate(hop.on),
      endOn: null,
      skillsFrom: skillsFromOf(hop.to),
    });
    const { applied, opens, finalized } = planCompleted(index, hop.personId, hop.on, hop.release, hop);
    postings[index]!.openedAt = officeTime(rng, Math.max(opens, applied - days(rng.int(2, 20))));
    postings[index]!.closedAt = new Date(finalized);
  }

  // Applications that went nowhere. Applicants: people whose post at the time is known, away from
  // the posting's department.
  const applicantsAt = (ms: number, postingDepartment: number, preferDepartment?: number) => {
    const candidates = [...movable, ...leavers].filter(
      (person) => employedAt(person.id, ms - days(200)) && employedAt(person.id, ms + days(60)) && postAt(person.id, ms).departmentId !== postingDepartment,
    );
    const preferred = preferDepartment === undefined ? [] : candidates.filter((person) => postAt(person.id, ms).departmentId === preferDepartment);
    return preferred.length > 0 && rng.chance(0.6) ? rng.pick(preferred) : rng.pick(candidates);
  };
  const planEnded = (postingIndex: number, personId: number, askedMs: number, outcome: "withdrawn" | "declined" | "not_released") => {
    const posting = postings[postingIndex]!;
    // Applied within the round's window and decided by its end (31 March or 30 September).
    const deadline = roundDeadline(roundStart(askedMs));
    const toOffer = rng.int(14, 40);
    const releaseDecision = releaseDays(postAt(personId, askedMs).departmentId);
    const upholdDays = rng.int(2, 8);
    const appliedMs = Math.min(applicationDay(askedMs), deadline - days(outcome === "not_released" ? toOffer + releaseDecision + upholdDays : 25));
    const from = postAt(personId, appliedMs);
    const managerId = managerIn(from.departmentId, personId);
    const createdAt = officeTime(rng, appliedMs);
    const hiringManager = posting.ownerId;
    if (outcome === "withdrawn") {
      const at = officeTime(rng, appliedMs + days(rng.int(3, 25)));
      const reason = rng.pick(withdrawals);
      plans.push({ posting: postingIndex, personId, status: "withdrawn", stage: rng.pick(["review", "shortlisted"] as const), release: "not_requested", policy: "until_offer", from, managerId, createdAt, disclosedAt: null, releaseOn: null, effectiveOn: null, reason, steps: [{ step: "hiring_decision", approverId: hiringManager, createdAt, decidedAt: at, decidedById: personId, decision: "withdrawn", reason }] });
      return at.getTime();
    }
    if (outcome === "declined") {
      const at = officeTime(rng, Math.min(deadline, appliedMs + days(rng.int(7, 35))));
      const reason = rng.pick(hiringDeclines);
      plans.push({ posting: postingIndex, personId, status: "declined", stage: rng.pick(["review", "shortlisted", "interview"] as const), release: "not_requested", policy: "until_offer", from, managerId, createdAt, disclosedAt: null, releaseOn: null, effectiveOn: null, reason, steps: [{ step: "hiring_decision", approverId: hiringManager, createdAt, decidedAt: at, decidedById: hiringManager, decision: "decline", reason }] });
      return at.getTime();
    }
    // Offered, the current manager declined the release, and HR upheld it.
    const offer = officeTime(rng, appliedMs + days(toOffer));
    const declined = officeTime(rng, appliedMs + days(toOffer + releaseDecision));
    const upheld = officeTime(rng, appliedMs + days(toOffer + releaseDecision + upholdDays));
    const declineReason = rng.pick(releaseDeclines);
    const reason = rng.pick(upholds);
    plans.push({
      posting: postingIndex,
      personId,
      status: "not_released",
      stage: "offered",
      release: "declined",
      policy: "until_offer",
      from,
      managerId,
      createdAt,
      disclosedAt: offer,
      releaseOn: null,
      effectiveOn: null,
      reason,
      steps: [
        { step: "hiring_decision", approverId: hiringManager, createdAt, decidedAt: offer, decidedById: hiringManager, decision: "offer" },
        releaseStep(managerId, offer, declined, "declined", declineReason),
        { step: "hr_decline_review", approverId: null, createdAt: declined, decidedAt: upheld, decidedById: hrAt(upheld.getTime(), [personId, managerId, hiringManager]), decision: "upheld", reason },
      ],
    });
    return upheld.getTime();
  };

  // Other applicants to the filled postings: turned down by the hiring side, or withdrawn.
  const transferPostings = postings.filter((posting) => posting.kind === "transfer").map((posting) => posting.key);
  for (const index of transferPostings) {
    const posting = postings[index]!;
    const span = posting.closedAt.getTime() - posting.openedAt.getTime();
    if (!rng.chance(0.55)) continue;
    const appliedMs = Math.min(posting.openedAt.getTime() + Math.floor(span * 0.1 * rng.int(1, 5)), roundApplicationsEnd(roundStart(posting.openedAt.getTime())));
    const applicant = applicantsAt(appliedMs, posting.departmentId);
    planEnded(index, applicant.id, appliedMs, rng.chance(0.72) ? "declined" : "withdrawn");
  }
  // Releases declined and upheld: the hoarding manager's team mostly. Each on its own posting,
  // which then closed unfilled or was filled from outside.
  const notReleasedPerYear = [
    [4, 1],
    [4, 2],
    [6, 2],
  ] as const;
  const hoardingTeam = [...movable, ...leavers].filter((person) => person.departmentId === hoarding);
  const destinations = ["PRD-QA", "CSM", "SALES", "COMM", "MKT", "PRD-PM"] as const;
  for (let year = 0; year < YEARS; year++) {
    const [fromHoarding, others] = notReleasedPerYear[year]!;
    for (let n = 0; n < fromHoarding + others; n++) {
      const appliedMs = applicationDay(yearStart(year) + days(rng.int(10, 290)));
      const to = departmentId(rng.pick(destinations));
      const eligible = hoardingTeam.filter((person) => employedAt(person.id, appliedMs - days(200)) && employedAt(person.id, appliedMs + days(60)) && postAt(person.id, appliedMs).departmentId === hoarding);
      const applicant = n < fromHoarding && eligible.length > 0 ? rng.pick(eligible) : applicantsAt(appliedMs, to);
      const toRole = everyone.find((person) => person.departmentId === to && !reportCount.has(person.id))!.roleId;
      const index = addPosting({
        kind: "transfer",
        status: rng.chance(0.5) ? "filled" : "closed",
        departmentId: to,
        roleId: toRole,
        ownerId: head(to),
        title: `${roleName.get(toRole)}（${departmentName.get(to)}）${roundLabel(appliedMs)}募集`,
        description: "社内公募です。",
        timePercent: 100,
        openedAt: officeTime(rng, Math.max(roundStart(appliedMs), appliedMs - days(rng.int(5, 20)))),
        closedAt: new Date(0),
        startOn: null,
        endOn: null,
        skillsFrom: roleSlug.get(toRole)!,
      });
      const ended = planEnded(index, applicant.id, appliedMs, "not_released");
      postings[index]!.openedAt = new Date(Math.min(postings[index]!.openedAt.getTime(), plans[plans.length - 1]!.createdAt.getTime() - DAY_MS));
      postings[index]!.closedAt = officeTime(rng, Math.min(roundDeadline(roundStart(appliedMs)), ended + days(rng.int(2, 20))));
    }
  }
  // Turned-down applicants among the leavers: each applied once before leaving.
  for (const leaver of leavers.filter((person) => person.declined)) {
    const appliedMs = applicationDay(dayOf(leaver.leftOn) - days(rng.int(90, 300)));
    const candidates = transferPostings.filter((index) => {
      const posting = postings[index]!;
      return posting.openedAt.getTime() <= appliedMs && posting.closedAt.getTime() > appliedMs + days(20) && posting.departmentId !== postAt(leaver.id, appliedMs).departmentId;
    });
    if (candidates.length === 0 || !employedAt(leaver.id, appliedMs)) continue;
    const posting = postings[rng.pick(candidates)]!;
    planEnded(posting.key, leaver.id, appliedMs, postAt(leaver.id, appliedMs).departmentId === hoarding ? "not_released" : "declined");
    posting.openedAt = new Date(Math.min(posting.openedAt.getTime(), plans[plans.length - 1]!.createdAt.getTime() - DAY_MS));
  }

  // ── Projects and trial joinings, once a year each; some participants moved there later ────────
  for (let year = 0; year < YEARS; year++) {
    for (const spec of tries) {
      const to = departmentId(spec.department);
      // Starts on 1 April or 1 October, ends outside May, June, November and December.
      const startMs = effectiveDay(yearStart(year), Math.min(yearStart(year + 1), AS_OF_MS - days(20 + spec.length)));
      if (startMs === null) continue;
      const endMs = afterQuietMonth(startMs + days(spec.length));
      if (endMs > AS_OF_MS - days(20)) continue;
      const index = addPosting({
        kind: spec.kind,
        status: "closed",
        departmentId: to,
        roleId: spec.role ? roleId(spec.role) : null,
        ownerId: head(to),
        title: `${spec.title} ${roundLabel(startMs)}開始`,
        description: spec.description,
        timePercent: spec.timePercent,
        openedAt: officeTime(rng, startMs - days(rng.int(35, 60))),
        closedAt: officeTime(rng, startMs - days(rng.int(1, 5))),
        startOn: isoDate(startMs),
        endOn: isoDate(endMs),
        skillsFrom: spec.skillsFrom,
      });
      const participants = new Set<number>();
      // Most of those who moved into this department 3–12 months after the start tried it first.
      for (const hop of hops) {
        if (hop.to.departmentId === to && hop.on - startMs >= days(90) && hop.on - startMs <= days(360) && postAt(hop.personId, startMs).departmentId !== to && employedAt(hop.personId, startMs - days(180)) && rng.chance(0.75)) {
          participants.add(hop.personId);
        }
      }
      for (let n = rng.int(3, 5); n > 0; n--) participants.add(applicantsAt(startMs, to, rng.pick(csFrontline.map(departmentId))).id);
      for (const personId of participants) {
        const { finalized } = planCompleted(index, personId, startMs, "approved");
        const plan = plans[plans.length - 1]!;
        plan.participation = { startOn: isoDate(startMs), endOn: isoDate(endMs), timePercent: spec.timePercent, endorsedAt: officeTime(rng, endMs + days(rng.int(2, 12))) };
        postings[index]!.openedAt = new Date(Math.min(postings[index]!.openedAt.getTime(), plan.createdAt.getTime() - days(3)));
        postings[index]!.closedAt = new Date(Math.max(postings[index]!.closedAt.getTime(), finalized));
      }
    }
  }

  // ── Write it all ───────────────────────────────────────────────────────────────────────────
  const leaverIds = new Map<number, number>();
  if (leavers.length > 0) {
    const rows = await db
      .insert(people)
      .values(
        leavers.map((leaver) => {
          const path = hopsOf(leaver.id);
          const roleSince = path.length > 0 ? isoDate(path[path.length - 1]!.on) : leaver.roleSince;
          return {
            employeeNumber: leaver.employeeNumber,
            familyName: leaver.familyName,
            givenName: leaver.givenName,
            familyNameKana: leaver.familyNameKana,
            givenNameKana: leaver.givenNameKana,
            romanizedName: leaver.romanizedName,
            email: leaver.email,
            departmentId: leaver.departmentId,
            roleId: leaver.roleId,
            level: leaver.level,
            managerId: leaver.managerId,
            hiredOn: leaver.hiredOn,
            roleSince,
            levelSince: roleSince,
            isHr: leaver.isHr,
            active: false,
            leftOn: leaver.leftOn,
          };
        }),
      )
      .returning({ id: people.id, employeeNumber: people.employeeNumber });
    for (const row of rows) leaverIds.set(leavers.find((leaver) => leaver.employeeNumber === row.employeeNumber)!.id, row.id);
    await db.insert(personSkills).values(
      leavers.flatMap((leaver) =>
        leaver.skills.map((skill) => ({
          personId: leaverIds.get(leaver.id)!,
          skillId: skillIds.get(skill.slug)!,
          level: skill.level,
          reviewedAt: new Date(dayOf(leaver.leftOn) - days(rng.int(30, 300))),
        })),
      ),
    );
  }
  const realId = (id: number) => (id < 0 ? leaverIds.get(id)! : id);

  const postingIds: number[] = [];
  for (let start = 0; start < postings.length; start += 200) {
    const rows = await db
      .insert(opportunities)
      .values(
        postings.slice(start, start + 200).map((posting) => ({
          kind: posting.kind,
          status: posting.status,
          title: posting.title,
          description: posting.description,
          ownerId: posting.ownerId,
          departmentId: posting.departmentId,
          roleId: posting.roleId,
          timePercent: posting.timePercent,
          startOn: posting.startOn,
          endOn: posting.endOn,
          slots: 1,
          location: "東京",
          workplace: "hybrid" as const,
          openedAt: posting.openedAt,
          fillableFrom: new Date(posting.openedAt.getTime() + days(7)),
          closedAt: posting.closedAt,
          searchText: `${posting.title} ${posting.description}`.normalize("NFKC").toLowerCase(),
          createdById: posting.ownerId,
          createdAt: new Date(posting.openedAt.getTime() - days(2)),
        })),
      )
      .returning({ id: opportunities.id });
    postingIds.push(...rows.map((row) => row.id).sort((a, b) => a - b));
  }
  const roleLevelSkills = new Map(careerMap.roles.map((role) => [role.slug, role.levels]));
  await db.insert(opportunitySkills).values(
    postings.flatMap((posting, index) => {
      const levels = roleLevelSkills.get(posting.skillsFrom)!;
      const chosen = [
        ...levels[0].skills.slice(0, 3).map((skill) => ({ slug: skill.skill, kind: "required" as const, level: skill.level })),
        ...levels[0].skills.slice(3, 5).map((skill) => ({ slug: skill.skill, kind: "preferred" as const, level: skill.level })),
        ...levels[1].skills.slice(0, 2).map((skill) => ({ slug: skill.skill, kind: "grows" as const, level: skill.level })),
      ];
      return [...new Map(chosen.map((skill) => [`${skill.slug}:${skill.kind}`, skill])).values()].map((skill) => ({
        opportunityId: postingIds[index]!,
        skillId: skillIds.get(skill.slug)!,
        kind: skill.kind,
        level: skill.level,
      }));
    }),
  );

  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.personId - b.personId);
  const applicationIds: number[] = [];
  for (let start = 0; start < plans.length; start += 200) {
    const rows = await db
      .insert(applications)
      .values(
        plans.slice(start, start + 200).map((plan) => ({
          opportunityId: postingIds[plan.posting]!,
          personId: realId(plan.personId),
          motivation: rng.pick(motivations),
          status: plan.status,
          hiringStage: plan.stage,
          releaseStatus: plan.release,
          confidentiality: plan.policy,
          applicantDepartmentId: plan.from.departmentId,
          applicantRoleId: plan.from.roleId,
          currentManagerId: plan.managerId === null ? null : realId(plan.managerId),
          disclosedAt: plan.disclosedAt,
          releaseOn: plan.releaseOn,
          effectiveOn: plan.effectiveOn,
          decisionReason: plan.reason,
          version: plan.steps.length + 1,
          createdAt: plan.createdAt,
          updatedAt: plan.steps[plan.steps.length - 1]!.decidedAt,
        })),
      )
      .returning({ id: applications.id });
    applicationIds.push(...rows.map((row) => row.id).sort((a, b) => a - b));
  }
  const stepRows = plans.flatMap((plan, index) =>
    plan.steps.map((step) => ({
      applicationId: applicationIds[index]!,
      step: step.step,
      approverId: step.approverId === null ? null : realId(step.approverId),
      dueAt: step.dueAt ?? null,
      escalatedAt: step.escalatedAt ?? null,
      decidedAt: step.decidedAt,
      decidedById: realId(step.decidedById),
      decision: step.decision,
      reason: step.reason ?? null,
      createdAt: step.createdAt,
    })),
  );
  for (let start = 0; start < stepRows.length; start += 500) await db.insert(approvalSteps).values(stepRows.slice(start, start + 500));

  const moveRows = plans.flatMap((plan, index) => {
    const hop = plan.hop;
    if (!hop) return [];
    const toManager = managerIn(hop.to.departmentId, hop.personId);
    return [
      {
        personId: realId(hop.personId),
        applicationId: applicationIds[index]!,
        kind: "transfer" as const,
        fromDepartmentId: hop.from.departmentId,
        toDepartmentId: hop.to.departmentId,
        fromRoleId: hop.from.roleId,
        toRoleId: hop.to.roleId,
        fromManagerId: plan.managerId === null ? null : realId(plan.managerId),
        toManagerId: toManager === null ? null : realId(toManager),
        effectiveOn: isoDate(hop.on),
        createdAt: new Date(hop.on),
      },
    ];
  });
  if (moveRows.length > 0) await db.insert(moves).values(moveRows);
  const participationRows = plans.flatMap((plan, index) =>
    plan.participation
      ? [
          {
            personId: realId(plan.personId),
            opportunityId: postingIds[plan.posting]!,
            applicationId: applicationIds[index]!,
            timePercent: plan.participation.timePercent,
            startOn: plan.participation.startOn,
            endOn: plan.participation.endOn,
            endorsedAt: plan.participation.endorsedAt,
            createdAt: new Date(dayOf(plan.participation.startOn)),
          },
        ]
      : [],
  );
  if (participationRows.length > 0) await db.insert(participations).values(participationRows);

  // Today's posts stay; the day the role was taken is the last move that changed it.
  const roleChanges = new Map<number, number>();
  for (const hop of hops) {
    if (hop.personId < 0 || hop.from.roleId === hop.to.roleId) continue;
    roleChanges.set(hop.personId, Math.max(roleChanges.get(hop.personId) ?? 0, hop.on));
  }
  const updates = [...roleChanges]
    .sort(([a], [b]) => a - b)
    .map(([id, on]) => {
      const person = byId.get(id)!;
      const since = isoDate(on);
      return sql`(${id}::int, ${since}::date, ${person.levelSince > since ? person.levelSince : since}::date)`;
    });
  if (updates.length > 0) {
    await db.execute(
      sql`update ${people} set role_since = changes.role_since, level_since = changes.level_since
          from (values ${sql.join(updates, sql`, `)}) as changes(id, role_since, level_since)
          where ${people.id} = changes.id`,
    );
  }

  // Today's manager verified skills only once the person was in their team.
  const arrivals = new Map<number, number>();
  for (const hop of hops) if (hop.personId > 0) arrivals.set(hop.personId, Math.max(arrivals.get(hop.personId) ?? 0, hop.on));
  if (arrivals.size > 0) {
    const values = [...arrivals].sort(([a], [b]) => a - b).map(([id, on]) => sql`(${id}::int, ${new Date(on).toISOString()}::timestamptz)`);
    await db.execute(
      sql`update ${personSkills} set verified_at = least(${new Date(AS_OF_MS - DAY_MS).toISOString()}::timestamptz,
            arrivals.arrived + (${personSkills.skillId} % 40 + 7) * interval '1 day' + interval '2 hours')
          from (values ${sql.join(values, sql`, `)}) as arrivals(person_id, arrived)
          where ${personSkills.personId} = arrivals.person_id and ${personSkills.verifiedAt} < arrivals.arrived`,
    );
  }

  await seedWillHistory(db, rng, {
    hops: hops.filter((hop) => hop.personId > 0),
    personaIds,
    roleSlug,
    roleId,
    everyone,
  });
}

/**
 * Earlier saves of the Will: movers had aimed at the role they later reached; some others changed
 * their aim over time. The current Will stays as it is (its version number moves up); a mover
 * without one gets a private current Will aimed at the next step from where they are now.
 */
async function seedWillHistory(
  db: Executor,
  rng: Random,
  context: { hops: Hop[]; personaIds: Set<number | undefined>; roleSlug: Map<number, string>; roleId: (slug: string) => number; everyone: PersonRow[] },
) {
  const current = await db.select().from(wills).orderBy(asc(wills.personId));
  const currentOf = new Map(current.map((will) => [will.personId, will]));
  const savedVersions = await db.select({ personId: willVersions.personId, savedAt: willVersions.savedAt }).from(willVersions);
  const savedAtOf = new Map(savedVersions.map((row) => [row.personId, row.savedAt.getTime()]));
  const nextRoles = new Map<string, string[]>();
  for (const path of careerMap.careerPaths) nextRoles.set(path.from, [...(nextRoles.get(path.from) ?? []), path.to]);
  const statement = (target: string) => `${target}の仕事に挑戦したいです。今の経験との掛け算で、チームの外にも価値を出したい。`;
  const roleNames = new Map((await db.select({ id: roles.id, nameJa: roles.nameJa }).from(roles)).map((role) => [role.id, role.nameJa]));

  type Version = Omit<typeof willVersions.$inferInsert, "version" | "personId"> & { savedAt: Date };
  const history = new Map<number, Version[]>();
  const add = (personId: number, version: Version) => history.set(personId, [...(history.get(personId) ?? []), version]);
  const share = () => ({ shareWithManager: rng.chance(0.6), shareWithHr: rng.chance(0.75), shareWithMatching: false });

  // Movers: about two in three had said where they wanted to go, months before they went.
  const lastHop = new Map<number, Hop>();
  for (const hop of [...context.hops].sort((a, b) => a.on - b.on)) lastHop.set(hop.personId, hop);
  for (const hop of context.hops) {
    if (hop.from.roleId === hop.to.roleId || !rng.chance(0.65)) continue;
    const person = context.everyone.find((row) => row.id === hop.personId)!;
    const savedAt = new Date(afterQuietMonth(Math.max(WINDOW_START - days(200), dayOf(person.hiredOn) + days(30), hop.on - days(rng.int(60, 330)))) + 3_600_000);
    if (savedAt.getTime() >= hop.on) continue;
    add(hop.personId, { statement: statement(roleNames.get(hop.to.roleId) ?? ""), horizon: "one_year", openness: "within_year", ...share(), targetRoleIds: [hop.to.roleId], desiredSkillIds: [], savedAt });
  }
  // Others: an earlier aim, some of which they changed.
  for (const will of current) {
    if (context.personaIds.has(will.personId) || history.has(will.personId) || !rng.chance(0.35)) continue;
    const person = context.everyone.find((row) => row.id === will.personId)!;
    const options = nextRoles.get(context.roleSlug.get(person.roleId)!) ?? [];
    if (options.length === 0) continue;
    const target = context.roleId(rng.pick(options));
    const latest = savedAtOf.get(will.personId) ?? AS_OF_MS;
    const savedAt = new Date(afterQuietMonth(Math.max(dayOf(person.hiredOn) + days(30), latest - days(rng.int(200, 900)))) + 3_600_000);
    if (savedAt.getTime() >= latest) continue;
    add(will.personId, { statement: statement(roleNames.get(target) ?? ""), horizon: rng.pick(["one_year", "three_years"] as const), openness: rng.pick(["within_year", "not_now"] as const), ...share(), targetRoleIds: [target], desiredSkillIds: [], savedAt });
  }

  const versionRows: (typeof willVersions.$inferInsert)[] = [];
  const newWills: (typeof wills.$inferInsert)[] = [];
  const newTargets: (typeof willTargetRoles.$inferInsert)[] = [];
  const renumbered: SQL[] = [];
  for (const [personId, earlier] of [...history].sort(([a], [b]) => a - b)) {
    const ordered = earlier.sort((a, b) => a.savedAt.getTime() - b.savedAt.getTime());
    const existing = currentOf.get(personId);
    if (existing) {
      const before = ordered.filter((version) => version.savedAt.getTime() < (savedAtOf.get(personId) ?? AS_OF_MS));
      if (before.length === 0) continue;
      before.forEach((version, index) => versionRows.push({ personId, version: index + 1, ...version }));
      renumbered.push(sql`(${personId}::int, ${existing.version + before.length}::int)`);
      continue;
    }
    // No current Will: the latest aim becomes the next step from today's role, kept private.
    const person = context.everyone.find((row) => row.id === personId)!;
    const options = nextRoles.get(context.roleSlug.get(person.roleId)!) ?? [];
    const hop = lastHop.get(personId);
    if (options.length === 0 || !hop) continue;
    const target = context.roleId(rng.pick(options));
    const savedAt = new Date(outOfQuietMonth(Math.min(AS_OF_MS - days(10), hop.on + days(rng.int(90, 400)))) + 3_600_000);
    const latest = { statement: statement(roleNames.get(target) ?? ""), horizon: "three_years" as const, openness: "not_now" as const, shareWithManager: true, shareWithHr: true, shareWithMatching: false };
    ordered.forEach((version, index) => versionRows.push({ personId, version: index + 1, ...version }));
    versionRows.push({ personId, version: ordered.length + 1, ...latest, targetRoleIds: [target], desiredSkillIds: [], savedAt });
    newWills.push({ personId, ...latest, version: ordered.length + 1 });
    newTargets.push({ personId, roleId: target });
  }
  if (renumbered.length > 0) {
    const values = sql.join(renumbered, sql`, `);
    await db.execute(sql`update ${wills} set version = bumped.version from (values ${values}) as bumped(person_id, version) where ${wills.personId} = bumped.person_id`);
    await db.execute(sql`update ${willVersions} set version = bumped.version from (values ${values}) as bumped(person_id, version) where ${willVersions.personId} = bumped.person_id`);
  }
  if (newWills.length > 0) {
    await db.insert(wills).values(newWills);
    await db.insert(willTargetRoles).values(newTargets);
  }
  if (versionRows.length > 0) await db.insert(willVersions).values(versionRows);
}
