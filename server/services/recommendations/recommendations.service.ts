import { createHmac } from "node:crypto";
import { asc, count, eq, inArray, notInArray } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { applications, departments, matchScores, notInterested, opportunities, people, scoutInvites, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageOpportunity } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { rankCandidates, rankOpportunities } from "../matching/matching.rank";
import type { MatchContext, MatchExplanation } from "../matching/matching.types";
import { cachedCandidatePool, cachedMatchContext, cachedOpenOpportunities } from "./match-cache";
import { loadCandidateProfiles, loadOpenOpportunities, type OpenOpportunity } from "./recommendations.data";
import type { ServedExplanation } from "./recommendations.schemas";

/** How many candidates are kept per opportunity, and served per page. */
export const CANDIDATES_KEPT = 200;
export const CANDIDATES_PAGE = 50;

/** Writes one opportunity's top candidates (replacing the previous set) with the policy version. */
async function storeCandidates(db: Executor, opportunity: OpenOpportunity, ranked: ReturnType<typeof rankCandidates>, now: Date) {
  await db.delete(matchScores).where(eq(matchScores.opportunityId, opportunity.opportunityId));
  if (ranked.length === 0) return;
  await db.insert(matchScores).values(
    ranked.map((match) => ({
      opportunityId: opportunity.opportunityId,
      personId: match.id,
      rank: match.rank,
      score: match.explanation.total,
      eligible: match.explanation.eligible,
      explanation: match.explanation as unknown as Record<string, unknown>,
      policyVersion: match.explanation.policyVersion,
      computedAt: now,
    })),
  );
}

/**
 * Recomputes the candidates of these open opportunities (all when omitted) over everyone who
 * consents to be a candidate; closed ones lose their rows. The owner is never their own candidate.
 * Returns the ids of the open opportunities it recomputed.
 */
export async function recomputeCandidates(db: Database, opportunityIds?: number[], now = new Date()): Promise<number[]> {
  const context = await cachedMatchContext(db);
  const [pool, open] = await Promise.all([cachedCandidatePool(db, context, now), loadOpenOpportunities(db, context, opportunityIds)]);
  await db.transaction(async (tx) => {
    const openIds = open.map((opportunity) => opportunity.opportunityId);
    if (opportunityIds) {
      const closed = opportunityIds.filter((id) => !openIds.includes(id));
      if (closed.length > 0) await tx.delete(matchScores).where(inArray(matchScores.opportunityId, closed));
    } else if (openIds.length > 0) {
      await tx.delete(matchScores).where(notInArray(matchScores.opportunityId, openIds));
    }
    for (const opportunity of open) {
      const candidates = pool.filter((person) => person.personId !== opportunity.ownerId);
      await storeCandidates(tx, opportunity, rankCandidates(candidates, opportunity, context, CANDIDATES_KEPT), now);
    }
  });
  return open.map((opportunity) => opportunity.opportunityId);
}

/** Skill names for every skill an explanation mentions, so the client can show them. */
async function withSkillNames(db: Executor, explanations: MatchExplanation[]): Promise<ServedExplanation[]> {
  const ids = new Set<number>();
  for (const explanation of explanations) {
    for (const list of [explanation.matchedSkills, explanation.stretch, explanation.gaps, explanation.gateReasons]) for (const item of list) ids.add(item.skillId);
    for (const item of explanation.adjacentUsed) ids.add(item.skillId).add(item.viaSkillId);
  }
  const names = ids.size ? await db.select({ id: skills.id, ja: skills.nameJa, en: skills.nameEn }).from(skills).where(inArray(skills.id, [...ids])) : [];
  const skillNames = Object.fromEntries(names.map((name) => [String(name.id), { ja: name.ja, en: name.en }]));
  return explanations.map((explanation) => ({ ...explanation, skillNames }) as unknown as ServedExplanation);
}

/** An opaque handle for a hidden candidate: the hiring manager can invite without learning who it is. */
export function candidateKey(opportunityId: number, personId: number, secret = process.env.NEXTAUTH_SECRET ?? "kakezan-development"): string {
  return createHmac("sha256", secret).update(`${opportunityId}:${personId}`).digest("base64url").slice(0, 22);
}

/**
 * The precomputed candidates of an opportunity, for its hiring manager or HR, in pages of 50. Names
 * are hidden except for people already invited (or who applied): candidates are judged on skills.
 */
export async function candidatesFor(db: Executor, actor: Actor, input: { opportunityId: number; page: number }) {
  const [opportunity] = await db.select({ ownerId: opportunities.ownerId, status: opportunities.status }).from(opportunities).where(eq(opportunities.id, input.opportunityId));
  if (!opportunity || !canManageOpportunity(actor, opportunity)) throw new AppError("NOT_FOUND");
  const [rows, [total], invited, applied] = await Promise.all([
    db
      .select({
        rank: matchScores.rank,
        explanation: matchScores.explanation,
        computedAt: matchScores.computedAt,
        person: { id: people.id, familyName: people.familyName, givenName: people.givenName, romanizedName: people.romanizedName },
        openToScouting: people.openToScouting,
      })
      .from(matchScores)
      .innerJoin(people, eq(people.id, matchScores.personId))
      .where(eq(matchScores.opportunityId, input.opportunityId))
      .orderBy(asc(matchScores.rank))
      .limit(CANDIDATES_PAGE)
      .offset((input.page - 1) * CANDIDATES_PAGE),
    db.select({ total: count() }).from(matchScores).where(eq(matchScores.opportunityId, input.opportunityId)),
    db.select({ personId: scoutInvites.personId }).from(scoutInvites).where(eq(scoutInvites.opportunityId, input.opportunityId)),
    db.select({ personId: applications.personId }).from(applications).where(eq(applications.opportunityId, input.opportunityId)),
  ]);
  const known = new Set([...invited, ...applied].map((row) => row.personId));
  const explanations = await withSkillNames(db, rows.map((row) => row.explanation as unknown as MatchExplanation));
  return {
    total: total?.total ?? 0,
    computedAt: rows[0]?.computedAt ?? null,
    namesHidden: true,
    items: rows.map((row, index) => ({
      rank: row.rank,
      person: known.has(row.person.id) ? row.person : null,
      candidateKey: candidateKey(input.opportunityId, row.person.id),
      openToScouting: row.openToScouting,
      invited: invited.some((invite) => invite.personId === row.person.id),
      // Time at level is restricted (policies.canViewRestrictedProfile): the hiring manager sees
      // only whether the standard years are passed, never the years themselves.
      explanation: { ...explanations[index]!, readiness: { ...explanations[index]!.readiness, yearsAtLevel: null } },
    })),
  };
}

/**
 * Opportunities for the actor, computed on request over open postings with their whole Will —
 * minus their own postings, ones they applied to and ones they marked "not interested".
 */
export async function recommendationsFor(db: Executor, actor: Actor, limit = 20, now = new Date(), context?: MatchContext) {
  const matchContext = context ?? (await cachedMatchContext(db));
  const [[self], open, hidden, mine] = await Promise.all([
    loadCandidateProfiles(db, matchContext, { purpose: "self", personIds: [actor.personId] }, now),
    cachedOpenOpportunities(db, matchContext),
    db.select({ id: notInterested.opportunityId }).from(notInterested).where(eq(notInterested.personId, actor.personId)),
    db.select({ id: applications.opportunityId }).from(applications).where(eq(applications.personId, actor.personId)),
  ]);
  if (!self) return [];
  const excluded = new Set([...hidden, ...mine].map((row) => row.id));
  const candidates = open.filter((opportunity) => opportunity.ownerId !== actor.personId && !excluded.has(opportunity.opportunityId));
  const ranked = rankOpportunities(self, candidates, matchContext, limit);
  if (ranked.length === 0) return [];
  const [details, explanations] = await Promise.all([
    db
      .select({ id: opportunities.id, title: opportunities.title, kind: opportunities.kind, ja: departments.nameJa, en: departments.nameEn })
      .from(opportunities)
      .innerJoin(departments, eq(departments.id, opportunities.departmentId))
      .where(inArray(opportunities.id, ranked.map((match) => match.id))),
    withSkillNames(db, ranked.map((match) => match.explanation)),
  ]);
  return ranked.map((match, index) => {
    const detail = details.find((row) => row.id === match.id)!;
    return { opportunity: { id: detail.id, title: detail.title, kind: detail.kind, department: { ja: detail.ja, en: detail.en } }, explanation: explanations[index]! };
  });
}

/** "Not interested": hides an opportunity from the actor's recommendations for good. */
export async function markNotInterested(db: Executor, actor: Actor, opportunityId: number): Promise<void> {
  const [opportunity] = await db.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.id, opportunityId));
  if (!opportunity) throw new AppError("NOT_FOUND");
  await db.insert(notInterested).values({ personId: actor.personId, opportunityId }).onConflictDoNothing();
}

