import { describe, expect, it } from "vitest";
import { matchingPolicy } from "../../server/services/matching/matching.policy";
import { rankCandidates } from "../../server/services/matching/matching.rank";
import { evaluationContext, evaluationOpportunities, evaluationPeople, judgements } from "./matching-evaluation.data";

/*
 * Ranking quality against the hand-labelled set in matching-evaluation.data.ts (labels written
 * before any weight was tuned — see that file). For each opportunity the labelled people are ranked
 * by `rankCandidates`; NDCG@10 with gain 2^grade − 1 and discount log2(rank + 1), ideal order =
 * grades sorted high to low. The overall figure is the mean over opportunities.
 */
const K = 10;

const dcg = (grades: readonly number[]) => grades.slice(0, K).reduce((sum, grade, index) => sum + (2 ** grade - 1) / Math.log2(index + 2), 0);

function ndcgAt(gradesInRankedOrder: readonly number[]): number {
  const ideal = dcg([...gradesInRankedOrder].sort((a, b) => b - a));
  return ideal === 0 ? 1 : dcg(gradesInRankedOrder) / ideal;
}

const keyByPersonId = new Map([...evaluationPeople].map(([key, profile]) => [profile.personId, key]));

function evaluate() {
  return Object.entries(judgements).map(([opportunityKey, grades]) => {
    const opportunity = evaluationOpportunities.get(opportunityKey);
    if (!opportunity) throw new Error(`no opportunity ${opportunityKey}`);
    const people = Object.keys(grades).map((key) => {
      const profile = evaluationPeople.get(key);
      if (!profile) throw new Error(`no person ${key}`);
      return profile;
    });
    const ranked = rankCandidates(people, opportunity, evaluationContext, people.length);
    const order = ranked.map((row) => keyByPersonId.get(row.id)!);
    return { opportunityKey, order, grades: order.map((key) => grades[key]!), ndcg: ndcgAt(order.map((key) => grades[key]!)) };
  });
}

describe("matching evaluation (hand-labelled, real career map and taxonomy)", () => {
  const results = evaluate();
  const overall = results.reduce((sum, result) => sum + result.ndcg, 0) / results.length;

  it("has at least 30 graded judgements over several opportunities, with poor matches too", () => {
    const all = Object.values(judgements).flatMap((grades) => Object.values(grades));
    expect(all.length).toBeGreaterThanOrEqual(30);
    expect(results.length).toBeGreaterThanOrEqual(5);
    expect(all.filter((grade) => grade === 0).length).toBeGreaterThanOrEqual(10);
    expect(all.filter((grade) => grade === 3).length).toBeGreaterThanOrEqual(results.length);
  });

  it(`reaches NDCG@${K} ≥ 0.8 overall (policy ${matchingPolicy.version})`, () => {
    console.log(
      [
        `matching evaluation, policy ${matchingPolicy.version}: NDCG@${K} = ${overall.toFixed(3)} over ${results.length} opportunities`,
        ...results.map((result) => `  ${result.opportunityKey.padEnd(20)} ${result.ndcg.toFixed(3)}  ${result.order.map((key, i) => `${key}:${result.grades[i]}`).join(" ")}`),
      ].join("\n"),
    );
    expect(overall).toBeGreaterThanOrEqual(0.8);
  });

  it("puts a person graded 2 or 3 first for every opportunity", () => {
    for (const result of results) expect(result.grades[0], result.opportunityKey).toBeGreaterThanOrEqual(2);
  });
});
