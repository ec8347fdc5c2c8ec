import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyChange, buildAdjacency, buildRoleSteps, scoreMatch } from "../../server/services/matching/matching.score";
import type { CandidateProfile, MatchContext, MatchExplanation, OpportunityProfile, OpportunitySkill } from "../../server/services/matching/matching.types";
import { buildAliasIndex } from "../../server/services/matching/text-terms";

/*
 * Invariants of the matching score over arbitrary people and opportunities in a small world:
 * skills 1–12 with a ring of adjacencies, roles 1–6 on a chain with a branch.
 */
const SKILLS = 12;
const context: MatchContext = {
  adjacency: buildAdjacency(
    Array.from({ length: SKILLS }, (_, i) => ({ skillA: i + 1, skillB: ((i + 1) % SKILLS) + 1, weight: [0.4, 0.6, 0.8, 1][i % 4]! })).map((pair) =>
      pair.skillA < pair.skillB ? pair : { skillA: pair.skillB, skillB: pair.skillA, weight: pair.weight },
    ),
  ),
  roleSteps: buildRoleSteps([
    { fromRoleId: 1, toRoleId: 2 },
    { fromRoleId: 2, toRoleId: 3 },
    { fromRoleId: 3, toRoleId: 4 },
    { fromRoleId: 2, toRoleId: 5 },
  ]),
  skillNames: new Map(Array.from({ length: SKILLS }, (_, i) => [i + 1, { ja: `スキル${i + 1}`, en: `Skill ${i + 1}` }])),
  roleNames: new Map(Array.from({ length: 6 }, (_, i) => [i + 1, { ja: `ロール${i + 1}`, en: `Role ${i + 1}` }])),
  aliasIndex: buildAliasIndex([]),
};

const vocabulary = ["cs", "qa", "skill:3", "skill:7", "テスト", "不具合", "品質", "研修", "組織", "顧客"];
const skillId = fc.integer({ min: 1, max: SKILLS });
const level = fc.integer({ min: 1, max: 4 });
const terms = fc.subarray(vocabulary).map((chosen) => [...chosen].sort());
const skillList = fc.uniqueArray(fc.record({ skillId, level }), { selector: (skill) => skill.skillId, maxLength: 5 });

const candidateArb: fc.Arbitrary<CandidateProfile> = fc.record({
  personId: fc.integer({ min: 1, max: 1000 }),
  roleId: fc.integer({ min: 1, max: 6 }),
  level,
  yearsAtLevel: fc.integer({ min: 0, max: 80 }).map((tenths) => tenths / 10),
  standardYears: fc.option(fc.constantFrom(1, 1.5, 2, 3, 4), { nil: null }),
  skills: fc.uniqueArray(fc.tuple(skillId, level), { selector: ([id]) => id, maxLength: 8 }).map((pairs) => new Map(pairs)),
  will: fc.option(
    fc.record({
      targetRoleIds: fc.uniqueArray(fc.integer({ min: 1, max: 6 }), { maxLength: 2 }),
      desiredSkillIds: fc.uniqueArray(skillId, { maxLength: 3 }),
      terms,
    }),
    { nil: null },
  ),
});

const opportunityArb: fc.Arbitrary<OpportunityProfile> = fc.record({
  opportunityId: fc.integer({ min: 1, max: 1000 }),
  roleId: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
  required: skillList,
  preferred: skillList,
  grows: skillList,
  terms,
});

const score = (candidate: CandidateProfile, opportunity: OpportunityProfile) => scoreMatch(candidate, opportunity, context);
const contributionSum = (e: MatchExplanation) =>
  e.factors.skillFit.contribution + e.factors.willAlignment.contribution + e.factors.growth.contribution + e.factors.readiness.contribution;
const withSkill = (candidate: CandidateProfile, id: number, to: number): CandidateProfile => ({ ...candidate, skills: new Map(candidate.skills).set(id, to) });

const runs = { numRuns: 400 };

describe("matching score properties", () => {
  it("keeps every factor score, the total and the ungated total in [0, 1]", () => {
    fc.assert(
      fc.property(candidateArb, opportunityArb, (candidate, opportunity) => {
        const e = score(candidate, opportunity);
        for (const factor of Object.values(e.factors)) {
          expect(factor.score).toBeGreaterThanOrEqual(0);
          expect(factor.score).toBeLessThanOrEqual(1);
        }
        for (const value of [e.total, e.scoreIfEligible]) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(1);
        }
        if (!e.eligible) expect(e.total).toBe(0);
      }),
      runs,
    );
  });

  it("lists factor contributions that sum exactly to the total", () => {
    fc.assert(
      fc.property(candidateArb, opportunityArb, (candidate, opportunity) => {
        const e = score(candidate, opportunity);
        expect(contributionSum(e)).toBe(e.total);
        expect(e.eligible ? e.scoreIfEligible : e.total).toBe(e.total);
      }),
      runs,
    );
  });

  it("never lowers a score when a held skill's level rises (or a new skill is gained)", () => {
    fc.assert(
      fc.property(candidateArb, opportunityArb, skillId, level, (candidate, opportunity, id, to) => {
        const held = candidate.skills.get(id) ?? 0;
        fc.pre(to > held);
        const before = score(candidate, opportunity);
        const after = score(withSkill(candidate, id, to), opportunity);
        expect(after.total).toBeGreaterThanOrEqual(before.total);
        expect(after.scoreIfEligible).toBeGreaterThanOrEqual(before.scoreIfEligible);
        if (before.eligible) expect(after.eligible).toBe(true);
      }),
      runs,
    );
  });

  it("never raises a score when the opportunity adds a required skill the person lacks", () => {
    fc.assert(
      fc.property(candidateArb, opportunityArb, skillId, level, (candidate, opportunity, id, needed) => {
        fc.pre(!candidate.skills.has(id) && !opportunity.required.some((skill) => skill.skillId === id));
        const stricter: OpportunityProfile = { ...opportunity, required: [...opportunity.required, { skillId: id, level: needed } satisfies OpportunitySkill] };
        const before = score(candidate, opportunity);
        const after = score(candidate, stricter);
        expect(after.total).toBeLessThanOrEqual(before.total);
        expect(after.scoreIfEligible).toBeLessThanOrEqual(before.scoreIfEligible);
      }),
      runs,
    );
  });

  it("gives each what-if a gain exactly equal to re-scoring with that one change", () => {
    fc.assert(
      fc.property(candidateArb, opportunityArb, (candidate, opportunity) => {
        const e = score(candidate, opportunity);
        expect(e.whatIfs.length).toBeLessThanOrEqual(3);
        for (const whatIf of e.whatIfs) {
          expect(whatIf.gain).toBeGreaterThan(0);
          expect(whatIf.gain).toBe(score(applyChange(candidate, whatIf.change), opportunity).total - e.total);
        }
        for (let i = 1; i < e.whatIfs.length; i++) expect(e.whatIfs[i - 1]!.gain).toBeGreaterThanOrEqual(e.whatIfs[i]!.gain);
      }),
      runs,
    );
  });

  it("is deterministic: the same input scores the same, whatever order the posting lists its skills in", () => {
    fc.assert(
      fc.property(candidateArb, opportunityArb, (candidate, opportunity) => {
        const reversed: OpportunityProfile = {
          ...opportunity,
          required: [...opportunity.required].reverse(),
          preferred: [...opportunity.preferred].reverse(),
          grows: [...opportunity.grows].reverse(),
        };
        expect(score(candidate, reversed)).toEqual(score(candidate, opportunity));
      }),
      runs,
    );
  });
});
