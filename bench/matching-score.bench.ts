/**
 * Matching score, pure TypeScript, no database, against the targets:
 * - recompute one opportunity's candidates over 100,000 people (top 50 with explanations): ≤ 300 ms;
 * - opportunities for one person (top 20 of 2,000 open, with explanations): p95 ≤ 30 ms.
 * Synthetic, deterministic data (fixed seed) over the real taxonomy (246 skills, their adjacency)
 * and career map: 100,000 people with 8–15 skills each and skewed skill popularity, ~40 % with a
 * Will shared; 2,000 opportunities with 6–12 skills. Writes bench/results/matching-score.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { careerPaths, roles } from "../db/seed/data/career-map";
import { skillAdjacency, skills } from "../db/seed/data/skills";
import { createRandom } from "../db/seed/random";
import { rankCandidates, rankOpportunities } from "../server/services/matching/matching.rank";
import { buildAdjacency, buildRoleSteps } from "../server/services/matching/matching.score";
import type { CandidateProfile, MatchContext, OpportunityProfile, OpportunitySkill } from "../server/services/matching/matching.types";
import { buildAliasIndex, termsOf } from "../server/services/matching/text-terms";

const PEOPLE = 100_000;
const OPPORTUNITIES = 2_000;
const CANDIDATE_ROUNDS = 15;
const PERSON_ROUNDS = 200;
const TARGET_CANDIDATES_MS = 300;
const TARGET_OPPORTUNITIES_P95_MS = 30;

const skillId = new Map(skills.map((skill, index) => [skill.slug, index + 1]));
const roleId = new Map(roles.map((role, index) => [role.slug, index + 1]));
const aliasIndex = buildAliasIndex(skills.map((skill) => ({ id: skillId.get(skill.slug)!, nameJa: skill.ja, nameEn: skill.en, aliases: skill.aliases })));
const context: MatchContext = {
  adjacency: buildAdjacency(skillAdjacency.map(([a, b, weight]) => ({ skillA: skillId.get(a)!, skillB: skillId.get(b)!, weight }))),
  roleSteps: buildRoleSteps(careerPaths.map((path) => ({ fromRoleId: roleId.get(path.from)!, toRoleId: roleId.get(path.to)! }))),
  skillNames: new Map(skills.map((skill) => [skillId.get(skill.slug)!, { ja: skill.ja, en: skill.en }])),
  roleNames: new Map(roles.map((role) => [roleId.get(role.slug)!, { ja: role.ja, en: role.en }])),
  aliasIndex,
};

const rng = createRandom(20261105);
const skillCount = skills.length;
// Skewed popularity: skill i (in a fixed shuffled order) is drawn with weight 1 / (i + 1)^0.9.
const popularityOrder = rng.shuffle(skills.map((_, index) => index + 1));
const cumulative: number[] = [];
let running = 0;
for (let i = 0; i < skillCount; i++) cumulative.push((running += 1 / (i + 1) ** 0.9));
function popularSkill(): number {
  const x = rng.next() * running;
  let lo = 0;
  let hi = skillCount - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return popularityOrder[lo]!;
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
const postings = [
  "プロダクトQAエンジニア（CS出身歓迎） お問い合わせから見えた不具合の傾向を、テスト設計に活かしてください。",
  "カスタマーサクセス 導入後のお客様に能動的に関わり、活用を支援します。解約率の改善が目標です。",
  "新人研修の企画 全社の新人研修の企画・運営を担当します。OJTやトレーナー経験を歓迎します。",
  "法務サポート 利用規約・ガイドラインの改定や契約書レビューの補助を担当します。",
  "VOC分析プロジェクト お客様の声を分析し、企画チームに届けるプロジェクトです。",
  "Community manager rotation: run events and the user community for six months.",
  "事業開発 新規パートナーの開拓と事業計画づくりを担当します。",
  "HRビジネスパートナー CS部門の組織づくりを人事の立場から支えます。",
];
const statementTerms = statements.map((text) => termsOf(text, aliasIndex));
const postingTerms = postings.map((text) => termsOf(text, aliasIndex));
const roleIds = [...roleId.values()];

function makePeople(): CandidateProfile[] {
  const people: CandidateProfile[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const held = new Map<number, number>();
    const count = rng.int(8, 15);
    while (held.size < count) held.set(popularSkill(), rng.int(1, 4));
    const level = rng.int(1, 4);
    const hasWill = rng.chance(0.4);
    people.push({
      personId: i + 1,
      roleId: rng.pick(roleIds),
      level,
      yearsAtLevel: rng.int(0, 60) / 10,
      standardYears: rng.pick([1, 1.5, 2, 3, 4]),
      skills: held,
      will: hasWill
        ? {
            targetRoleIds: [rng.pick(roleIds), ...(rng.chance(0.3) ? [rng.pick(roleIds)] : [])],
            desiredSkillIds: Array.from({ length: rng.int(0, 3) }, () => popularSkill()),
            terms: rng.pick(statementTerms),
          }
        : null,
    });
  }
  return people;
}

function makeOpportunities(): OpportunityProfile[] {
  const opportunities: OpportunityProfile[] = [];
  for (let i = 0; i < OPPORTUNITIES; i++) {
    const total = rng.int(6, 12);
    const chosen = new Set<number>();
    while (chosen.size < total) chosen.add(popularSkill());
    const list = [...chosen].map((id): OpportunitySkill => ({ skillId: id, level: rng.int(1, 3) }));
    const required = rng.int(2, Math.min(4, total - 4));
    const preferred = rng.int(2, Math.min(4, total - required - 2));
    opportunities.push({
      opportunityId: i + 1,
      roleId: rng.chance(0.8) ? rng.pick(roleIds) : null,
      required: list.slice(0, required),
      preferred: list.slice(required, required + preferred),
      grows: list.slice(required + preferred),
      terms: rng.pick(postingTerms),
    });
  }
  return opportunities;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (value: number) => Number(value.toFixed(2));

function main() {
  const people = makePeople();
  const opportunities = makeOpportunities();

  // One opportunity over 100,000 people, top 50 with explanations and what-ifs.
  for (let round = 0; round < 3; round++) rankCandidates(people, opportunities[round]!, context, 50); // warm-up
  const candidateTimings: number[] = [];
  let eligibleInTop = 0;
  for (let round = 0; round < CANDIDATE_ROUNDS; round++) {
    const opportunity = opportunities[10 + round]!;
    const start = performance.now();
    const ranked = rankCandidates(people, opportunity, context, 50);
    candidateTimings.push(performance.now() - start);
    eligibleInTop += ranked.filter((row) => row.explanation.eligible).length;
  }

  // One person over 2,000 opportunities, top 20. The first call also compiles every opportunity.
  const coldStart = performance.now();
  rankOpportunities(people[0]!, opportunities, context, 20);
  const coldMs = performance.now() - coldStart;
  const personTimings: number[] = [];
  for (let round = 0; round < PERSON_ROUNDS; round++) {
    const person = people[(round * 499) % PEOPLE]!;
    const start = performance.now();
    rankOpportunities(person, opportunities, context, 20);
    personTimings.push(performance.now() - start);
  }

  candidateTimings.sort((a, b) => a - b);
  personTimings.sort((a, b) => a - b);
  const candidates = {
    people: PEOPLE,
    k: 50,
    samples: candidateTimings.length,
    p50Ms: ms(percentile(candidateTimings, 50)),
    p95Ms: ms(percentile(candidateTimings, 95)),
    maxMs: ms(candidateTimings.at(-1)!),
    eligibleShareOfTop: Number((eligibleInTop / (50 * CANDIDATE_ROUNDS)).toFixed(2)),
    targetMs: TARGET_CANDIDATES_MS,
    pass: candidateTimings.at(-1)! <= TARGET_CANDIDATES_MS,
  };
  const opportunitiesResult = {
    opportunities: OPPORTUNITIES,
    k: 20,
    samples: personTimings.length,
    coldFirstCallMs: ms(coldMs),
    p50Ms: ms(percentile(personTimings, 50)),
    p95Ms: ms(percentile(personTimings, 95)),
    maxMs: ms(personTimings.at(-1)!),
    targetP95Ms: TARGET_OPPORTUNITIES_P95_MS,
    pass: percentile(personTimings, 95) <= TARGET_OPPORTUNITIES_P95_MS,
  };
  const result = {
    name: "matching-score",
    engine: "none (pure TypeScript)",
    node: process.version,
    rankCandidates: candidates,
    rankOpportunities: opportunitiesResult,
    pass: candidates.pass && opportunitiesResult.pass,
    measuredAt: new Date().toISOString(),
  };
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/matching-score.json", `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `matching score: one opportunity × ${PEOPLE.toLocaleString("en")} people max ${candidates.maxMs} ms (p50 ${candidates.p50Ms}) — target ≤ ${TARGET_CANDIDATES_MS} ms: ${candidates.pass ? "PASS" : "FAIL"}; ` +
      `one person × ${OPPORTUNITIES.toLocaleString("en")} opportunities p95 ${opportunitiesResult.p95Ms} ms — target p95 ≤ ${TARGET_OPPORTUNITIES_P95_MS} ms: ${opportunitiesResult.pass ? "PASS" : "FAIL"}`,
  );
  if (!result.pass) process.exitCode = 1;
}

main();
