import type { DemoPersonaKey } from "../personas";

/**
 * The demo company's organisation chart: a marketplace company built around its customer service
 * (about 45 % of the people), with the departments its CS people "seep out" into. Codes are
 * stable keys; role slugs come from career-map.ts, skill category slugs from skills.ts.
 */

type Level = 1 | 2 | 3 | 4;

/** A demo sign-in persona placed at a fixed spot of the chart, with a fixed name (kanji from names.ts). */
export type PersonaSlot = {
  key: DemoPersonaKey;
  family: string;
  given: string;
  /** The role of a member persona (a manager persona takes the department's manager role). */
  role?: string;
  career?: { minYears?: number; maxYears?: number; fixedLevel?: Level };
  /** Skills the persona holds besides the generated ones, to make the demo story visible. */
  skills?: readonly { skill: string; level: Level }[];
};

export type DepartmentSpec = {
  code: string;
  ja: string;
  en: string;
  location: string;
  /** The department's manager: the family's management role at level 3 or 4. */
  manager: { role: string; level: 3 | 4 };
  managerPersona?: PersonaSlot;
  /** Members besides the manager. */
  headcount: number;
  /** Member roles and their relative weights; the first is the entry role people are hired into. */
  members: ReadonlyArray<readonly [role: string, weight: number]>;
  /** Skill categories the members pick up beyond their role: the neighbouring fields they explore. */
  interests: readonly string[];
  /** Members (and the manager) are HR staff. */
  hr?: boolean;
  /** Persona members, placed first among the members. */
  personas?: readonly PersonaSlot[];
  children?: readonly DepartmentSpec[];
};

const csInterests = ["quality", "community", "people-development", "hr", "legal", "product-management", "marketing", "data-digital"];

const frontline = (site: { code: string; ja: string; en: string; location: string }, headcount: number): DepartmentSpec => ({
  code: `${site.code}-T1`,
  ja: `${site.ja} 一次対応チーム`,
  en: `${site.en} Frontline Team`,
  location: site.location,
  manager: { role: "cs-supervisor", level: 3 },
  headcount,
  members: [
    ["cs-operator", 80],
    ["cs-leader", 14],
    ["cs-ojt-supporter", 6],
  ],
  interests: csInterests,
});

const escalation = (site: { code: string; ja: string; en: string; location: string }, headcount: number): DepartmentSpec => ({
  code: `${site.code}-ESC`,
  ja: `${site.ja} エスカレーションチーム`,
  en: `${site.en} Escalation Team`,
  location: site.location,
  manager: { role: "cs-supervisor", level: 3 },
  headcount,
  members: [
    ["cs-operator", 65],
    ["cs-leader", 35],
  ],
  interests: csInterests,
});

const site = (code: string, ja: string, en: string, location: string, wfmAnalysts: number, teams: DepartmentSpec[]): DepartmentSpec => ({
  code,
  ja: `${ja}カスタマーサポートセンター`,
  en: `${en} Customer Support Center`,
  location,
  manager: { role: "cs-manager", level: 3 },
  headcount: wfmAnalysts,
  members: [["cs-wfm-analyst", 1]],
  interests: ["data-digital", "operations-wfm", "planning-projects"],
  children: teams,
});

const tokyo = { code: "CS-TKY", ja: "東京", en: "Tokyo", location: "東京" };
const sendai = { code: "CS-SDJ", ja: "仙台", en: "Sendai", location: "仙台" };
const fukuoka = { code: "CS-FUK", ja: "福岡", en: "Fukuoka", location: "福岡" };

export const demoOrganisation: DepartmentSpec = {
  code: "KKZ",
  ja: "株式会社カケザン",
  en: "Kakezan Inc.",
  location: "東京",
  // The company's head comes from business development: the demo's "CEO".
  manager: { role: "bizdev-manager", level: 4 },
  headcount: 0,
  members: [],
  interests: [],
  children: [
    {
      code: "CS",
      ja: "カスタマーサービス本部",
      en: "Customer Service Division",
      location: "東京",
      manager: { role: "cs-center-head", level: 4 },
      headcount: 0,
      members: [],
      interests: [],
      children: [
        site("CS-TKY", "東京", "Tokyo", "東京", 2, [
          {
            ...frontline(tokyo, 26),
            managerPersona: { key: "manager", family: "中村", given: "大輔" },
            personas: [
              {
                key: "employee",
                family: "佐藤",
                given: "陽菜",
                role: "cs-operator",
                career: { minYears: 3, maxYears: 3.6, fixedLevel: 2 },
                // CS × QA × community: the multiplied specialties the matching should surface.
                skills: [
                  { skill: "quality-monitoring", level: 2 },
                  { skill: "community-moderation", level: 2 },
                  { skill: "social-media-support", level: 2 },
                ],
              },
            ],
          },
          escalation(tokyo, 11),
        ]),
        site("CS-SDJ", "仙台", "Sendai", "仙台", 2, [
          frontline(sendai, 24),
          {
            code: "CS-SDJ-CHT",
            ja: "仙台 チャット・メール対応チーム",
            en: "Sendai Chat & Email Team",
            location: "仙台",
            manager: { role: "cs-supervisor", level: 3 },
            headcount: 14,
            members: [
              ["cs-operator", 80],
              ["cs-leader", 15],
              ["cs-knowledge-manager", 5],
            ],
            interests: csInterests,
          },
        ]),
        site("CS-FUK", "福岡", "Fukuoka", "福岡", 1, [frontline(fukuoka, 20), escalation(fukuoka, 9)]),
        {
          code: "CS-QM",
          ja: "CS品質管理部",
          en: "CS Quality Management Department",
          location: "東京",
          manager: { role: "cs-manager", level: 4 },
          headcount: 14,
          members: [
            ["cs-qa", 35],
            ["cs-trainer", 30],
            ["cs-knowledge-manager", 25],
            ["cs-ojt-supporter", 10],
          ],
          interests: ["data-digital", "product-management", "hr", "community"],
        },
      ],
    },
    {
      code: "SALES",
      ja: "営業部",
      en: "Sales Department",
      location: "東京",
      manager: { role: "sales-manager", level: 4 },
      headcount: 35,
      members: [
        ["inside-sales", 55],
        ["field-sales", 45],
      ],
      interests: ["customer-success", "marketing", "consulting", "customer-interaction"],
    },
    {
      code: "CSM",
      ja: "カスタマーサクセス部",
      en: "Customer Success Department",
      location: "東京",
      manager: { role: "cs-success-lead", level: 4 },
      headcount: 22,
      members: [["customer-success-manager", 1]],
      interests: ["consulting", "sales", "data-digital", "customer-interaction"],
      children: [
        {
          code: "CSM-CX",
          ja: "CXコンサルティンググループ",
          en: "CX Consulting Group",
          location: "東京",
          manager: { role: "consulting-manager", level: 3 },
          headcount: 8,
          members: [["consultant", 1]],
          interests: ["customer-success", "operations-wfm", "quality"],
        },
      ],
    },
    {
      code: "MKT",
      ja: "マーケティング部",
      en: "Marketing Department",
      location: "東京",
      manager: { role: "marketing-manager", level: 3 },
      headcount: 20,
      members: [
        ["marketing-planner", 65],
        ["brand-manager", 35],
      ],
      interests: ["community", "data-digital", "product-management", "customer-interaction"],
    },
    {
      code: "PRD",
      ja: "プロダクト本部",
      en: "Product Division",
      location: "東京",
      manager: { role: "product-head", level: 4 },
      headcount: 0,
      members: [],
      interests: [],
      children: [
        {
          code: "PRD-PM",
          ja: "プロダクトマネジメントグループ",
          en: "Product Management Group",
          location: "東京",
          manager: { role: "product-head", level: 3 },
          headcount: 16,
          members: [["product-manager", 1]],
          interests: ["customer-interaction", "data-digital", "marketing"],
        },
        {
          code: "PRD-QA",
          ja: "QAグループ",
          en: "Quality Assurance Group",
          location: "東京",
          manager: { role: "product-head", level: 3 },
          headcount: 12,
          members: [["product-qa", 1]],
          interests: ["customer-interaction", "tech-support", "data-digital"],
        },
      ],
    },
    {
      code: "HR",
      ja: "人事部",
      en: "Human Resources Department",
      location: "東京",
      manager: { role: "hr-manager", level: 4 },
      headcount: 10,
      members: [
        ["recruiter", 35],
        ["hr-people-development", 35],
        ["hrbp", 30],
      ],
      interests: ["people-development", "customer-interaction", "legal", "data-digital"],
      hr: true,
      personas: [
        { key: "hr", family: "田中", given: "美咲", role: "hrbp" },
        // Keeps the skill taxonomy, the career map and the people data (not an HR reader).
        { key: "admin", family: "高橋", given: "直樹", role: "hr-people-development" },
      ],
    },
    {
      code: "BIZ",
      ja: "事業開発部",
      en: "Business Development Department",
      location: "東京",
      manager: { role: "bizdev-manager", level: 3 },
      headcount: 11,
      members: [["bizdev", 1]],
      interests: ["sales", "marketing", "legal", "customer-interaction"],
    },
    {
      code: "LEGAL",
      ja: "法務部",
      en: "Legal Department",
      location: "東京",
      manager: { role: "legal-manager", level: 4 },
      headcount: 6,
      members: [["legal-support", 1]],
      interests: ["customer-interaction", "hr", "quality"],
    },
    {
      code: "COMM",
      ja: "コミュニティ部",
      en: "Community Department",
      location: "東京",
      manager: { role: "community-lead", level: 3 },
      // Last in the chart on purpose: a fixed name draws nothing from the generator, so only the
      // people planned after this slot (this department's members) change.
      managerPersona: { key: "hiring_manager", family: "岡田", given: "一郎" },
      headcount: 10,
      members: [["community-manager", 1]],
      interests: ["customer-interaction", "marketing", "data-digital"],
    },
  ],
};
