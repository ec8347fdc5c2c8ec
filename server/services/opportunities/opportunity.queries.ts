import { and, asc, count, desc, eq, inArray, lte, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { applications, departments, opportunities, opportunitySkills, people, roles, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageOpportunity, canPostOpportunityFor, canSeeOpportunity, isHrStaff } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { containsPattern, hiraganaToKatakana, normalizeSearchText } from "../text/normalize";
import {
  type DepartmentChoice,
  type DepartmentChoicesInput,
  departmentChoicesInput,
  type ListOpportunitiesInput,
  listOpportunitiesInput,
  type OpportunityDetail,
  type OpportunitySummary,
} from "./opportunity.schemas";
import { personNameColumns } from "../people/person-name.columns";

const summaryColumns = {
  id: opportunities.id,
  kind: opportunities.kind,
  status: opportunities.status,
  title: opportunities.title,
  departmentJa: departments.nameJa,
  departmentEn: departments.nameEn,
  roleJa: roles.nameJa,
  roleEn: roles.nameEn,
  timePercent: opportunities.timePercent,
  startOn: opportunities.startOn,
  endOn: opportunities.endOn,
  location: opportunities.location,
  workplace: opportunities.workplace,
  slots: opportunities.slots,
  openedAt: opportunities.openedAt,
};

type SummaryRow = Omit<OpportunitySummary, "department" | "role"> & {
  departmentJa: string;
  departmentEn: string;
  roleJa: string | null;
  roleEn: string | null;
};

function toSummary(r: SummaryRow): OpportunitySummary {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    department: { ja: r.departmentJa, en: r.departmentEn },
    role: r.roleJa === null || r.roleEn === null ? null : { ja: r.roleJa, en: r.roleEn },
    timePercent: r.timePercent,
    startOn: r.startOn,
    endOn: r.endOn,
    location: r.location,
    workplace: r.workplace,
    slots: r.slots,
    openedAt: r.openedAt,
  };
}

/**
 * Open postings, newest first, with search and filters; the actor's own drafts (HR: all drafts)
 * are listed too. Search is a substring match on normalised text, so 研修 finds 新人研修の企画 —
 * Japanese has no spaces to split words on.
 */
export async function listOpportunities(db: Executor, actor: Actor, rawInput: ListOpportunitiesInput) {
  const input = listOpportunitiesInput.parse(rawInput);
  const query = normalizeSearchText(input.query).toLowerCase();
  const terms = query ? query.split(" ") : [];
  const ownDrafts = and(eq(opportunities.status, "draft"), isHrStaff(actor) ? undefined : eq(opportunities.ownerId, actor.personId));
  const where = and(
    or(eq(opportunities.status, "open"), ownDrafts),
    ...terms.map((term) =>
      or(
        sql`${opportunities.searchText} like ${containsPattern(term)}`,
        sql`${opportunities.searchText} like ${containsPattern(hiraganaToKatakana(term))}`,
      ),
    ),
    input.kinds.length ? inArray(opportunities.kind, input.kinds) : undefined,
    input.departmentId ? eq(opportunities.departmentId, input.departmentId) : undefined,
    input.skillId
      ? sql`exists (select 1 from opportunity_skills os where os.opportunity_id = opportunities.id and os.skill_id = ${input.skillId})`
      : undefined,
    input.maxTimePercent ? lte(opportunities.timePercent, input.maxTimePercent) : undefined,
    input.location ? sql`${opportunities.location} ilike ${containsPattern(input.location)}` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(opportunities)
      .innerJoin(departments, eq(departments.id, opportunities.departmentId))
      .leftJoin(roles, eq(roles.id, opportunities.roleId))
      .where(where)
      .orderBy(desc(opportunities.openedAt), desc(opportunities.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ total: count() }).from(opportunities).where(where),
  ]);
  return { items: rows.map(toSummary), total: total?.total ?? 0 };
}

/** One posting as the actor may see it (a draft only for those who manage it). */
export async function getOpportunity(db: Executor, actor: Actor, opportunityId: number): Promise<OpportunityDetail> {
  const [row] = await db
    .select({
      ...summaryColumns,
      description: opportunities.description,
      departmentId: opportunities.departmentId,
      roleId: opportunities.roleId,
      ownerId: opportunities.ownerId,
      fillableFrom: opportunities.fillableFrom,
      version: opportunities.version,
      owner: personNameColumns,
    })
    .from(opportunities)
    .innerJoin(departments, eq(departments.id, opportunities.departmentId))
    .innerJoin(people, eq(people.id, opportunities.ownerId))
    .leftJoin(roles, eq(roles.id, opportunities.roleId))
    .where(eq(opportunities.id, opportunityId));
  if (!row || !canSeeOpportunity(actor, row)) throw new AppError("NOT_FOUND");
  const [skillRows, [mine]] = await Promise.all([
    db
      .select({ skillId: skills.id, ja: skills.nameJa, en: skills.nameEn, kind: opportunitySkills.kind, level: opportunitySkills.level })
      .from(opportunitySkills)
      .innerJoin(skills, eq(skills.id, opportunitySkills.skillId))
      .where(eq(opportunitySkills.opportunityId, opportunityId))
      .orderBy(asc(opportunitySkills.kind), desc(opportunitySkills.level), asc(skills.id)),
    db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.opportunityId, opportunityId), eq(applications.personId, actor.personId), inArray(applications.status, ["active", "finalized"]))),
  ]);
  return {
    ...toSummary(row),
    description: row.description,
    departmentId: row.departmentId,
    roleId: row.roleId,
    owner: row.owner,
    fillableFrom: row.fillableFrom,
    version: row.version,
    skills: skillRows.map((skill) => ({ skillId: skill.skillId, name: { ja: skill.ja, en: skill.en }, kind: skill.kind, level: skill.level })),
    canEdit: canManageOpportunity(actor, { ownerId: row.ownerId, status: row.status }),
    myApplicationId: mine?.id ?? null,
  };
}

/**
 * Departments for a choice list, in organisation order. For posting: only those the actor may post
 * for (managers their own, HR any, everyone else none) — the form offers nothing the service would
 * refuse. For browsing: every department; department names are public inside the company.
 */
export async function listDepartmentChoices(db: Executor, actor: Actor, rawInput: DepartmentChoicesInput = {}): Promise<DepartmentChoice[]> {
  const { purpose } = departmentChoicesInput.parse(rawInput);
  const posting = purpose === "post";
  const rows = await db
    .select({ id: departments.id, nameJa: departments.nameJa, nameEn: departments.nameEn })
    .from(departments)
    .where(posting && !isHrStaff(actor) ? eq(departments.id, actor.departmentId) : undefined)
    .orderBy(asc(departments.id));
  return rows.filter((row) => !posting || canPostOpportunityFor(actor, row.id)).map((row) => ({ id: row.id, name: { ja: row.nameJa, en: row.nameEn } }));
}
