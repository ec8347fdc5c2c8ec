import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { applications, approvalSteps, departments, moves, opportunities, opportunitySkills, people, roles, skills } from "../schema";
import * as careerMap from "./data/career-map";
import { DEMO_AS_OF } from "./demo-company";
import { demoPersonas } from "./personas";

const DAY_MS = 86_400_000;
const AS_OF_MS = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
const at = (days: number) => new Date(AS_OF_MS + days * DAY_MS);
const on = (days: number) => at(days).toISOString().slice(0, 10);

type Kind = (typeof opportunities.$inferInsert)["kind"];
type Plan = {
  key: string;
  department: string;
  kind: Kind;
  role: string | null;
  title: string;
  description: string;
  status: "draft" | "open" | "closed" | "filled";
  timePercent?: number;
  location: string;
  workplace?: "onsite" | "hybrid" | "remote";
  openedDaysAgo?: number;
  /** Skills come from this career-map role's level 1 (required, preferred) and level 2 (grows). */
  skillsFrom: string;
};

const plans: Plan[] = [
  { key: "pqa", department: "PRD-QA", kind: "transfer", role: "product-qa", title: "プロダクトQAエンジニア（CS出身歓迎）", description: "お問い合わせから見えた不具合の傾向を、テスト設計に活かしてください。CSで培った再現手順の書き方がそのまま武器になります。", status: "open", location: "東京", workplace: "hybrid", openedDaysAgo: 12, skillsFrom: "product-qa" },
  { key: "training", department: "HR", kind: "transfer", role: "hr-people-development", title: "新人研修の企画（人材開発）", description: "全社の新人研修の企画・運営を担当します。CSのOJTやトレーナー経験を歓迎します。", status: "open", location: "東京", workplace: "hybrid", openedDaysAgo: 20, skillsFrom: "hr-people-development" },
  { key: "csm", department: "CSM", kind: "transfer", role: "customer-success-manager", title: "カスタマーサクセス（SMB担当）", description: "導入後のお客様に能動的に関わり、活用を支援します。解約率の改善が目標です。", status: "open", location: "東京", workplace: "remote", openedDaysAgo: 5, skillsFrom: "customer-success-manager" },
  { key: "voc", department: "MKT", kind: "project", role: null, title: "VOC分析プロジェクト（兼務20%）", description: "お客様の声を分析し、企画チームに届けるプロジェクトです。3か月、週1日程度。", status: "open", timePercent: 20, location: "オンライン", workplace: "remote", openedDaysAgo: 8, skillsFrom: "marketing-planner" },
  { key: "community", department: "COMM", kind: "rotation", role: "community-manager", title: "コミュニティマネージャー ローテーション（6か月）", description: "ユーザーコミュニティの運営を半年間担当します。終了後は元の部署に戻ります。", status: "open", location: "東京", openedDaysAgo: 15, skillsFrom: "community-manager" },
  { key: "legal", department: "LEGAL", kind: "mentorship", role: null, title: "法務サポートのシャドーイング", description: "契約書レビュー補助の仕事を、月2回のシャドーイングで体験できます。", status: "open", timePercent: 5, location: "東京", openedDaysAgo: 30, skillsFrom: "legal-support" },
  { key: "pm-casual", department: "PRD-PM", kind: "casual_interview", role: null, title: "PMチームとカジュアル面談", description: "プロダクトマネージャーの仕事について、気軽に話を聞きに来てください。", status: "open", timePercent: 1, location: "オンライン", workplace: "remote", openedDaysAgo: 40, skillsFrom: "product-manager" },
  { key: "inside-sales", department: "SALES", kind: "trial_joining", role: "inside-sales", title: "インサイドセールス体験入部（2週間）", description: "2週間、インサイドセールスのチームに入って商談準備を体験します。", status: "open", timePercent: 50, location: "福岡", workplace: "onsite", openedDaysAgo: 3, skillsFrom: "inside-sales" },
  { key: "bizdev", department: "BIZ", kind: "transfer", role: "bizdev", title: "事業開発（新規パートナー開拓）", description: "準備中の公募です。", status: "draft", location: "東京", skillsFrom: "bizdev" },
  { key: "qa-specialist", department: "CS-QM", kind: "transfer", role: "cs-qa", title: "QAスペシャリスト（応対品質）", description: "応対品質のモニタリングとフィードバックを担当します。", status: "filled", location: "仙台", openedDaysAgo: 90, skillsFrom: "cs-qa" },
  { key: "brand", department: "MKT", kind: "transfer", role: "brand-manager", title: "ブランドマネージャー", description: "ブランドガイドラインの策定と運用。", status: "closed", location: "東京", openedDaysAgo: 120, skillsFrom: "brand-manager" },
  { key: "pm", department: "PRD-PM", kind: "transfer", role: "product-manager", title: "プロダクトマネージャー（CS基盤）", description: "問い合わせ管理基盤のPMです。CSの現場を知る方を求めています。", status: "open", location: "東京", workplace: "hybrid", openedDaysAgo: 25, skillsFrom: "product-manager" },
  { key: "hrbp", department: "HR", kind: "transfer", role: "hrbp", title: "HRビジネスパートナー（CS部門担当）", description: "CS部門の組織づくりを人事の立場から支えます。SV・マネージャー経験者歓迎。", status: "open", location: "東京", openedDaysAgo: 35, skillsFrom: "hrbp" },
];

/**
 * Postings of every kind and status, and applications in every workflow state, so each screen of
 * the demo has content: the manager persona has a release to decide, HR has moves to finalize, an
 * overdue release and a declined release to review. Deterministic; runs after the demo company.
 */
export async function seedDemoOpportunities(db: Executor): Promise<void> {
  const departmentRows = await db.select({ id: departments.id, code: departments.code }).from(departments);
  const departmentId = (code: string) => departmentRows.find((row) => row.code === code)!.id;
  const roleRows = await db.select({ id: roles.id, slug: roles.slug }).from(roles);
  const roleId = (slug: string) => roleRows.find((row) => row.slug === slug)!.id;
  const skillRows = await db.select({ id: skills.id, slug: skills.slug }).from(skills);
  const skillId = (slug: string) => skillRows.find((row) => row.slug === slug)!.id;
  const everyone = await db.select().from(people).orderBy(asc(people.id));
  const byNumber = (key: string) => everyone.find((person) => person.employeeNumber === demoPersonas.find((persona) => persona.key === key)!.employeeNumber)!;
  // A department's hiring manager: the person there with the most reports.
  const ownerOf = (code: string) => {
    const members = everyone.filter((person) => person.departmentId === departmentId(code));
    const reports = (id: number) => everyone.filter((person) => person.managerId === id).length;
    return [...members].sort((a, b) => reports(b.id) - reports(a.id) || a.id - b.id)[0]!;
  };

  const ids = new Map<string, { id: number; ownerId: number; departmentId: number; roleId: number | null; kind: Kind }>();
  for (const plan of plans) {
    const owner = ownerOf(plan.department);
    const careerRole = careerMap.roles.find((role) => role.slug === plan.skillsFrom)!;
    const [entry, next] = [careerRole.levels[0], careerRole.levels[1]];
    const chosen = [
      ...entry.skills.slice(0, 3).map((skill) => ({ slug: skill.skill, kind: "required" as const, level: skill.level })),
      ...entry.skills.slice(3, 5).map((skill) => ({ slug: skill.skill, kind: "preferred" as const, level: skill.level })),
      ...next.skills.slice(0, 2).map((skill) => ({ slug: skill.skill, kind: "grows" as const, level: skill.level })),
    ];
    const openedAt = plan.openedDaysAgo === undefined ? null : at(-plan.openedDaysAgo);
    const [row] = await db
      .insert(opportunities)
      .values({
        kind: plan.kind,
        status: plan.status,
        title: plan.title,
        description: plan.description,
        ownerId: owner.id,
        departmentId: departmentId(plan.department),
        roleId: plan.role ? roleId(plan.role) : null,
        timePercent: plan.timePercent ?? 100,
        slots: 1,
        location: plan.location,
        workplace: plan.workplace ?? "onsite",
        openedAt,
        fillableFrom: openedAt ? new Date(openedAt.getTime() + 7 * DAY_MS) : null,
        closedAt: plan.status === "closed" || plan.status === "filled" ? at(-10) : null,
        searchText: `${plan.title} ${plan.description}`.normalize("NFKC").toLowerCase(),
        createdById: owner.id,
      })
      .returning({ id: opportunities.id });
    await db.insert(opportunitySkills).values(
      [...new Map(chosen.map((skill) => [`${skill.slug}:${skill.kind}`, skill])).values()].map((skill) => ({
        opportunityId: row!.id,
        skillId: skillId(skill.slug),
        kind: skill.kind,
        level: skill.level,
      })),
    );
    ids.set(plan.key, { id: row!.id, ownerId: owner.id, departmentId: departmentId(plan.department), roleId: plan.role ? roleId(plan.role) : null, kind: plan.kind });
  }

  const employee = byNumber("employee");
  const manager = byNumber("manager");
  const hr = byNumber("hr");
  // Applicants: CS people with a manager, not personas, in a fixed order.
  const personaIds = new Set(demoPersonas.map((persona) => byNumber(persona.key).id));
  const csCodes = new Set(departmentRows.filter((row) => row.code.startsWith("CS-")).map((row) => row.id));
  const applicants = everyone.filter((person) => csCodes.has(person.departmentId) && person.managerId !== null && !personaIds.has(person.id));
  const managersReport = everyone.find((person) => person.managerId === manager.id && !personaIds.has(person.id))!;
  const pool = applicants.filter((person) => person.id !== managersReport.id);
  let next = 0;
  const take = () => pool[next++ * 3]!;

  type Scenario = {
    opportunity: string;
    person: (typeof everyone)[number];
    status: (typeof applications.$inferInsert)["status"];
    stage: (typeof applications.$inferInsert)["hiringStage"];
    release: (typeof applications.$inferInsert)["releaseStatus"];
    reason?: string;
    releaseOn?: string;
    effectiveOn?: string;
    releaseDue?: number;
    escalated?: boolean;
  };
  const scenarios: Scenario[] = [
    { opportunity: "pm", person: take(), status: "active", stage: "review", release: "not_requested" },
    { opportunity: "pm", person: take(), status: "active", stage: "shortlisted", release: "not_requested" },
    { opportunity: "pm", person: take(), status: "active", stage: "interview", release: "not_requested" },
    // The manager persona's inbox: a release to decide, due in a week.
    { opportunity: "pm", person: managersReport, status: "active", stage: "offered", release: "pending", releaseDue: 30 },
    // HR's escalation: a release past its deadline.
    { opportunity: "csm", person: take(), status: "active", stage: "offered", release: "pending", releaseDue: -3, escalated: true },
    // HR's queue: a move to finalize, and a declined release to review.
    { opportunity: "hrbp", person: take(), status: "active", stage: "offered", release: "approved" },
    { opportunity: "hrbp", person: take(), status: "active", stage: "offered", release: "declined", reason: "繁忙期（年末商戦）のため、1月以降の送り出しを希望します。" },
    { opportunity: "pqa", person: take(), status: "withdrawn", stage: "review", release: "not_requested" },
    { opportunity: "pqa", person: take(), status: "declined", stage: "shortlisted", release: "not_requested", reason: "テスト設計の経験をもう少し積んでから、次回の公募でぜひ再挑戦してください。" },
    { opportunity: "pqa", person: take(), status: "not_released", stage: "offered", release: "declined", reason: "後任の育成が終わるまで送り出せないため。" },
    { opportunity: "training", person: take(), status: "finalized", stage: "offered", release: "later", releaseOn: "2027-01-01", effectiveOn: "2027-01-01", reason: "繁忙期明けの送り出しとします。" },
    { opportunity: "qa-specialist", person: take(), status: "completed", stage: "offered", release: "approved", effectiveOn: on(-30) },
    { opportunity: "pm-casual", person: employee, status: "declined", stage: "review", release: "not_requested", reason: "今回は募集枠が埋まりました。次回のカジュアル面談の案内をお送りします。" },
  ];

  for (const scenario of scenarios) {
    const opportunity = ids.get(scenario.opportunity)!;
    const disclosed = scenario.release !== "not_requested";
    const [row] = await db
      .insert(applications)
      .values({
        opportunityId: opportunity.id,
        personId: scenario.person.id,
        motivation: "CSで培ったお客様理解を活かして、新しい領域に挑戦したいです。",
        status: scenario.status,
        hiringStage: scenario.stage,
        releaseStatus: scenario.release,
        confidentiality: "until_offer",
        applicantDepartmentId: scenario.person.departmentId,
        applicantRoleId: scenario.person.roleId,
        currentManagerId: scenario.person.managerId,
        disclosedAt: disclosed ? at(-5) : null,
        releaseOn: scenario.releaseOn ?? null,
        effectiveOn: scenario.effectiveOn ?? null,
        decisionReason: scenario.reason ?? null,
        version: 1,
        createdAt: at(-14),
      })
      .returning({ id: applications.id });
    const applicationId = row!.id;
    const offered = scenario.stage === "offered";
    const steps: (typeof approvalSteps.$inferInsert)[] = [
      {
        applicationId,
        step: "hiring_decision",
        approverId: opportunity.ownerId,
        decidedAt: offered || scenario.status === "declined" ? at(-6) : null,
        decidedById: offered || scenario.status === "declined" ? opportunity.ownerId : null,
        decision: offered ? "offer" : scenario.status === "declined" ? "decline" : null,
        reason: scenario.status === "declined" ? scenario.reason : null,
        createdAt: at(-14),
      },
    ];
    if (disclosed) {
      const decided = scenario.release !== "pending";
      steps.push({
        applicationId,
        step: "manager_release",
        approverId: scenario.person.managerId,
        dueAt: at(scenario.releaseDue ?? 5),
        escalatedAt: scenario.escalated ? at(-2) : null,
        decidedAt: decided ? at(-4) : null,
        decidedById: decided ? scenario.person.managerId : null,
        decision: decided ? scenario.release : null,
        reason: scenario.release === "declined" || scenario.release === "later" ? scenario.reason : null,
        createdAt: at(-5),
      });
    }
    if (scenario.release === "declined") {
      const upheld = scenario.status === "not_released";
      steps.push({ applicationId, step: "hr_decline_review", decidedAt: upheld ? at(-2) : null, decidedById: upheld ? hr.id : null, decision: upheld ? "upheld" : null, reason: upheld ? scenario.reason : null, createdAt: at(-4) });
    }
    if (offered && (scenario.release === "approved" || scenario.release === "later")) {
      const finalized = scenario.status === "finalized" || scenario.status === "completed";
      steps.push({ applicationId, step: "hr_finalize", decidedAt: finalized ? at(-3) : null, decidedById: finalized ? hr.id : null, decision: finalized ? "finalized" : null, createdAt: at(-4) });
    }
    await db.insert(approvalSteps).values(steps);
    if (scenario.status === "completed") {
      // The move took effect a month ago: the ledger row and the person's new post agree.
      const toManagerId = opportunity.ownerId;
      await db.insert(moves).values({
        personId: scenario.person.id,
        applicationId,
        kind: opportunity.kind,
        fromDepartmentId: scenario.person.departmentId,
        toDepartmentId: opportunity.departmentId,
        fromRoleId: scenario.person.roleId,
        toRoleId: opportunity.roleId ?? scenario.person.roleId,
        fromManagerId: scenario.person.managerId,
        toManagerId,
        effectiveOn: scenario.effectiveOn!,
      });
      await db
        .update(people)
        .set({ departmentId: opportunity.departmentId, roleId: opportunity.roleId ?? scenario.person.roleId, managerId: toManagerId, roleSince: scenario.effectiveOn!, levelSince: scenario.effectiveOn! })
        .where(eq(people.id, scenario.person.id));
    }
  }
}
