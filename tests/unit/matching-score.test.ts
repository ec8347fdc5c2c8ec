import { describe, expect, it } from "vitest";
import { createRandom } from "../../db/seed/random";
import { matchingPolicy } from "../../server/services/matching/matching.policy";
import { rankCandidates, rankOpportunities } from "../../server/services/matching/matching.rank";
import { applyChange, buildAdjacency, buildRoleSteps, scoreMatch } from "../../server/services/matching/matching.score";
import type { CandidateProfile, MatchContext, MatchExplanation, OpportunityProfile } from "../../server/services/matching/matching.types";
import { buildAliasIndex, skillTerm, termSimilarity, termsOf } from "../../server/services/matching/text-terms";

/*
 * A small world: skills 1–9, adjacency 1–2 (0.8) and 3–4 (0.6); roles 10 → 20 → 30 → 40 on the
 * career map and 50 off it.
 */
const skillRows = [
  { id: 1, nameJa: "クレーム対応", nameEn: "Complaint handling", aliases: ["苦情対応", "escalation handling"] },
  { id: 2, nameJa: "エスカレーション対応", nameEn: "Escalation management", aliases: ["二次対応"] },
  { id: 3, nameJa: "テストケース設計", nameEn: "Test case design", aliases: ["テスト設計"] },
  { id: 4, nameJa: "不具合の再現確認", nameEn: "Bug reproduction", aliases: ["再現手順"] },
  { id: 5, nameJa: "研修設計", nameEn: "Training design", aliases: [] },
  { id: 6, nameJa: "SQL", nameEn: "SQL", aliases: ["ToS"] },
  { id: 7, nameJa: "ファシリテーション", nameEn: "Facilitation", aliases: [] },
  { id: 8, nameJa: "OJT", nameEn: "On-the-job training", aliases: [] },
  { id: 9, nameJa: "コーチング", nameEn: "Coaching", aliases: [] },
];
const aliasIndex = buildAliasIndex(skillRows);
const context: MatchContext = {
  adjacency: buildAdjacency([
    { skillA: 1, skillB: 2, weight: 0.8 },
    { skillA: 3, skillB: 4, weight: 0.6 },
  ]),
  roleSteps: buildRoleSteps([
    { fromRoleId: 10, toRoleId: 20 },
    { fromRoleId: 20, toRoleId: 30 },
    { fromRoleId: 30, toRoleId: 40 },
  ]),
  skillNames: new Map(skillRows.map((row) => [row.id, { ja: row.nameJa, en: row.nameEn }])),
  roleNames: new Map([10, 20, 30, 40, 50].map((id) => [id, { ja: `ロール${id}`, en: `Role ${id}` }])),
  aliasIndex,
};

type Skills = [skillId: number, level: number][];
function person(overrides: Partial<Omit<CandidateProfile, "skills">> & { skills?: Skills } = {}): CandidateProfile {
  const { skills, ...rest } = overrides;
  return { personId: 1, roleId: 50, level: 2, yearsAtLevel: 2, standardYears: 2, will: null, ...rest, skills: new Map(skills ?? []) };
}
function opportunity(overrides: Partial<Omit<OpportunityProfile, "required" | "preferred" | "grows">> & { required?: Skills; preferred?: Skills; grows?: Skills } = {}): OpportunityProfile {
  const list = (skills: Skills | undefined) => (skills ?? []).map(([skillId, level]) => ({ skillId, level }));
  return {
    opportunityId: 900,
    roleId: null,
    terms: [],
    ...overrides,
    required: list(overrides.required),
    preferred: list(overrides.preferred),
    grows: list(overrides.grows),
  };
}
const will = (overrides: Partial<NonNullable<CandidateProfile["will"]>> = {}) => ({ targetRoleIds: [], desiredSkillIds: [], terms: [], ...overrides });
const score = (candidate: CandidateProfile, posting: OpportunityProfile) => scoreMatch(candidate, posting, context);
const contributionSum = (e: MatchExplanation) =>
  e.factors.skillFit.contribution + e.factors.willAlignment.contribution + e.factors.growth.contribution + e.factors.readiness.contribution;

describe("matching policy", () => {
  it("keeps weights as data that sum to 1, under a version", () => {
    const { skillFit, willAlignment, growth, readiness } = matchingPolicy.weights;
    expect(skillFit + willAlignment + growth + readiness).toBe(1);
    expect(matchingPolicy.version).toMatch(/^\d{4}-\d{2}\.\d+$/);
  });
});

describe("skill fit", () => {
  it("computes the documented formula: required at 0.7, preferred at 0.3, 0.35 lost per level short", () => {
    const e = score(person({ skills: [[1, 2], [3, 1]] }), opportunity({ required: [[1, 2]], preferred: [[3, 2]] }));
    expect(e.factors.skillFit.score).toBeCloseTo(0.7 * 1 + 0.3 * (1 - 0.35), 12);
  });

  it.each<{ name: string; held: Skills; required: Skills; fit: number }>([
    { name: "met at the level: full credit", held: [[1, 3]], required: [[1, 3]], fit: 1 },
    { name: "above the level: full credit", held: [[1, 4]], required: [[1, 2]], fit: 1 },
    { name: "one level short: 1 − 0.35", held: [[1, 2]], required: [[1, 3]], fit: 0.65 },
    { name: "not held (level 1 needed): no credit", held: [], required: [[1, 1]], fit: 0 },
    { name: "items weigh their level: a level-3 miss costs three times a level-1 miss", held: [[1, 1]], required: [[1, 1], [3, 3]], fit: 1 / 4 },
  ])("required: $name", ({ held, required, fit }) => {
    expect(score(person({ skills: held }), opportunity({ required })).factors.skillFit.score).toBeCloseTo(fit, 12);
  });

  it("gives a preferred skill partial credit through a held adjacent skill, and says which", () => {
    const posting = opportunity({ preferred: [[2, 2]] });
    const without = score(person(), posting);
    const withNeighbour = score(person({ skills: [[1, 2]] }), posting);
    expect(without.factors.skillFit.score).toBe(0);
    expect(withNeighbour.factors.skillFit.score).toBeCloseTo(0.5 * 0.8 * 1, 12); // discount × edge weight × min(1, 2/2)
    expect(withNeighbour.adjacentUsed).toEqual([{ skillId: 2, kind: "preferred", viaSkillId: 1, credit: withNeighbour.factors.skillFit.score }]);
    expect(withNeighbour.gaps).toEqual([{ skillId: 2, kind: "preferred", level: 2, held: null, shortBy: 2, mandatory: false }]);
  });

  it("scales adjacency credit by the neighbour's level against the level needed", () => {
    const e = score(person({ skills: [[4, 1]] }), opportunity({ preferred: [[3, 2]] }));
    expect(e.adjacentUsed[0]!.credit).toBeCloseTo(0.5 * 0.6 * 0.5, 12);
  });

  it("never lets adjacency satisfy or credit a required skill", () => {
    const posting = opportunity({ required: [[2, 1]], preferred: [[7, 1]] });
    const alone = score(person({ skills: [[7, 1]] }), posting);
    const withNeighbour = score(person({ skills: [[7, 1], [1, 4]] }), posting);
    expect(withNeighbour.factors.skillFit.score).toBe(alone.factors.skillFit.score);
    expect(withNeighbour.adjacentUsed).toEqual([]);
    expect(withNeighbour.gaps).toEqual([{ skillId: 2, kind: "required", level: 1, held: null, shortBy: 1, mandatory: true }]);
  });

  it("lists matched skills with the level held", () => {
    const e = score(person({ skills: [[1, 4], [3, 2]] }), opportunity({ required: [[1, 2]], preferred: [[3, 2]] }));
    expect(e.matchedSkills).toEqual([
      { skillId: 1, kind: "required", level: 2, held: 4 },
      { skillId: 3, kind: "preferred", level: 2, held: 2 },
    ]);
  });
});

describe("gate", () => {
  it.each<{ name: string; held: Skills; eligible: boolean; shortBy?: number }>([
    { name: "one level short: allowed, shown as a mandatory gap", held: [[1, 2]], eligible: true },
    { name: "two levels short: ineligible", held: [[1, 1]], eligible: false, shortBy: 2 },
    { name: "not held at all: ineligible (level 0 against 3)", held: [], eligible: false, shortBy: 3 },
    { name: "not held, with an adjacent skill at level 4: still ineligible", held: [[2, 4]], eligible: false, shortBy: 3 },
  ])("required level 3, $name", ({ held, eligible, shortBy }) => {
    const e = score(person({ skills: held }), opportunity({ required: [[1, 3]], preferred: [[2, 1]] }));
    expect(e.eligible).toBe(eligible);
    if (eligible) {
      expect(e.gateReasons).toEqual([]);
      expect(e.gaps[0]).toMatchObject({ skillId: 1, mandatory: true, shortBy: 1 });
      return;
    }
    expect(e.total).toBe(0);
    expect(e.gateReasons).toEqual([
      expect.objectContaining({ code: "requiredSkillTooFarShort", skillId: 1, level: 3, shortBy, allowedGap: 1 }),
    ]);
    expect(e.gateReasons[0]!.message.ja).toContain("クレーム対応");
    expect(e.gateReasons[0]!.message.en).toContain("Complaint handling");
  });

  it("still explains a gated person in full: factor scores, what it would have been, what to fix", () => {
    const e = score(person({ skills: [[1, 1], [3, 2]] }), opportunity({ required: [[1, 3]], preferred: [[3, 2]] }));
    expect(e.eligible).toBe(false);
    expect(e.total).toBe(0);
    expect(Object.values(e.factors).map((factor) => factor.contribution)).toEqual([0, 0, 0, 0]);
    expect(e.factors.skillFit.score).toBeGreaterThan(0);
    expect(e.scoreIfEligible).toBeGreaterThan(0);
    expect(e.whatIfs[0]).toMatchObject({ change: { kind: "raiseSkill", skillId: 1, from: 1, to: 2 } });
    expect(e.whatIfs[0]!.gain).toBeGreaterThan(0.5);
  });

  it("ranks gated people after every eligible one, near misses first", () => {
    const posting = opportunity({ required: [[1, 3]], preferred: [[3, 2]] });
    const ranked = rankCandidates(
      [
        person({ personId: 1, skills: [[1, 1], [3, 4]] }), // gated, strong otherwise
        person({ personId: 2, skills: [[1, 2]] }), // eligible, weak
        person({ personId: 3, skills: [[1, 1]] }), // gated, weak
      ],
      posting,
      context,
      3,
    );
    expect(ranked.map((row) => [row.id, row.explanation.eligible])).toEqual([[2, true], [1, false], [3, false]]);
  });
});

describe("growth", () => {
  it.each<{ name: string; held: Skills; growth: number; bucket: "stretch" | "gaps" | "matchedSkills" }>([
    { name: "already at the level: within reach", held: [[3, 2]], growth: 1, bucket: "matchedSkills" },
    { name: "one level short: growth, not a gap", held: [[3, 1]], growth: 1, bucket: "stretch" },
    { name: "not held (level 2 needed): overreach, a gap", held: [], growth: 0, bucket: "gaps" },
    { name: "not held, adjacent skill held: partial reach", held: [[4, 2]], growth: 0.5 * 0.6, bucket: "gaps" },
  ])("a preferred skill at level 2, $name", ({ held, growth, bucket }) => {
    const e = score(person({ skills: held }), opportunity({ preferred: [[3, 2]] }));
    expect(e.factors.growth.score).toBeCloseTo(growth, 12);
    expect(e[bucket].map((skill) => skill.skillId)).toEqual([3]);
  });

  it("counts a level-1 skill not yet held as growth (one level short)", () => {
    const e = score(person(), opportunity({ grows: [[5, 1]] }));
    expect(e.factors.growth.score).toBe(1);
    expect(e.stretch).toEqual([{ skillId: 5, kind: "grows", level: 1, held: null }]);
  });

  it("treats two levels short on a grown skill as overreach", () => {
    const stretch = score(person({ skills: [[5, 2]] }), opportunity({ grows: [[5, 3]] }));
    const overreach = score(person({ skills: [[5, 1]] }), opportunity({ grows: [[5, 3]] }));
    expect(stretch.factors.growth.score).toBe(1);
    expect(overreach.factors.growth.score).toBe(0);
    expect(overreach.gaps).toEqual([{ skillId: 5, kind: "grows", level: 3, held: 1, shortBy: 2, mandatory: false }]);
  });
});

describe("Will alignment", () => {
  it.each<{ name: string; targets: number[]; role: number | null; score: number; steps?: number }>([
    // role share 0.5 of (0.5 + 0.25 + 0.25); no desired skills, no text
    { name: "the opportunity's role is a target", targets: [20], role: 20, score: 0.5, steps: 0 },
    { name: "one career-path step before a target", targets: [30], role: 20, score: 0.5 * 0.6, steps: 1 },
    { name: "two steps before a target", targets: [40], role: 20, score: 0.5 * 0.4, steps: 2 },
    { name: "the best of several targets counts", targets: [40, 30], role: 20, score: 0.5 * 0.6, steps: 1 },
    { name: "after the target, not toward it", targets: [10], role: 20, score: 0 },
    { name: "a role off the map", targets: [20], role: 50, score: 0 },
  ])("role: $name", ({ targets, role, score: expected, steps }) => {
    const e = score(person({ will: will({ targetRoleIds: targets }) }), opportunity({ roleId: role }));
    expect(e.factors.willAlignment.score).toBeCloseTo(expected, 12);
    if (steps === undefined) expect(e.roleAlignment).toBeNull();
    else expect(e.roleAlignment).toMatchObject({ steps });
  });

  it("counts desired skills the opportunity grows, not ones it only requires", () => {
    const grown = score(person({ skills: [[1, 2]], will: will({ desiredSkillIds: [5] }) }), opportunity({ required: [[1, 2]], grows: [[5, 2]] }));
    const required = score(person({ skills: [[1, 2]], will: will({ desiredSkillIds: [1] }) }), opportunity({ required: [[1, 2]], grows: [[5, 2]] }));
    // Role-less opportunity: the role share drops out, desired skills are half of what remains.
    expect(grown.factors.willAlignment.score).toBeCloseTo(0.5, 12);
    expect(grown.desiredSkillsGrown).toEqual([5]);
    expect(required.factors.willAlignment.score).toBe(0);
  });

  it("matches the Will statement to the posting through aliases and words, and lists the terms", () => {
    const statement = termsOf("苦情対応の経験を、テストの品質改善に活かしたい。", aliasIndex);
    const posting = termsOf("クレーム対応から見えた不具合を、品質改善に。", aliasIndex);
    const e = score(person({ will: will({ terms: statement }) }), opportunity({ terms: posting }));
    expect(e.willTermsMatched.map((term) => term.label.ja).sort()).toEqual(["クレーム対応", "品質", "改善"].sort());
    expect(e.willTermsMatched.find((term) => term.skillId === 1)).toMatchObject({ term: skillTerm(1), label: { ja: "クレーム対応", en: "Complaint handling" } });
    expect(e.factors.willAlignment.score).toBeCloseTo(0.5 * termSimilarity(statement, posting, 3), 12);
  });

  it("is 0 when no Will is shared with matching", () => {
    const e = score(person({ will: null }), opportunity({ roleId: 20, grows: [[5, 2]] }));
    expect(e.factors.willAlignment.score).toBe(0);
    expect(e.whatIfs.some((whatIf) => whatIf.change.kind === "addTargetRole")).toBe(false);
  });
});

describe("readiness", () => {
  it.each<{ name: string; years: number; standard: number | null; readiness: number }>([
    { name: "just arrived at the level", years: 0, standard: 2, readiness: 0.5 },
    { name: "half the standard years", years: 1, standard: 2, readiness: 0.75 },
    { name: "at the standard years", years: 2, standard: 2, readiness: 1 },
    { name: "well past the standard years (no extra credit)", years: 9, standard: 2, readiness: 1 },
    { name: "no standard years on the map", years: 3, standard: null, readiness: 0.75 },
  ])("$name", ({ years, standard, readiness }) => {
    const e = score(person({ yearsAtLevel: years, standardYears: standard, skills: [[1, 2]] }), opportunity({ required: [[1, 2]] }));
    expect(e.factors.readiness.score).toBeCloseTo(readiness, 12);
    expect(e.eligible).toBe(true);
    expect(e.readiness).toEqual({ yearsAtLevel: years, standardYears: standard, pastStandard: standard !== null && years > standard });
  });

  it("never gates, and moves the total by at most its weight × (1 − floor)", () => {
    const posting = opportunity({ required: [[1, 2]], preferred: [[3, 2]], grows: [[5, 2]] });
    const newcomer = score(person({ yearsAtLevel: 0, standardYears: 5, skills: [[1, 2], [3, 2]] }), posting);
    const veteran = score(person({ yearsAtLevel: 20, standardYears: 5, skills: [[1, 2], [3, 2]] }), posting);
    expect(newcomer.eligible).toBe(true);
    expect(veteran.total - newcomer.total).toBeCloseTo(matchingPolicy.weights.readiness * (1 - matchingPolicy.readiness.floor), 4);
  });
});

describe("explanation", () => {
  const posting = opportunity({ roleId: 20, required: [[1, 2]], preferred: [[3, 2], [2, 2]], grows: [[5, 2], [7, 1]] });
  const candidate = person({ skills: [[1, 2], [3, 1], [4, 2]], will: will({ targetRoleIds: [30], desiredSkillIds: [5] }) });

  it("carries the policy version and contributions that add up to the total exactly", () => {
    const e = score(candidate, posting);
    expect(e.policyVersion).toBe(matchingPolicy.version);
    expect(contributionSum(e)).toBe(e.total);
    expect(e.scoreIfEligible).toBe(e.total);
    for (const factor of Object.values(e.factors)) expect(factor.contribution).toBe(Math.round(factor.weight * factor.score * 1e4) / 1e4);
  });

  it("lists up to three what-ifs, largest gain first, each labelled like 'クレーム対応 2→3: +0.09'", () => {
    const e = score(candidate, posting);
    expect(e.whatIfs.length).toBeGreaterThan(0);
    expect(e.whatIfs.length).toBeLessThanOrEqual(3);
    const gains = e.whatIfs.map((whatIf) => whatIf.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    for (const whatIf of e.whatIfs) {
      expect(whatIf.gain).toBe(score(applyChange(candidate, whatIf.change), posting).total - e.total);
      expect(whatIf.label.ja).toMatch(new RegExp(`: \\+${whatIf.gain.toFixed(2).replace(".", "\\.")}$`));
    }
    expect(e.whatIfs[0]).toMatchObject({ change: { kind: "addSkill", skillId: 5, level: 2 }, label: { ja: `研修設計 新規→2: +${gains[0]!.toFixed(2)}` } });
  });

  it("labels raising a held skill as \"skill from→to: +gain\" in both languages", () => {
    const e = score(person({ skills: [[1, 2]] }), opportunity({ required: [[1, 3]] }));
    const gain = e.whatIfs[0]!.gain;
    expect(e.whatIfs[0]).toEqual({
      change: { kind: "raiseSkill", skillId: 1, from: 2, to: 3 },
      gain,
      label: { ja: `クレーム対応 2→3: +${gain.toFixed(2)}`, en: `Complaint handling 2→3: +${gain.toFixed(2)}` },
    });
    expect(gain).toBeCloseTo(matchingPolicy.weights.skillFit * 0.35, 4);
  });

  it("suggests adding the opportunity's role as a target when the Will does not name it", () => {
    const e = score(person({ skills: [[1, 2]], will: will({ targetRoleIds: [50] }) }), opportunity({ roleId: 20, required: [[1, 2]] }));
    expect(e.whatIfs[0]).toMatchObject({ change: { kind: "addTargetRole", roleId: 20 }, label: { en: expect.stringContaining("Add Role 20 as a target role") } });
  });
});

describe("ranking", () => {
  const postings = [
    opportunity({ opportunityId: 901, roleId: 20, required: [[1, 2]], preferred: [[3, 2]], grows: [[5, 2]], terms: termsOf("クレーム対応とテスト設計", aliasIndex) }),
    opportunity({ opportunityId: 902, roleId: 30, required: [[7, 2]], preferred: [[9, 1]], grows: [[8, 2]] }),
    opportunity({ opportunityId: 903, roleId: null, preferred: [[2, 2], [4, 1]], grows: [[6, 2]] }),
  ];
  const rng = createRandom(7);
  const people = Array.from({ length: 40 }, (_, index) =>
    person({
      personId: 100 + index,
      yearsAtLevel: rng.int(0, 40) / 10,
      skills: rng.shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9]).slice(0, rng.int(1, 5)).map((id): [number, number] => [id, rng.int(1, 4)]),
      will: rng.chance(0.5) ? will({ targetRoleIds: [rng.pick([10, 20, 30, 40])], desiredSkillIds: [rng.int(1, 9)], terms: termsOf(rng.pick(["クレーム対応", "テスト設計の仕事", "研修"]), aliasIndex) }) : null,
    }),
  );
  // Clones with the same skills and Will, to force ties.
  const twins = [person({ personId: 300, skills: [[1, 2]] }), person({ personId: 299, skills: [[1, 2]] })];

  it("gives the same ranking and explanations whatever the input order", () => {
    for (const posting of postings) {
      const reference = rankCandidates([...people, ...twins], posting, context, 15);
      for (let round = 0; round < 5; round++) {
        const shuffled = rankCandidates(rng.shuffle([...people, ...twins]), posting, context, 15);
        expect(shuffled).toEqual(reference);
      }
    }
    const byPerson = rankOpportunities(people[0]!, postings, context, 3);
    expect(rankOpportunities(people[0]!, [...postings].reverse(), context, 3)).toEqual(byPerson);
  });

  it("orders by total, then by id ascending, and explains every row", () => {
    const ranked = rankCandidates([...people, ...twins], postings[0]!, context, 50);
    expect(ranked).toHaveLength(42);
    for (let i = 1; i < ranked.length; i++) {
      const [a, b] = [ranked[i - 1]!, ranked[i]!];
      const keyOf = (row: typeof a) => (row.explanation.eligible ? row.explanation.total : row.explanation.scoreIfEligible - 2);
      expect(keyOf(a) > keyOf(b) || (keyOf(a) === keyOf(b) && a.id < b.id)).toBe(true);
      expect(b.rank).toBe(i + 1);
    }
    const twinRows = ranked.filter((row) => row.id === 299 || row.id === 300);
    expect(twinRows.map((row) => row.id)).toEqual([299, 300]);
    for (const row of ranked) {
      expect(row.explanation.policyVersion).toBe(matchingPolicy.version);
      expect(row.explanation).toEqual(score(people.concat(twins).find((p) => p.personId === row.id)!, postings[0]!));
    }
  });

  it("returns the top k only, and nothing for k = 0", () => {
    expect(rankCandidates(people, postings[1]!, context, 5)).toHaveLength(5);
    expect(rankCandidates(people, postings[1]!, context, 0)).toEqual([]);
    expect(rankOpportunities(people[1]!, postings, context, 2).map((row) => row.explanation.opportunityId)).toHaveLength(2);
  });
});

describe("text terms", () => {
  it("folds width and case, and maps aliases to one canonical skill term", () => {
    expect(termsOf("苦情対応", aliasIndex)).toEqual([skillTerm(1)]);
    expect(termsOf("クレーム対応", aliasIndex)).toEqual([skillTerm(1)]);
    expect(termsOf("Escalation Handling", aliasIndex)).toEqual([skillTerm(1)]);
    expect(termsOf("ＳＱＬ", aliasIndex)).toEqual([skillTerm(6)]);
  });

  it("masks the longest alias so its pieces are not counted again", () => {
    expect(termsOf("テストケース設計", aliasIndex)).toEqual([skillTerm(3)]);
  });

  it("matches ASCII aliases as whole words only", () => {
    expect(termsOf("photos and videos", aliasIndex)).toEqual(["photos", "videos"]);
    expect(termsOf("the ToS changed", aliasIndex)).toEqual(["changed", skillTerm(6)].sort());
  });

  it("drops particles, inflections, punctuation, numbers and stop words; keeps content words", () => {
    expect(termsOf("新人研修の企画・運営を担当します。3か月", aliasIndex)).toEqual(["企画", "新人", "研修", "運営"].sort());
    expect(termsOf("I want to design tests with the engineers", aliasIndex)).toEqual(["design", "engineers", "tests"]);
  });

  it("is deterministic: sorted, unique, independent of repetition", () => {
    const once = termsOf("品質改善とクレーム対応", aliasIndex);
    expect(termsOf("クレーム対応、品質改善、品質改善とクレーム対応", aliasIndex)).toEqual(once);
    expect(once).toEqual([...once].sort());
  });

  it("scores similarity as shared ÷ max(3, the smaller set)", () => {
    expect(termSimilarity(["a", "b"], ["a", "b", "c", "d"], 3)).toBeCloseTo(2 / 3, 12);
    expect(termSimilarity(["a", "b", "c", "d"], ["a", "b", "c", "d", "e"], 3)).toBe(1);
    expect(termSimilarity(["a"], ["b"], 3)).toBe(0);
    expect(termSimilarity([], [], 3)).toBe(0);
  });
});
