/*
 * The matching policy: every tunable number of the score, as data, under a version that every
 * explanation carries, so any ranking can be traced back to the numbers that produced it. Changing any
 * number here changes rankings: bump `version`, and re-run the evaluation
 * (tests/unit/matching-evaluation.test.ts) — never re-label the evaluation set to fit.
 *
 * The formulas these numbers feed are documented in matching.score.ts.
 */

export interface MatchingPolicy {
  readonly version: string;
  /** The four factors' weights; they sum to 1, so the total stays in [0, 1]. */
  readonly weights: { readonly skillFit: number; readonly willAlignment: number; readonly growth: number; readonly readiness: number };
  readonly skillFit: {
    /** Share of required vs preferred skill coverage (renormalised when a list is empty). */
    readonly requiredShare: number;
    readonly preferredShare: number;
    /** Credit lost per level short on a held skill (credit = max(0, 1 − penalty × levels short)). */
    readonly penaltyPerLevelShort: number;
    /** Adjacency credit = discount × edge weight × min(1, neighbour level ÷ level needed). */
    readonly adjacencyDiscount: number;
    /** Score when the opportunity lists no required and no preferred skill. */
    readonly nothingListedScore: number;
  };
  readonly gate: {
    /** A required skill more than this many levels short (not held = level 0) makes the person ineligible. */
    readonly maxRequiredGap: number;
  };
  readonly growth: {
    /** Share of the skills the opportunity grows vs its preferred skills. */
    readonly growsShare: number;
    readonly preferredShare: number;
    /** Levels short that still count as growth (stretch); more is a gap (overreach). */
    readonly stretchLevels: number;
    /** Score when the opportunity lists nothing to grow and nothing preferred. */
    readonly nothingListedScore: number;
  };
  readonly will: {
    /** Shares of the three components; the role share drops out when the opportunity has no role. */
    readonly roleShare: number;
    readonly desiredSkillsShare: number;
    readonly textShare: number;
    /** Credit when the opportunity's role is 1, 2, 3 … career-path steps before a target (a target itself: 1). */
    readonly pathCreditBySteps: readonly number[];
    /**
     * Desired skills the opportunity grows, counted up to this many, give full alignment. Only the
     * skills it grows count: a desired skill merely required there is not a Will met, and
     * counting it would let adding a requirement raise a score.
     */
    readonly desiredSaturation: number;
    /** Text similarity = shared terms ÷ max(this, the smaller term set) — see text-terms.ts. */
    readonly textMinTerms: number;
  };
  readonly readiness: {
    /** Score at zero years; it rises linearly to 1 at the standard years and stays there. */
    readonly floor: number;
    /** Score when the career map has no standard years for the level. */
    readonly unknownScore: number;
  };
  /** Contributions are rounded to this many decimals; the total is their sum. */
  readonly decimals: number;
  /** How many what-ifs an explanation lists. */
  readonly whatIfCount: number;
}

export const matchingPolicy: MatchingPolicy = {
  version: "2026-11.1",
  weights: { skillFit: 0.5, willAlignment: 0.3, growth: 0.15, readiness: 0.05 },
  skillFit: { requiredShare: 0.7, preferredShare: 0.3, penaltyPerLevelShort: 0.35, adjacencyDiscount: 0.5, nothingListedScore: 0.5 },
  gate: { maxRequiredGap: 1 },
  growth: { growsShare: 0.7, preferredShare: 0.3, stretchLevels: 1, nothingListedScore: 0.5 },
  will: {
    roleShare: 0.5,
    desiredSkillsShare: 0.25,
    textShare: 0.25,
    pathCreditBySteps: [0.6, 0.4, 0.2],
    desiredSaturation: 2,
    textMinTerms: 3,
  },
  readiness: { floor: 0.5, unknownScore: 0.75 },
  decimals: 4,
  whatIfCount: 3,
};
