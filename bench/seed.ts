/**
 * `npm run bench:seed`, the scale we design for (≤ 90 s on 2 cores): builds the synthetic
 * company deterministically (fixed-seed PRNG) into the PostgreSQL database in BENCH_DATABASE_URL —
 * and nowhere else. The database's schema is dropped, recreated and migrated, then filled with
 * multi-row `unnest` inserts (no pg-copy-streams here):
 * - the reference data plus a generated taxonomy extension up to 2,000 skills (with adjacency);
 * - 100,000 people in a four-level department tree (division → department → section → teams),
 *   every one with a manager except the head of the company;
 * - ~1.5 million person-skill rows with Zipf-like skill popularity;
 * - Wills for 40 % of people (60 % shared with matching, openness mixed), 10 % open to scouting;
 * - 2,000 open opportunities and 6,000 closed or filled ones, 6–12 skills each;
 * - three years of history: ≥ 300,000 applications with their approval steps, ≥ 50,000 moves,
 *   ~4 % of people who left (inactive, with a leaving date), a saved version of every Will,
 *   participations in the projects people completed.
 */
import pg from "pg";
import { openPostgres } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { careerPaths as careerPathSeeds, roles as roleSeeds } from "../db/seed/data/career-map";
import { familyNames, givenNames } from "../db/seed/data/names";
import { skills as skillSeeds } from "../db/seed/data/skills";
import { seedReferenceData } from "../db/seed/reference-data";
import { createRandom } from "../db/seed/random";

const PEOPLE = 100_000;
const TAXONOMY = 2_000;
const OPEN_OPPORTUNITIES = 2_000;
const PAST_OPPORTUNITIES = 6_000;
const APPLICATIONS = 320_000;
const MOVES_WITHOUT_APPLICATION = 22_000;
/** People (never managers) who left the company within the three years of history. */
const LEAVER_SHARE = 0.04;
const DIVISIONS = 10;
const DEPARTMENTS_PER_DIVISION = 10;
const SECTIONS_PER_DEPARTMENT = 9;
const TEAM_SIZE = 10;
/** The synthetic "today": every date is relative to it, so the data is the same on every run. */
const TODAY = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

const rng = createRandom(20261125);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const daysAgo = (days: number) => TODAY - days * DAY;

type Columns = Record<string, { type: string; values: unknown[] }>;

/** `insert … select * from unnest($1::type[], …)` in batches: one round trip per batch. */
async function bulkInsert(client: pg.PoolClient, table: string, columns: Columns, options: { overriding?: boolean; batch?: number } = {}) {
  const names = Object.keys(columns);
  const total = columns[names[0]!]!.values.length;
  const batch = options.batch ?? 50_000;
  const text =
    `insert into ${table} (${names.join(", ")}) ${options.overriding ? "overriding system value " : ""}` +
    `select * from unnest(${names.map((name, index) => `$${index + 1}::${columns[name]!.type}[]`).join(", ")})`;
  for (let start = 0; start < total; start += batch) {
    await client.query(
      text,
      names.map((name) => columns[name]!.values.slice(start, start + batch)),
    );
  }
  return total;
}

async function restartIdentity(client: pg.PoolClient, table: string) {
  await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 0) + 1 from ${table}), false)`);
}

/** Zipf-like popularity: the skill at position i of a fixed shuffled order is drawn with weight 1 / (i + 1)^0.9. */
function popularity(skillIds: readonly number[]) {
  const order = rng.shuffle(skillIds);
  const cumulative = new Float64Array(order.length);
  let running = 0;
  for (let i = 0; i < order.length; i++) cumulative[i] = running += 1 / (i + 1) ** 0.9;
  return () => {
    const x = rng.next() * running;
    let lo = 0;
    let hi = order.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return order[lo]!;
  };
}

const statements = [
  "お客様の声を一番近くで聞いてきた経験を、プロダクトの品質改善に活かしたい。",
  "問い合わせ対応で見えてきた課題を、根本から解決したい。まずは兼務やプロジェクトから挑戦したいです。",
  "後輩の育成や研修の企画を通じて、人材開発の仕事に挑戦したい。",
  "規約やガイドラインの改定、契約書の仕事に関わりたい。",
  "データ分析とVOC分析で、企画やマーケティングに貢献したい。",
  "コミュニティ運営やイベント企画で、ファンを増やしたい。",
  "I want to move from reactive support to customer success and reduce churn.",
  "I would like to design tests and improve product quality with engineers.",
  "数字に強くなり、事業計画や新規事業の立ち上げに関わりたい。",
  "1on1やキャリア面談を通じて、組織づくりを人事の立場から支えたい。",
];
const postings: [string, string][] = [
  ["プロダクトQAエンジニア（CS出身歓迎）", "お問い合わせから見えた不具合の傾向を、テスト設計に活かしてください。"],
  ["カスタマーサクセス", "導入後のお客様に能動的に関わり、活用を支援します。解約率の改善が目標です。"],
  ["新人研修の企画", "全社の新人研修の企画・運営を担当します。OJTやトレーナー経験を歓迎します。"],
  ["法務サポート", "利用規約・ガイドラインの改定や契約書レビューの補助を担当します。"],
  ["VOC分析プロジェクト", "お客様の声を分析し、企画チームに届けるプロジェクトです。"],
  ["Community manager rotation", "Run events and the user community for six months."],
  ["事業開発", "新規パートナーの開拓と事業計画づくりを担当します。"],
  ["HRビジネスパートナー", "CS部門の組織づくりを人事の立場から支えます。"],
];
const kinds = ["transfer", "transfer", "transfer", "project", "project", "rotation", "mentorship", "casual_interview", "trial_joining"] as const;
const moveKinds = new Set(["transfer", "rotation", "trial_joining"]);

/** The bench database is the seed's own: made on the same server (through its `postgres` database) when absent. */
async function createDatabaseIfMissing(url: string) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    const found = await admin.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await admin.query(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await admin.end();
  }
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.error("bench:seed refuses to run without BENCH_DATABASE_URL (a dedicated PostgreSQL database; its schema is dropped).");
    process.exit(1);
  }
  const started = performance.now();
  const lap = (label: string) => console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);

  await createDatabaseIfMissing(url);
  // Reset THIS database only, then migrate it.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const client = await pool.connect();
  await client.query("set synchronous_commit = off");
  await client.query("drop schema if exists drizzle cascade");
  await client.query("drop schema if exists public cascade");
  await client.query("create schema public");
  const handle = await openPostgres({ url, poolSize: 2, statementTimeoutMs: 600_000 });
  try {
    await migrateDatabase(handle);
    await handle.db.transaction((tx) => seedReferenceData(tx));
  } finally {
    await handle.close();
  }
  lap("schema + reference data");

  // ── taxonomy extension up to TAXONOMY skills, with adjacency ───────────────────────────────
  const categoryIds = (await client.query<{ id: number }>("select id from skill_categories order by id")).rows.map((row) => row.id);
  const extra = TAXONOMY - skillSeeds.length;
  if (extra > 0) {
    const areas = ["分析", "設計", "運用", "改善", "企画", "調整", "検証", "指導"];
    const areasEn = ["analysis", "design", "operations", "improvement", "planning", "coordination", "verification", "coaching"];
    await bulkInsert(client, "skills", {
      slug: { type: "text", values: Array.from({ length: extra }, (_, i) => `bench-skill-${String(i + 1).padStart(4, "0")}`) },
      category_id: { type: "int", values: Array.from({ length: extra }, (_, i) => categoryIds[i % categoryIds.length]!) },
      name_ja: { type: "text", values: Array.from({ length: extra }, (_, i) => `領域${String(i + 1).padStart(4, "0")}${areas[i % areas.length]}`) },
      name_en: { type: "text", values: Array.from({ length: extra }, (_, i) => `Domain ${String(i + 1).padStart(4, "0")} ${areasEn[i % areasEn.length]}`) },
    });
  }
  const skillIds = (await client.query<{ id: number }>("select id from skills order by id")).rows.map((row) => row.id);
  const existingPairs = new Set((await client.query<{ a: number; b: number }>("select skill_a as a, skill_b as b from skill_adjacency")).rows.map((row) => `${row.a}:${row.b}`));
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairWeight: number[] = [];
  for (const id of skillIds.slice(skillSeeds.length)) {
    for (let n = 0; n < 2; n++) {
      const other = rng.pick(skillIds);
      const [a, b] = [Math.min(id, other), Math.max(id, other)];
      if (a === b || existingPairs.has(`${a}:${b}`)) continue;
      existingPairs.add(`${a}:${b}`);
      pairA.push(a);
      pairB.push(b);
      pairWeight.push(rng.int(3, 8) / 10);
    }
  }
  await bulkInsert(client, "skill_adjacency", { skill_a: { type: "int", values: pairA }, skill_b: { type: "int", values: pairB }, weight: { type: "real", values: pairWeight } });
  lap(`taxonomy (${skillIds.length} skills)`);

  // ── the department tree ────────────────────────────────────────────────────────────────
  const roleRows = (await client.query<{ id: number; slug: string }>("select id, slug from roles order by id")).rows;
  const roleIdBySlug = new Map(roleRows.map((row) => [row.slug, row.id]));
  const families = [...new Set(roleSeeds.map((role) => role.family))];
  const rolesOfFamily = new Map(families.map((family) => [family, roleSeeds.filter((role) => role.family === family).map((role) => roleIdBySlug.get(role.slug)!)]));
  const allRoleIds = roleRows.map((row) => row.id);

  type Dept = { id: number; parentId: number | null; depth: number; division: number };
  const depts: Dept[] = [{ id: 1, parentId: null, depth: 0, division: -1 }];
  const sections: Dept[] = [];
  for (let d = 0; d < DIVISIONS; d++) {
    const division = { id: depts.length + 1, parentId: 1, depth: 1, division: d };
    depts.push(division);
    for (let p = 0; p < DEPARTMENTS_PER_DIVISION; p++) {
      const department = { id: depts.length + 1, parentId: division.id, depth: 2, division: d };
      depts.push(department);
      for (let s = 0; s < SECTIONS_PER_DEPARTMENT; s++) {
        const section = { id: depts.length + 1, parentId: department.id, depth: 3, division: d };
        depts.push(section);
        sections.push(section);
      }
    }
  }
  const depthName = ["本社", "本部", "部", "課"];
  const depthNameEn = ["Head office", "Division", "Department", "Section"];
  await bulkInsert(
    client,
    "departments",
    {
      id: { type: "int", values: depts.map((d) => d.id) },
      code: { type: "text", values: depts.map((d) => `BD${String(d.id).padStart(5, "0")}`) },
      name_ja: { type: "text", values: depts.map((d) => `${depthName[d.depth]}${d.id}`) },
      name_en: { type: "text", values: depts.map((d) => `${depthNameEn[d.depth]} ${d.id}`) },
      parent_id: { type: "int", values: depts.map((d) => d.parentId) },
      location: { type: "text", values: depts.map((d) => (d.id % 3 === 0 ? "大阪" : "東京")) },
    },
    { overriding: true },
  );

  // ── people: heads of every unit, team leads, members ───────────────────────────────────
  const P = {
    department: new Int32Array(PEOPLE + 1),
    role: new Int32Array(PEOPLE + 1),
    level: new Int8Array(PEOPLE + 1),
    manager: new Int32Array(PEOPLE + 1), // 0: none
  };
  const headOf = new Map<number, number>();
  let next = 1;
  const divisionFamily = (division: number) => families[division % families.length]!;
  const roleFor = (division: number) => (division >= 0 && rng.chance(0.85) ? rng.pick(rolesOfFamily.get(divisionFamily(division))!) : rng.pick(allRoleIds));
  for (const dept of depts) {
    const id = next++;
    headOf.set(dept.id, id);
    P.department[id] = dept.id;
    P.role[id] = roleFor(dept.division);
    P.level[id] = dept.depth <= 1 ? 4 : rng.int(3, 4);
    P.manager[id] = dept.parentId === null ? 0 : headOf.get(dept.parentId)!;
  }
  const perSection = Math.floor((PEOPLE - depts.length) / sections.length);
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s]!;
    const count = s === sections.length - 1 ? PEOPLE - next + 1 : perSection;
    let lead = 0;
    for (let i = 0; i < count; i++) {
      const id = next++;
      P.department[id] = section.id;
      P.role[id] = roleFor(section.division);
      if (i % TEAM_SIZE === 0) {
        lead = id;
        P.level[id] = 3;
        P.manager[id] = headOf.get(section.id)!;
      } else {
        P.level[id] = rng.chance(0.45) ? 1 : rng.chance(0.7) ? 2 : 3;
        P.manager[id] = lead;
      }
    }
  }
  const hrDivisions = new Set(Array.from({ length: DIVISIONS }, (_, d) => d).filter((d) => divisionFamily(d) === "hr"));
  const ids = Array.from({ length: PEOPLE }, (_, i) => i + 1);
  const family = ids.map(() => rng.pick(familyNames));
  const given = ids.map(() => rng.pick(givenNames));
  const hired = ids.map(() => rng.int(30, 9_000));
  const roleSince = hired.map((h) => Math.max(0, h - rng.int(0, 2_000)));
  const levelSince = roleSince.map((r) => Math.max(0, r - rng.int(0, 1_500)));
  const divisionOf = new Map(depts.map((d) => [d.id, d.division]));
  const openToScouting = ids.map(() => rng.chance(0.1));
  await bulkInsert(
    client,
    "people",
    {
      id: { type: "int", values: ids },
      employee_number: { type: "text", values: ids.map((id) => `B${String(id).padStart(6, "0")}`) },
      family_name: { type: "text", values: family.map((n) => n.kanji) },
      given_name: { type: "text", values: given.map((n) => n.kanji) },
      family_name_kana: { type: "text", values: family.map((n) => n.kana) },
      given_name_kana: { type: "text", values: given.map((n) => n.kana) },
      romanized_name: { type: "text", values: ids.map((_, i) => `${given[i]!.romaji} ${family[i]!.romaji}`) },
      email: { type: "text", values: ids.map((id) => `p${String(id).padStart(6, "0")}@bench.kakezan.example`) },
      department_id: { type: "int", values: ids.map((id) => P.department[id]!) },
      role_id: { type: "int", values: ids.map((id) => P.role[id]!) },
      level: { type: "smallint", values: ids.map((id) => P.level[id]!) },
      manager_id: { type: "int", values: ids.map((id) => P.manager[id] || null) },
      hired_on: { type: "date", values: hired.map((d) => isoDay(daysAgo(d))) },
      role_since: { type: "date", values: roleSince.map((d) => isoDay(daysAgo(d))) },
      level_since: { type: "date", values: levelSince.map((d) => isoDay(daysAgo(d))) },
      is_hr: { type: "boolean", values: ids.map((id) => hrDivisions.has(divisionOf.get(P.department[id]!)!) && id % 20 === 0) },
      is_admin: { type: "boolean", values: ids.map((id) => id === 1) },
      open_to_scouting: { type: "boolean", values: openToScouting },
      // Rows last touched when the person was hired or last changed level, not all at seeding time.
      created_at: { type: "timestamptz", values: hired.map((d) => new Date(daysAgo(d)).toISOString()) },
      updated_at: { type: "timestamptz", values: levelSince.map((d) => new Date(daysAgo(d) + 3_600_000).toISOString()) },
    },
    { overriding: true, batch: 25_000 },
  );
  lap(`departments (${depts.length}) + people (${PEOPLE})`);

  // ── person skills (~1.5 M) ─────────────────────────────────────────────────────────────
  const popularSkill = popularity(skillIds);
  const psPerson: number[] = [];
  const psSkill: number[] = [];
  const psLevel: number[] = [];
  const held = new Set<number>();
  for (const id of ids) {
    held.clear();
    const count = rng.int(10, 20);
    while (held.size < count) held.add(popularSkill());
    for (const skill of held) {
      psPerson.push(id);
      psSkill.push(skill);
      psLevel.push(rng.chance(0.3) ? 1 : rng.chance(0.55) ? 2 : rng.chance(0.7) ? 3 : 4);
    }
  }
  await bulkInsert(
    client,
    "person_skills",
    { person_id: { type: "int", values: psPerson }, skill_id: { type: "int", values: psSkill }, level: { type: "smallint", values: psLevel } },
    { batch: 100_000 },
  );
  lap(`person skills (${psPerson.length})`);

  // ── Wills ───────────────────────────────────────────────────────────────────────────────
  const willPeople = ids.filter(() => rng.chance(0.4));
  const openness = willPeople.map(() => (rng.chance(0.25) ? "now" : rng.chance(0.45) ? "within_year" : "not_now"));
  const horizon = willPeople.map(() => rng.pick(["now", "one_year", "three_years"]));
  const shareMatching = willPeople.map(() => rng.chance(0.6));
  await bulkInsert(client, "wills", {
    person_id: { type: "int", values: willPeople },
    statement: { type: "text", values: willPeople.map(() => rng.pick(statements)) },
    horizon: { type: "will_horizon", values: horizon },
    openness: { type: "will_openness", values: openness },
    share_with_manager: { type: "boolean", values: willPeople.map(() => rng.chance(0.5)) },
    share_with_hr: { type: "boolean", values: willPeople.map(() => rng.chance(0.3)) },
    share_with_matching: { type: "boolean", values: shareMatching },
    version: { type: "int", values: willPeople.map(() => 1) },
  });
  const targetPerson: number[] = [];
  const targetRole: number[] = [];
  const desiredPerson: number[] = [];
  const desiredSkill: number[] = [];
  for (const person of willPeople) {
    for (const role of new Set([rng.pick(allRoleIds), ...(rng.chance(0.3) ? [rng.pick(allRoleIds)] : [])])) {
      targetPerson.push(person);
      targetRole.push(role);
    }
    for (const skill of new Set(Array.from({ length: rng.int(0, 3) }, () => popularSkill()))) {
      desiredPerson.push(person);
      desiredSkill.push(skill);
    }
  }
  await bulkInsert(client, "will_target_roles", { person_id: { type: "int", values: targetPerson }, role_id: { type: "int", values: targetRole } });
  await bulkInsert(client, "will_desired_skills", { person_id: { type: "int", values: desiredPerson }, skill_id: { type: "int", values: desiredSkill } });
  lap(`wills (${willPeople.length})`);

  // ── opportunities: 6,000 past (closed / filled), 2,000 open ─────────────────────────────
  const managers = ids.filter((id) => P.level[id]! >= 3 && P.manager[id] !== 0);
  const OPPS = PAST_OPPORTUNITIES + OPEN_OPPORTUNITIES;
  const opp = {
    id: [] as number[],
    kind: [] as string[],
    status: [] as string[],
    title: [] as string[],
    description: [] as string[],
    owner: [] as number[],
    department: [] as number[],
    role: [] as (number | null)[],
    opened: [] as number[],
    closed: [] as (number | null)[],
    search: [] as string[],
  };
  const osOpp: number[] = [];
  const osSkill: number[] = [];
  const osKind: string[] = [];
  const osLevel: number[] = [];
  for (let i = 1; i <= OPPS; i++) {
    const open = i > PAST_OPPORTUNITIES;
    const owner = rng.pick(managers);
    const [title, description] = rng.pick(postings);
    const openedDaysAgo = open ? rng.int(1, 60) : rng.int(60, 3 * 365);
    opp.id.push(i);
    opp.kind.push(rng.pick(kinds));
    opp.status.push(open ? "open" : rng.chance(0.6) ? "filled" : "closed");
    opp.title.push(`${title} #${i}`);
    opp.description.push(description);
    opp.owner.push(owner);
    opp.department.push(P.department[owner]!);
    opp.role.push(rng.chance(0.8) ? rng.pick(allRoleIds) : null);
    opp.opened.push(daysAgo(openedDaysAgo));
    opp.closed.push(open ? null : daysAgo(openedDaysAgo - rng.int(20, 59)));
    opp.search.push(`${title} #${i} ${description}`.normalize("NFKC").toLowerCase());
    const total = rng.int(6, 12);
    const chosen = new Set<number>();
    while (chosen.size < total) chosen.add(popularSkill());
    const list = [...chosen];
    const required = rng.int(2, Math.min(4, total - 4));
    const preferred = rng.int(2, Math.min(4, total - required - 2));
    list.forEach((skill, index) => {
      osOpp.push(i);
      osSkill.push(skill);
      osKind.push(index < required ? "required" : index < required + preferred ? "preferred" : "grows");
      osLevel.push(rng.int(1, 3));
    });
  }
  await bulkInsert(
    client,
    "opportunities",
    {
      id: { type: "int", values: opp.id },
      kind: { type: "opportunity_kind", values: opp.kind },
      status: { type: "opportunity_status", values: opp.status },
      title: { type: "text", values: opp.title },
      description: { type: "text", values: opp.description },
      owner_id: { type: "int", values: opp.owner },
      department_id: { type: "int", values: opp.department },
      role_id: { type: "int", values: opp.role },
      opened_at: { type: "timestamptz", values: opp.opened.map((ms) => new Date(ms).toISOString()) },
      fillable_from: { type: "timestamptz", values: opp.opened.map((ms) => new Date(ms + 14 * DAY).toISOString()) },
      closed_at: { type: "timestamptz", values: opp.closed.map((ms) => (ms === null ? null : new Date(ms).toISOString())) },
      search_text: { type: "text", values: opp.search },
      created_by_id: { type: "int", values: opp.owner },
      version: { type: "int", values: opp.id.map(() => 1) },
    },
    { overriding: true },
  );
  await bulkInsert(client, "opportunity_skills", {
    opportunity_id: { type: "int", values: osOpp },
    skill_id: { type: "int", values: osSkill },
    kind: { type: "opportunity_skill_kind", values: osKind },
    level: { type: "smallint", values: osLevel },
  });
  lap(`opportunities (${OPPS}, ${osOpp.length} skills)`);

  // ── applications with their approval steps, and the moves they led to ───────────────────
  const app = {
    id: [] as number[],
    opportunity: [] as number[],
    person: [] as number[],
    status: [] as string[],
    stage: [] as string[],
    release: [] as string[],
    manager: [] as number[],
    department: [] as number[],
    role: [] as number[],
    disclosed: [] as (string | null)[],
    effective: [] as (string | null)[],
    reason: [] as (string | null)[],
    created: [] as string[],
  };
  const step = { application: [] as number[], step: [] as string[], approver: [] as (number | null)[], due: [] as (string | null)[], decidedAt: [] as (string | null)[], decidedBy: [] as (number | null)[], decision: [] as (string | null)[], created: [] as string[] };
  const move = { person: [] as number[], application: [] as (number | null)[], kind: [] as string[], fromDept: [] as number[], toDept: [] as number[], fromRole: [] as number[], toRole: [] as number[], fromManager: [] as (number | null)[], toManager: [] as (number | null)[], effective: [] as string[] };
  const iso = (ms: number) => new Date(ms).toISOString();
  const addStep = (applicationId: number, name: string, approver: number | null, createdMs: number, decision: string | null, decidedBy: number | null, dueMs: number | null = null) => {
    step.application.push(applicationId);
    step.step.push(name);
    step.approver.push(approver);
    step.due.push(dueMs === null ? null : iso(dueMs));
    step.decidedAt.push(decision ? iso(createdMs + rng.int(1, 10) * DAY) : null);
    step.decidedBy.push(decision ? decidedBy : null);
    step.decision.push(decision);
    step.created.push(iso(createdMs));
  };
  const hrStaff = ids.filter((id) => hrDivisions.has(divisionOf.get(P.department[id]!)!) && id % 20 === 0);
  const applicants = ids.filter((id) => P.manager[id] !== 0);
  const seen = new Set<number>();
  for (let n = 1; n <= APPLICATIONS; n++) {
    const o = rng.int(1, OPPS);
    const person = rng.pick(applicants);
    const key = o * 200_003 + person;
    if (seen.has(key) || person === opp.owner[o - 1]) {
      n--;
      continue;
    }
    seen.add(key);
    const open = opp.status[o - 1] === "open";
    const owner = opp.owner[o - 1]!;
    const manager = P.manager[person]!;
    const createdMs = opp.opened[o - 1]! + rng.int(0, 20) * DAY + rng.int(0, DAY - 1);
    const x = rng.next();
    let status: string;
    let stage = "review";
    let release = "not_requested";
    let disclosed: number | null = null;
    let effective: string | null = null;
    let reason: string | null = null;
    if (open) {
      if (x < 0.08) status = "withdrawn";
      else if (x < 0.25) {
        status = "declined";
        reason = "今回は見送りとなりました。";
      } else {
        status = "active";
        const y = rng.next();
        stage = y < 0.5 ? "review" : y < 0.7 ? "shortlisted" : y < 0.85 ? "interview" : "offered";
      }
    } else if (x < 0.12) status = "withdrawn";
    else if (x < 0.72) {
      status = "declined";
      reason = "今回は見送りとなりました。";
      stage = rng.pick(["review", "shortlisted", "interview"]);
    } else if (x < 0.75) {
      status = "not_released";
      stage = "offered";
      reason = "業務の都合により、今回は異動を見送ります。";
    } else {
      status = "completed";
      stage = "offered";
    }
    const decisionMs = createdMs + rng.int(5, 30) * DAY;
    // The hiring step opens on applying and closes on the offer or the decline.
    addStep(n, "hiring_decision", owner, createdMs, stage === "offered" ? "offer" : status === "declined" ? "decline" : null, owner);
    if (stage === "offered") {
      disclosed = decisionMs;
      if (status === "active") {
        release = "pending";
        addStep(n, "manager_release", manager, decisionMs, null, null, decisionMs + 14 * DAY);
      } else if (status === "not_released") {
        release = "declined";
        addStep(n, "manager_release", manager, decisionMs, "declined", manager, decisionMs + 14 * DAY);
        addStep(n, "hr_decline_review", null, decisionMs + 3 * DAY, "upheld", rng.pick(hrStaff));
      } else {
        release = "approved";
        addStep(n, "manager_release", manager, decisionMs, "approved", manager, decisionMs + 14 * DAY);
        addStep(n, "hr_finalize", null, decisionMs + 3 * DAY, "finalized", rng.pick(hrStaff));
        const effectiveMs = Math.min(TODAY - DAY, decisionMs + rng.int(20, 60) * DAY);
        effective = isoDay(effectiveMs);
        if (moveKinds.has(opp.kind[o - 1]!)) {
          move.person.push(person);
          move.application.push(n);
          move.kind.push(opp.kind[o - 1]!);
          move.fromDept.push(P.department[person]!);
          move.toDept.push(opp.department[o - 1]!);
          move.fromRole.push(P.role[person]!);
          move.toRole.push(opp.role[o - 1] ?? P.role[person]!);
          move.fromManager.push(manager);
          move.toManager.push(owner);
          move.effective.push(effective);
        }
      }
    }
    app.id.push(n);
    app.opportunity.push(o);
    app.person.push(person);
    app.status.push(status);
    app.stage.push(stage);
    app.release.push(release);
    app.manager.push(manager);
    app.department.push(P.department[person]!);
    app.role.push(P.role[person]!);
    app.disclosed.push(disclosed === null ? null : iso(disclosed));
    app.effective.push(effective);
    app.reason.push(reason);
    app.created.push(iso(createdMs));
  }
  // Organisational moves that went through no application (reorganisations, promotions elsewhere).
  for (let n = 0; n < MOVES_WITHOUT_APPLICATION; n++) {
    const person = rng.pick(applicants);
    const to = rng.pick(sections);
    move.person.push(person);
    move.application.push(null);
    move.kind.push("reorganisation");
    move.fromDept.push(P.department[person]!);
    move.toDept.push(to.id);
    move.fromRole.push(P.role[person]!);
    move.toRole.push(rng.chance(0.7) ? P.role[person]! : rng.pick(allRoleIds));
    move.fromManager.push(P.manager[person] || null);
    move.toManager.push(headOf.get(to.id)!);
    move.effective.push(isoDay(daysAgo(rng.int(1, 3 * 365))));
  }
  await bulkInsert(
    client,
    "applications",
    {
      id: { type: "int", values: app.id },
      opportunity_id: { type: "int", values: app.opportunity },
      person_id: { type: "int", values: app.person },
      motivation: { type: "text", values: app.id.map((id) => rng.pick(statements) + (id % 7 === 0 ? " よろしくお願いします。" : "")) },
      status: { type: "application_status", values: app.status },
      hiring_stage: { type: "hiring_stage", values: app.stage },
      release_status: { type: "release_status", values: app.release },
      confidentiality: { type: "confidentiality_policy", values: app.id.map(() => "until_offer") },
      applicant_department_id: { type: "int", values: app.department },
      applicant_role_id: { type: "int", values: app.role },
      current_manager_id: { type: "int", values: app.manager },
      disclosed_at: { type: "timestamptz", values: app.disclosed },
      effective_on: { type: "date", values: app.effective },
      decision_reason: { type: "text", values: app.reason },
      version: { type: "int", values: app.id.map(() => 1) },
      created_at: { type: "timestamptz", values: app.created },
      updated_at: { type: "timestamptz", values: app.created },
    },
    { overriding: true },
  );
  lap(`applications (${app.id.length})`);
  await bulkInsert(
    client,
    "approval_steps",
    {
      application_id: { type: "int", values: step.application },
      step: { type: "approval_step", values: step.step },
      approver_id: { type: "int", values: step.approver },
      due_at: { type: "timestamptz", values: step.due },
      decided_at: { type: "timestamptz", values: step.decidedAt },
      decided_by_id: { type: "int", values: step.decidedBy },
      decision: { type: "text", values: step.decision },
      created_at: { type: "timestamptz", values: step.created },
    },
    { batch: 100_000 },
  );
  lap(`approval steps (${step.application.length})`);
  await bulkInsert(client, "moves", {
    person_id: { type: "int", values: move.person },
    application_id: { type: "int", values: move.application },
    kind: { type: "move_kind", values: move.kind },
    from_department_id: { type: "int", values: move.fromDept },
    to_department_id: { type: "int", values: move.toDept },
    from_role_id: { type: "int", values: move.fromRole },
    to_role_id: { type: "int", values: move.toRole },
    from_manager_id: { type: "int", values: move.fromManager },
    to_manager_id: { type: "int", values: move.toManager },
    effective_on: { type: "date", values: move.effective },
  });
  lap(`moves (${move.person.length})`);

  // ── history the reports read: leavers, saved Will versions, project participations ─────
  const managing = new Set(ids.map((id) => P.manager[id]!).filter((id) => id !== 0));
  const leavers = applicants.filter((id) => !managing.has(id) && rng.chance(LEAVER_SHARE));
  // Within the three years of history, after the person was hired.
  const leftDaysAgo = leavers.map((id) => rng.int(1, Math.min(hired[id - 1]! - 1, 3 * 365)));
  await client.query(
    `update people set active = false, left_on = leaver.left_on from unnest($1::int[], $2::date[]) as leaver(id, left_on) where people.id = leaver.id`,
    [leavers, leftDaysAgo.map((d) => isoDay(daysAgo(d)))],
  );
  // One saved version per Will, spread over the three years (deterministic: from the person's id).
  await client.query(
    `insert into will_versions (person_id, version, statement, horizon, openness, share_with_manager, share_with_hr, share_with_matching, target_role_ids, desired_skill_ids, saved_at)
     select w.person_id, 1, w.statement, w.horizon, w.openness, w.share_with_manager, w.share_with_hr, w.share_with_matching,
       coalesce((select array_agg(t.role_id order by t.role_id) from will_target_roles t where t.person_id = w.person_id), '{}'),
       coalesce((select array_agg(d.skill_id order by d.skill_id) from will_desired_skills d where d.person_id = w.person_id), '{}'),
       $1::timestamptz - make_interval(days => (w.person_id * 7919) % 1095)
     from wills w`,
    [new Date(TODAY).toISOString()],
  );
  // Completed applications to projects become participations.
  await client.query(
    `insert into participations (person_id, opportunity_id, application_id, time_percent, start_on, end_on)
     select a.person_id, a.opportunity_id, a.id, 20, a.effective_on, a.effective_on + 90
     from applications a join opportunities o on o.id = a.opportunity_id
     where a.status = 'completed' and o.kind = 'project' and a.effective_on is not null`,
  );
  lap(`leavers (${leavers.length}), Will versions, participations`);

  for (const table of ["departments", "people", "opportunities", "applications"]) await restartIdentity(client, table);
  await client.query("analyze");
  client.release();
  await pool.end();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `bench:seed done in ${seconds.toFixed(1)} s (target ≤ 90 s: ${seconds <= 90 ? "PASS" : "FAIL"}) — ${PEOPLE.toLocaleString("en")} people, ` +
      `${psPerson.length.toLocaleString("en")} person skills, ${skillIds.length} skills, ${OPPS} opportunities (${OPEN_OPPORTUNITIES} open), ` +
      `${app.id.length.toLocaleString("en")} applications, ${step.application.length.toLocaleString("en")} approval steps, ${move.person.length.toLocaleString("en")} moves; ` +
      `career paths ${careerPathSeeds.length}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
