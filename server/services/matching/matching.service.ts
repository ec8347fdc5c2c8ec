import { createHmac } from "node:crypto";
import { and, asc, count, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { applications, departments, matchScores, notInterested, opportunities, people, scoutInvites, skills, wills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageOpportunity } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { rankCandidates, rankOpportunities } from "./matching.rank";
import type { MatchContext, MatchExplanation } from "./matching.types";
import { engagedPeople } from "../will/will.queries";
import { candidateFacts } from "./candidate-facts";
import { peopleBelow, peopleBelowEach } from "./management-chain";
import { cachedCandidatePool, cachedMatchContext, cachedOpenOpportunities } from "./match-cache";
import { candidateConsent, loadCandidateProfiles, loadOpenOpportunities, type OpenOpportunity } from "./matching.data";
import type { ServedExplanation } from "./matching.schemas";

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
 * consents to be a candidate; closed ones lose their rows. Neither the owner nor anyone below them
 * in the management chain is ever their candidate: the owner could single out their own reports.
 * Returns the ids of the open opportunities it recomputed. System work, in one system-scope
 * transaction (db/scope.ts).
 */
export async function recomputeCandidates(db: Database, opportunityIds?: number[], now = new Date()): Promise<number[]> {
  return asSystem(db, async (tx) => {
    const context = await cachedMatchContext(tx);
    const [pool, open] = await Promise.all([cachedCandidatePool(tx, context, now), loadOpenOpportunities(tx, context, opportunityIds)]);
    const below = await peopleBelowEach(tx, [...new Set(open.map((opportunity) => opportunity.ownerId))]);
    const openIds = open.map((opportunity) => opportunity.opportunityId);
    if (opportunityIds) {
      const closed = opportunityIds.filter((id) => !openIds.includes(id));
      if (closed.length > 0) await tx.delete(matchScores).where(inArray(matchScores.opportunityId, closed));
    } else if (openIds.length > 0) {
      await tx.delete(matchScores).where(notInArray(matchScores.opportunityId, openIds));
    }
    for (const opportunity of open) {
      const ownersReports = below.get(opportunity.ownerId)!;
      const candidates = pool.filter((person) => person.personId !== opportunity.ownerId && !ownersReports.has(person.personId));
      await storeCandidates(tx, opportunity, rankCandidates(candidates, opportunity, context, CANDIDATES_KEPT), now);
    }
    return openIds;
  });
}

/** Names of these skills, so the client can show them. */
async function skillNamesOf(db: Executor, ids: ReadonlySet<number>): Promise<ServedExplanation["skillNames"]> {
  const names = ids.size ? await db.select({ id: skills.id, ja: skills.nameJa, en: skills.nameEn }).from(skills).where(inArray(skills.id, [...ids])) : [];
  return Object.fromEntries(names.map((name) => [String(name.id), { ja: name.ja, en: name.en }]));
}

/** Explanations as served to the person they are about, with the names of every skill they mention. */
async function withSkillNames(db: Executor, explanations: MatchExplanation[]): Promise<ServedExplanation[]> {
  const ids = new Set<number>();
  for (const explanation of explanations) {
    for (const list of [explanation.matchedSkills, explanation.stretch, explanation.gaps, explanation.gateReasons]) for (const item of list) ids.add(item.skillId);
    for (const item of explanation.adjacentUsed) ids.add(item.skillId).add(item.viaSkillId);
  }
  const skillNames = await skillNamesOf(db, ids);
  return explanations.map((explanation) => ({ ...explanation, skillNames }) as unknown as ServedExplanation);
}

/** An opaque handle for a hidden candidate: the hiring manager can invite without learning who it is. */
export function candidateKey(opportunityId: number, personId: number, secret = process.env.NEXTAUTH_SECRET ?? "kakezan-development"): string {
  return createHmac("sha256", secret).update(`${opportunityId}:${personId}`).digest("base64url").slice(0, 22);
}

/**
 * The stored candidates of a posting that may be served now, for a query over `matchScores` joined
 * to `people` and left-joined to `wills`: consent and being active are checked again (a withdrawal
 * counts before the next recompute), and nobody below the posting's owner or the viewer in the
 * management chain is ever shown to them.
 */
export function servableCandidates(opportunityId: number, viewers: { ownerId: number; actorId: number }) {
  return and(
    eq(matchScores.opportunityId, opportunityId),
    eq(people.active, true),
    candidateConsent,
    sql`${matchScores.personId} not in ${peopleBelow([viewers.ownerId, viewers.actorId])}`,
  );
}

/**
 * The precomputed candidates of an opportunity, for its hiring manager or HR, in pages of 50, as
 * banded facts (candidate-facts.ts). Names are hidden except for people who applied or accepted
 * an invitation; ranks are counted over the candidates served.
 */
export async function candidatesFor(db: Executor, actor: Actor, input: { opportunityId: number; page: number }) {
  const [opportunity] = await db.select({ ownerId: opportunities.ownerId, status: opportunities.status }).from(opportunities).where(eq(opportunities.id, input.opportunityId));
  if (!opportunity || !canManageOpportunity(actor, opportunity)) throw new AppError("NOT_FOUND");
  const servable = servableCandidates(input.opportunityId, { ownerId: opportunity.ownerId, actorId: actor.personId });
  const offset = (input.page - 1) * CANDIDATES_PAGE;
  const candidate = matchScores.personId;
  // One query for the page, its total and what the viewer may know of each candidate: a page is
  // served often, and each further round trip would cost more than these per-row checks.
  const rows = await db
    .select({
      explanation: matchScores.explanation,
      computedAt: matchScores.computedAt,
      person: { id: people.id, familyName: people.familyName, givenName: people.givenName, romanizedName: people.romanizedName },
      total: sql<number>`count(*) over ()`.mapWith(Number),
      invited: sql<boolean>`exists (select 1 from ${scoutInvites} where ${scoutInvites.opportunityId} = ${input.opportunityId} and ${scoutInvites.personId} = ${candidate})`,
      applied: sql<boolean>`exists (select 1 from ${applications} where ${applications.opportunityId} = ${input.opportunityId} and ${applications.personId} = ${candidate})`,
      engaged: sql<boolean>`${candidate} in ${engagedPeople(input.opportunityId)}`,
    })
    .from(matchScores)
    .innerJoin(people, eq(people.id, matchScores.personId))
    .leftJoin(wills, eq(wills.personId, matchScores.personId))
    .where(servable)
    .orderBy(asc(matchScores.rank))
    .limit(CANDIDATES_PAGE)
    .offset(offset);
  // Past the last page the window has no row to count on.
  const total =
    rows[0]?.total ??
    (await db.select({ total: count() }).from(matchScores).innerJoin(people, eq(people.id, matchScores.personId)).leftJoin(wills, eq(wills.personId, matchScores.personId)).where(servable))[0]?.total ??
    0;
  // Named only by the person's own act — applying, or accepting an invitation — never by being
  // invited: a sealed invitation to someone not open to scouting must look like any other.
  const facts = rows.map((row) => candidateFacts(row.explanation as unknown as MatchExplanation, row.engaged));
  // Only the skills the banded facts mention: a held neighbour's name would be a fact about the profile.
  const skillNames = await skillNamesOf(db, new Set(facts.flatMap((item) => item.skills.map((skill) => skill.skillId))));
  return {
    total,
    computedAt: rows[0]?.computedAt ?? null,
    namesHidden: true,
    items: rows.map((row, index) => ({
      rank: offset + index + 1,
      person: row.applied || row.engaged ? row.person : null,
      candidateKey: candidateKey(input.opportunityId, row.person.id),
      invited: row.invited,
      facts: { ...facts[index]!, skillNames },
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

