/*
 * A hand-labelled evaluation set for the matching score: people and opportunities drawn
 * from the demo company's real career map and skill taxonomy (db/seed/data), and graded judgements
 * of how well each person fits each opportunity.
 *
 * How the labels were made — read this before changing anything here:
 * - The people, the postings and the grades were written BEFORE the scoring module existed and
 *   before any weight was tuned, from the point of view of a CS/HR practitioner reading a posting
 *   and a profile (skills, where the person stands on the career map, what their Will says).
 * - Grades: 3 = shortlist first (skills, career path and Will all point here); 2 = a good candidate
 *   worth inviting; 1 = plausible on paper but a stretch, or their Will points elsewhere;
 *   0 = a poor match.
 * - A person whose Will is not shared with matching is graded on what a hiring manager would see:
 *   their skills and position only.
 * - Do not edit a grade to make the NDCG test pass. If the score disagrees with a grade, change the
 *   policy (matching.policy.ts) or explain the disagreement; the labels are the yardstick.
 */
import { careerPaths, roles } from "../../db/seed/data/career-map";
import { skillAdjacency, skills } from "../../db/seed/data/skills";
import { buildAdjacency, buildRoleSteps } from "../../server/services/matching/matching.score";
import type { CandidateProfile, MatchContext, OpportunityProfile, OpportunitySkill } from "../../server/services/matching/matching.types";
import { buildAliasIndex, termsOf } from "../../server/services/matching/text-terms";

// ── ids: the seed data's order, as the seeding code inserts it ───────────────────────────────
const skillIdBySlug = new Map(skills.map((skill, index) => [skill.slug, index + 1]));
const roleIdBySlug = new Map(roles.map((role, index) => [role.slug, index + 1]));

export function skillId(slug: string): number {
  const id = skillIdBySlug.get(slug);
  if (id === undefined) throw new Error(`unknown skill ${slug}`);
  return id;
}
export function roleId(slug: string): number {
  const id = roleIdBySlug.get(slug);
  if (id === undefined) throw new Error(`unknown role ${slug}`);
  return id;
}

const aliasIndex = buildAliasIndex(skills.map((skill) => ({ id: skillId(skill.slug), nameJa: skill.ja, nameEn: skill.en, aliases: skill.aliases })));

export const evaluationContext: MatchContext = {
  adjacency: buildAdjacency(skillAdjacency.map(([a, b, weight]) => ({ skillA: skillId(a), skillB: skillId(b), weight }))),
  roleSteps: buildRoleSteps(careerPaths.map((path) => ({ fromRoleId: roleId(path.from), toRoleId: roleId(path.to) }))),
  skillNames: new Map(skills.map((skill) => [skillId(skill.slug), { ja: skill.ja, en: skill.en }])),
  roleNames: new Map(roles.map((role) => [roleId(role.slug), { ja: role.ja, en: role.en }])),
  aliasIndex,
};

// ── people ───────────────────────────────────────────────────────────────────────────────────
type PersonSpec = {
  key: string;
  /** Who this is, for the reader. */
  note: string;
  /** The career-map role levels they have been through: they hold what each expects. */
  path: ReadonlyArray<readonly [role: string, level: number]>;
  /** Skills beyond the career map's expectations (or above them): slug → level. */
  extra?: Readonly<Record<string, number>>;
  yearsAtLevel: number;
  will: null | { targets: readonly string[]; desired: readonly string[]; statement: string };
};

const people: readonly PersonSpec[] = [
  {
    key: "p01",
    note: "Operator L3 who files precise bug reports and wants product QA",
    path: [["cs-operator", 3]],
    extra: { "bug-reproduction": 2, "bug-reporting": 2, "log-investigation": 1 },
    yearsAtLevel: 4,
    will: {
      targets: ["product-qa"],
      desired: ["test-case-design", "manual-testing"],
      statement: "問い合わせ対応で見つけた不具合の傾向を、プロダクトの品質改善につなげたい。再現手順の書き方を活かしてテスト設計に挑戦したいです。",
    },
  },
  {
    key: "p02",
    note: "CS QA specialist L2 (from operator L3) who wants to assure the product, not only the contacts",
    path: [["cs-operator", 3], ["cs-qa", 2]],
    yearsAtLevel: 2.5,
    will: {
      targets: ["product-qa"],
      desired: ["root-cause-analysis", "test-case-design"],
      statement: "応対品質のモニタリングで培った品質の目線を、プロダクトの品質保証に広げたい。",
    },
  },
  {
    key: "p03",
    note: "CS trainer L2 who wants company-wide people development",
    path: [["cs-operator", 2], ["cs-trainer", 2]],
    yearsAtLevel: 2,
    will: {
      targets: ["hr-people-development"],
      desired: ["training-design", "leadership-training-design"],
      statement: "CSの研修設計と研修講師の経験を、全社の人材開発・新人研修に活かしたい。",
    },
  },
  {
    key: "p04",
    note: "OJT supporter L3 who wants onboarding and retention across the company",
    path: [["cs-operator", 2], ["cs-ojt-supporter", 3]],
    yearsAtLevel: 1,
    will: {
      targets: ["hr-people-development"],
      desired: ["career-support", "training-design"],
      statement: "新人の独り立ちを支えてきた経験を、全社のオンボーディングと定着支援に広げたい。",
    },
  },
  {
    key: "p05",
    note: "Team leader L3 who runs 1on1s with the team and wants to become an HRBP",
    path: [["cs-operator", 3], ["cs-leader", 3]],
    extra: { "one-on-one": 2, "career-support": 1, "active-listening": 3 },
    yearsAtLevel: 2.5,
    will: {
      targets: ["hrbp"],
      desired: ["hr-business-partnering", "one-on-one", "career-support"],
      statement: "メンバーの1on1やキャリアの相談に乗る中で、組織づくりを人事の立場から支えたいと思うようになった。",
    },
  },
  {
    key: "p06",
    note: "Supervisor L2 (operator → leader → SV) who wants to build HR systems as an HR manager",
    path: [["cs-operator", 3], ["cs-leader", 3], ["cs-supervisor", 2]],
    yearsAtLevel: 3,
    will: {
      targets: ["hr-manager"],
      desired: ["organization-design", "evaluation-system-design"],
      statement: "SVとしてメンバーの評価や育成に向き合ってきた。人事として組織全体の仕組みを作りたい。",
    },
  },
  {
    key: "p07",
    note: "Knowledge manager L3 who rewrites terms for the floor and wants legal support",
    path: [["cs-operator", 2], ["cs-knowledge-manager", 3]],
    yearsAtLevel: 3,
    will: {
      targets: ["legal-support"],
      desired: ["terms-policy-drafting", "legal-research"],
      statement: "規約やガイドラインを現場向けに正確に書き直してきた経験を、法務で規約改定や契約書の仕事に活かしたい。",
    },
  },
  {
    key: "p08",
    note: "Operator L2 who wants to move from reactive support to customer success",
    path: [["cs-operator", 2]],
    extra: { "expectation-setting": 2, "needs-discovery": 1 },
    yearsAtLevel: 2.5,
    will: {
      targets: ["customer-success-manager"],
      desired: ["customer-onboarding", "churn-prevention"],
      statement: "受け身のサポートから、お客様の成功に能動的に関わる仕事に挑戦したい。解約を防ぎたい。",
    },
  },
  {
    key: "p09",
    note: "WFM analyst L3 (from operator L2) who wants business development",
    path: [["cs-operator", 2], ["cs-wfm-analyst", 3]],
    yearsAtLevel: 2,
    will: {
      targets: ["bizdev"],
      desired: ["business-planning", "finance-accounting-basics"],
      statement: "需要予測や人員・コストの数字を扱ってきた経験を、事業計画に活かしたい。",
    },
  },
  {
    key: "p10",
    note: "Inside sales L2 (no CS background) who wants field sales",
    path: [["inside-sales", 2]],
    yearsAtLevel: 1.5,
    will: {
      targets: ["field-sales"],
      desired: ["solution-selling", "closing"],
      statement: "インサイドセールスから、フィールドセールスとして大型案件をクロージングまで担当したい。",
    },
  },
  {
    key: "p11",
    note: "Community manager L2 (no CS background) who wants brand management",
    path: [["community-manager", 2]],
    yearsAtLevel: 2,
    will: {
      targets: ["brand-manager"],
      desired: ["brand-management", "storytelling"],
      statement: "ユーザーコミュニティの運営で感じたブランドの力を、ブランドマネジメントで形にしたい。",
    },
  },
  {
    key: "p12",
    note: "New operator, six months in, Will not shared",
    path: [["cs-operator", 1]],
    yearsAtLevel: 0.5,
    will: null,
  },
  {
    key: "p13",
    note: "Product manager L2 (no CS background) who wants to head product",
    path: [["product-manager", 2]],
    yearsAtLevel: 1,
    will: {
      targets: ["product-head"],
      desired: ["product-roadmap"],
      statement: "プロダクトの戦略とロードマップを担いたい。",
    },
  },
  {
    key: "p14",
    note: "Recruiter L2 who wants to support hires after they join, through training",
    path: [["recruiter", 2]],
    yearsAtLevel: 2,
    will: {
      targets: ["hr-people-development"],
      desired: ["training-design"],
      statement: "採用した人が活躍するまでを支えたい。研修や育成の仕事に関わりたい。",
    },
  },
  {
    key: "p15",
    note: "Senior operator L4, five years at level, Will not shared",
    path: [["cs-operator", 4]],
    yearsAtLevel: 5,
    will: null,
  },
  {
    key: "p16",
    note: "Operator L3 who handles terms and privacy inquiries and wants legal support",
    path: [["cs-operator", 3]],
    extra: { "personal-data-protection": 2, "consumer-protection-law": 1, "business-writing": 2 },
    yearsAtLevel: 3,
    will: {
      targets: ["legal-support"],
      desired: ["legal-research"],
      statement: "カスタマーサポートで規約や個人情報に関する問い合わせを多く担当し、法務の仕事に興味を持った。",
    },
  },
  {
    key: "p17",
    note: "Operator L3 who analyses the customer's voice and wants marketing",
    path: [["cs-operator", 3]],
    extra: { "voc-analysis": 2, spreadsheets: 2, "survey-design": 1 },
    yearsAtLevel: 3,
    will: {
      targets: ["marketing-planner"],
      desired: ["market-research", "persona-design"],
      statement: "お客様の声を分析して、商品企画やマーケティングに活かしたい。",
    },
  },
];

function skillsOf(spec: PersonSpec): Map<number, number> {
  const held = new Map<number, number>();
  const raise = (slug: string, level: number) => {
    const id = skillId(slug);
    held.set(id, Math.max(held.get(id) ?? 0, level));
  };
  for (const [roleSlug, upTo] of spec.path) {
    const role = roles.find((candidate) => candidate.slug === roleSlug);
    if (!role) throw new Error(`unknown role ${roleSlug}`);
    for (const level of role.levels) if (level.level <= upTo) for (const skill of level.skills) raise(skill.skill, skill.level);
  }
  for (const [slug, level] of Object.entries(spec.extra ?? {})) raise(slug, level);
  return held;
}

function profileOf(spec: PersonSpec, personId: number): CandidateProfile {
  const [roleSlug, level] = spec.path.at(-1)!;
  const role = roles.find((candidate) => candidate.slug === roleSlug)!;
  return {
    personId,
    roleId: roleId(roleSlug),
    level,
    yearsAtLevel: spec.yearsAtLevel,
    standardYears: role.levels[level - 1]!.standardYears,
    skills: skillsOf(spec),
    will: spec.will && {
      targetRoleIds: spec.will.targets.map(roleId),
      desiredSkillIds: spec.will.desired.map(skillId),
      terms: termsOf(spec.will.statement, aliasIndex),
    },
  };
}

export const evaluationPeople: ReadonlyMap<string, CandidateProfile> = new Map(people.map((spec, index) => [spec.key, profileOf(spec, 101 + index)]));

// ── opportunities: written as the hiring manager would post them ─────────────────────────────
type OpportunitySpec = {
  key: string;
  role: string | null;
  title: string;
  description: string;
  required: Readonly<Record<string, number>>;
  preferred: Readonly<Record<string, number>>;
  grows: Readonly<Record<string, number>>;
};

const opportunities: readonly OpportunitySpec[] = [
  {
    key: "product-qa",
    role: "product-qa",
    title: "プロダクトQAエンジニア（CS出身歓迎）",
    description: "お問い合わせから見えた不具合の傾向を、テスト設計に活かしてください。CSで培った再現手順の書き方がそのまま武器になります。",
    required: { "product-knowledge": 2, troubleshooting: 1, "bug-reporting": 1 },
    preferred: { "bug-reproduction": 1, "manual-testing": 1, "customer-centric-mindset": 1 },
    grows: { "test-case-design": 2, "regression-testing": 2, "spec-reading": 2 },
  },
  {
    key: "customer-success",
    role: "customer-success-manager",
    title: "カスタマーサクセス（SMB担当）",
    description: "導入後のお客様に能動的に関わり、活用を支援します。解約率の改善が目標です。",
    required: { "product-knowledge": 2, "customer-centric-mindset": 2, "empathetic-communication": 2 },
    preferred: { troubleshooting: 2, "customer-onboarding": 1, "adoption-promotion": 1 },
    grows: { "churn-prevention": 2, "business-review": 2, "needs-discovery": 2 },
  },
  {
    key: "people-development",
    role: "hr-people-development",
    title: "新人研修の企画（人材開発）",
    description: "全社の新人研修の企画・運営を担当します。CSのOJTやトレーナー経験を歓迎します。",
    required: { "new-hire-onboarding": 2, "training-delivery": 1 },
    preferred: { "training-design": 1, facilitation: 2, ojt: 2, coaching: 1 },
    grows: { "training-design": 2, "training-evaluation": 2, "elearning-creation": 2 },
  },
  {
    key: "hrbp",
    role: "hrbp",
    title: "HRビジネスパートナー（CS部門担当）",
    description: "CS部門の組織づくりを人事の立場から支えます。1on1やキャリア面談の経験、SV・マネージャー経験者歓迎。",
    required: { "one-on-one": 2, "active-listening": 2, "empathetic-communication": 2 },
    preferred: { "performance-evaluation": 2, "career-support": 2, "stakeholder-management": 2, "labor-law-basics": 1 },
    grows: { "hr-business-partnering": 2, "engagement-survey": 2, "internal-mobility": 2 },
  },
  {
    key: "legal-support",
    role: "legal-support",
    title: "法務サポート（規約・契約書）",
    description: "利用規約・ガイドラインの改定や契約書レビューの補助を担当します。規約への問い合わせ対応やナレッジ作成の経験を歓迎します。",
    required: { "terms-of-service-knowledge": 2, "business-writing": 2 },
    preferred: { "personal-data-protection": 2, "contract-document-management": 1, "consumer-protection-law": 1 },
    grows: { "contract-review-support": 2, "terms-policy-drafting": 2, "legal-research": 2 },
  },
  {
    key: "voc-project",
    role: null,
    title: "VOC分析プロジェクト（兼務20%）",
    description: "お客様の声を分析し、企画チームに届けるプロジェクトです。3か月、週1日程度。",
    required: { "voc-analysis": 2, spreadsheets: 2 },
    preferred: { "data-analysis": 2, "survey-design": 1, "product-knowledge": 3 },
    grows: { "market-research": 2, "persona-design": 2 },
  },
  {
    key: "bizdev",
    role: "bizdev",
    title: "事業開発（新規パートナー開拓）",
    description: "新規パートナーの開拓と事業計画づくりを担当します。数字に強い方を歓迎します。",
    required: { spreadsheets: 2, "logical-thinking": 2, "proposal-writing": 2 },
    preferred: { "market-research": 1, "partner-operations": 1, "business-process-design": 1 },
    grows: { "partnership-development": 2, "market-sizing": 2, "finance-accounting-basics": 2 },
  },
];

const skillList = (levels: Readonly<Record<string, number>>): OpportunitySkill[] =>
  Object.entries(levels).map(([slug, level]) => ({ skillId: skillId(slug), level }));

export const evaluationOpportunities: ReadonlyMap<string, OpportunityProfile> = new Map(
  opportunities.map((spec, index) => [
    spec.key,
    {
      opportunityId: 501 + index,
      roleId: spec.role === null ? null : roleId(spec.role),
      required: skillList(spec.required),
      preferred: skillList(spec.preferred),
      grows: skillList(spec.grows),
      terms: termsOf(`${spec.title}\n${spec.description}`, aliasIndex),
    },
  ]),
);

// ── judgements: opportunity → person → grade 0–3 (written before any tuning) ────────────────
export const judgements: Readonly<Record<string, Readonly<Record<string, 0 | 1 | 2 | 3>>>> = {
  "product-qa": {
    p01: 3, // files reproducible bugs, Will is product QA
    p02: 3, // CS QA → product QA is the move the seeds name
    p15: 2, // strong operator (troubleshooting 3, product knowledge 4); no Will shared, worth inviting
    p08: 1, // has the basics, but wants customer success
    p07: 1, // reads specs, knows the product; wants legal
    p12: 0, // six months in: not yet the product depth
    p11: 0, // community, no support or testing background
    p13: 0, // PM without troubleshooting or bug work, aiming at product head
  },
  "customer-success": {
    p08: 3, // operator with expectation setting and discovery, Will is exactly this
    p15: 2, // deep product knowledge and customer-centric mindset; no Will shared
    p01: 1, // the skills carry over, but the Will is product QA
    p05: 1, // leader, customer skills, wants HRBP
    p10: 1, // customer-facing and discovery, but sales-minded and no empathy track record
    p11: 1, // empathetic, customer-centric; lacks product and support depth
    p12: 0, // too early
    p09: 0, // planning numbers, not customer-facing
  },
  "people-development": {
    p03: 3, // CS trainer → HR people development: the named path, Will matches
    p04: 2, // OJT supporter with onboarding depth and the Will; has not delivered classroom training
    p14: 1, // HR family and the Will, but no training experience
    p05: 1, // coaches juniors (OJT 3), wants HRBP
    p06: 1, // coaching as a supervisor, wants HR management
    p12: 0,
    p10: 0,
    p09: 0,
  },
  hrbp: {
    p05: 3, // leader who runs 1on1s and career talks, Will is HRBP
    p06: 3, // supervisor: 1on1, appraisal, people management; HRBP is on the way to HR manager
    p04: 1, // mentoring and onboarding, wants people development
    p14: 1, // HR colleague, but no 1on1 or appraisal experience
    p03: 1, // training side of HR, wants people development
    p15: 0, // no people-side experience
    p13: 0,
    p10: 0,
  },
  "legal-support": {
    p07: 3, // knowledge manager → legal support, the named path; writes terms for the floor
    p16: 2, // handles terms and privacy inquiries, Will is legal
    p01: 1, // knows the terms of service, Will elsewhere
    p15: 1, // senior operator, knows the terms; no Will shared
    p11: 0, // community guidelines only, Will is brand
    p09: 0,
    p10: 0,
  },
  "voc-project": {
    p17: 3, // analyses the customer's voice, Will is marketing planning
    p13: 2, // PM: VOC, user research and analytics are their daily work
    p15: 2, // senior operator with VOC analysis; no Will shared
    p07: 1, // VOC and product knowledge, no spreadsheet skill listed, wants legal
    p06: 1, // VOC and KPIs as a supervisor, Will is HR
    p09: 1, // strong with numbers, no VOC background
    p12: 0,
    p10: 0,
    p03: 0,
  },
  bizdev: {
    p09: 3, // WFM analyst → bizdev, the named path; forecasts, headcount and cost
    p13: 1, // product sense and analytics, Will is product head
    p06: 1, // runs KPIs and budgets of a floor, Will is HR
    p10: 1, // commercial instinct, Will is field sales
    p12: 0,
    p03: 0,
    p11: 0,
  },
};
