import { and, desc, eq, inArray, ne, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { careerConversations, departments, memberships, people, personSkills, roleLevels, roles, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { yearsBetween } from "../people/people.queries";
import { getSettings } from "../settings/settings.service";
import { readableWills } from "../will/will.queries";
import type { ConcurrentMember, Reminders, TeamMember } from "./team.schemas";
import { japanDate } from "../workflow/business-days";
import { asPost, currentMembership, membershipPostColumns } from "../people/current-membership";
import { personNameColumns } from "../people/person-name.columns";
import { personRoleLevel, timeAtLevelColumns } from "../people/time-at-level.columns";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The latest conversation per person: its date and the next date it set. */
async function latestConversations(db: Executor, personIds: number[]) {
  if (personIds.length === 0) return new Map<number, { heldOn: string; nextOn: string | null }>();
  const rows = await db
    .selectDistinctOn([careerConversations.personId], {
      personId: careerConversations.personId,
      heldOn: careerConversations.heldOn,
      nextOn: careerConversations.nextOn,
    })
    .from(careerConversations)
    .where(inArray(careerConversations.personId, personIds))
    .orderBy(careerConversations.personId, desc(careerConversations.heldOn), desc(careerConversations.id));
  return new Map(rows.map((row) => [row.personId, { heldOn: row.heldOn, nextOn: row.nextOn }]));
}

/**
 * A manager's direct reports: skills, time at level against the standard years, the Will as far
 * as each person shares it with their manager, and conversation dates.
 */
export async function getMyTeam(db: Executor, actor: Actor, now = new Date()): Promise<TeamMember[]> {
  const reports = await db
    .select({
      ...personNameColumns,
      familyNameKana: people.familyNameKana,
      givenNameKana: people.givenNameKana,
      roleJa: roles.nameJa,
      roleEn: roles.nameEn,
      ...timeAtLevelColumns,
    })
    .from(people)
    .innerJoin(roles, eq(roles.id, people.roleId))
    .leftJoin(roleLevels, personRoleLevel)
    .where(and(eq(people.managerId, actor.personId), eq(people.active, true)))
    .orderBy(people.familyNameKana, people.givenNameKana, people.id);
  const ids = reports.map((report) => report.id);
  if (ids.length === 0) return [];
  const [skillRows, wills, conversations] = await Promise.all([
    db
      .select({ personId: personSkills.personId, level: personSkills.level, verifiedAt: personSkills.verifiedAt, ja: skills.nameJa, en: skills.nameEn })
      .from(personSkills)
      .innerJoin(skills, eq(skills.id, personSkills.skillId))
      .where(inArray(personSkills.personId, ids))
      .orderBy(desc(personSkills.level), skills.id),
    readableWills(db, actor, ids),
    latestConversations(db, ids),
  ]);
  const today = isoDay(now);
  return reports.map((report) => {
    const own = skillRows.filter((row) => row.personId === report.id);
    const yearsAtLevel = yearsBetween(report.levelSince, now);
    const conversation = conversations.get(report.id);
    return {
      id: report.id,
      familyName: report.familyName,
      givenName: report.givenName,
      familyNameKana: report.familyNameKana,
      givenNameKana: report.givenNameKana,
      romanizedName: report.romanizedName,
      role: { ja: report.roleJa, en: report.roleEn },
      level: report.level,
      yearsAtLevel,
      standardYears: report.standardYears,
      pastStandardYears: report.standardYears !== null && yearsAtLevel > report.standardYears,
      skillCount: own.length,
      topSkills: own.slice(0, 3).map((row) => ({ name: { ja: row.ja, en: row.en }, level: row.level })),
      pendingVerifications: own.filter((row) => row.verifiedAt === null).length,
      will: wills.get(report.id) ?? null,
      lastConversationOn: conversation?.heldOn ?? null,
      nextConversationOn: conversation?.nextOn ?? null,
      conversationOverdue: conversation?.nextOn != null && conversation.nextOn < today,
    };
  });
}

const homeDepartment = alias(departments, "home_department");

/**
 * People with a concurrent post (兼務) in the departments the actor leads: their own department
 * when they manage people, and any department they head. Empty for everyone else. Approval routing
 * is not touched: these people's releasing manager stays their primary post's manager.
 */
export async function getConcurrentMembers(db: Executor, actor: Actor, now = new Date()): Promise<ConcurrentMember[]> {
  const led = or(
    actor.isManager ? eq(memberships.departmentId, actor.departmentId) : undefined,
    inArray(memberships.departmentId, db.select({ id: departments.id }).from(departments).where(eq(departments.headId, actor.personId))),
  );
  const rows = await db
    .select({
      id: people.id,
      familyName: people.familyName,
      givenName: people.givenName,
      familyNameKana: people.familyNameKana,
      givenNameKana: people.givenNameKana,
      romanizedName: people.romanizedName,
      homeJa: homeDepartment.nameJa,
      homeEn: homeDepartment.nameEn,
      ...membershipPostColumns,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(homeDepartment, eq(homeDepartment.id, people.departmentId))
    .innerJoin(departments, eq(departments.id, memberships.departmentId))
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    // A post in the person's own primary department is no concurrent post (it became primary today).
    .where(and(led, currentMembership(japanDate(now)), eq(people.active, true), ne(people.id, actor.personId), ne(people.departmentId, memberships.departmentId)))
    .orderBy(people.familyNameKana, people.givenNameKana, people.id, memberships.id);
  return rows.map(({ homeJa, homeEn, ...row }) => ({ ...asPost(row), homeDepartment: { ja: homeJa, en: homeEn } }));
}

/** What the home page should remind the actor of: a stale profile, overdue conversations, team to-dos. */
export async function getReminders(db: Executor, actor: Actor, now = new Date()): Promise<Reminders> {
  const [settings, [self], own] = await Promise.all([
    getSettings(db),
    db.select({ profileReviewedAt: people.profileReviewedAt }).from(people).where(eq(people.id, actor.personId)),
    latestConversations(db, [actor.personId]),
  ]);
  const reviewedAt = self?.profileReviewedAt ?? null;
  const staleBefore = now.getTime() - settings.profileStalenessDays * 86_400_000;
  const ownNext = own.get(actor.personId)?.nextOn ?? null;
  const today = isoDay(now);
  let team = { overdue: 0, pending: 0, past: 0 };
  if (actor.isManager) {
    const members = await getMyTeam(db, actor, now);
    team = {
      overdue: members.filter((member) => member.conversationOverdue).length,
      pending: members.reduce((sum, member) => sum + member.pendingVerifications, 0),
      past: members.filter((member) => member.pastStandardYears).length,
    };
  }
  return {
    profileStale: reviewedAt === null || reviewedAt.getTime() < staleBefore,
    profileReviewedAt: reviewedAt,
    stalenessDays: settings.profileStalenessDays,
    ownConversationOverdueSince: ownNext !== null && ownNext < today ? ownNext : null,
    reportsWithOverdueConversation: team.overdue,
    pendingVerifications: team.pending,
    reportsPastStandardYears: team.past,
  };
}
