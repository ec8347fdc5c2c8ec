/*
 * The inputs and the output of matching. Pure data: the queries load these from the
 * database, respecting consent (a Will reaches matching only when its owner shares it with the
 * matching engine) — this module only scores what it is given.
 *
 * Fairness by construction: a candidate carries no protected attribute. Name, gender, age and birth
 * date are not in the type, so no scoring rule can read them. Time at level is the only
 * tenure-like input, and it is a small factor that never gates (tenure is an age proxy).
 */

export type SkillId = number;
export type RoleId = number;
export type Bilingual = { ja: string; en: string };

/** A person's Will as matching sees it — present only when shared with the matching engine. */
export interface CandidateWill {
  readonly targetRoleIds: readonly RoleId[];
  readonly desiredSkillIds: readonly SkillId[];
  /** The statement's terms, precomputed by `termsOf` (sorted, unique). */
  readonly terms: readonly string[];
}

export interface CandidateProfile {
  readonly personId: number;
  readonly roleId: RoleId;
  /** The person's level (1–4) in their role. */
  readonly level: number;
  /** Years at the current level (information; never a gate). */
  readonly yearsAtLevel: number;
  /** The career map's standard years for the current role level; null when the map has none. */
  readonly standardYears: number | null;
  /** Held skills: skill id → level 1–4. */
  readonly skills: ReadonlyMap<SkillId, number>;
  /** Null when the person has no Will or does not share it with matching. */
  readonly will: CandidateWill | null;
}

/** A skill an opportunity lists, with the level needed (required, preferred) or reached (grows). */
export interface OpportunitySkill {
  readonly skillId: SkillId;
  readonly level: number;
}

export interface OpportunityProfile {
  readonly opportunityId: number;
  /** The career-map role the opportunity is in; null for role-less projects, mentorships, … */
  readonly roleId: RoleId | null;
  /** Mandatory skills: the gate applies, adjacency never satisfies them. */
  readonly required: readonly OpportunitySkill[];
  readonly preferred: readonly OpportunitySkill[];
  /** What the person will grow there. */
  readonly grows: readonly OpportunitySkill[];
  /** Title and description terms, precomputed by `termsOf` (sorted, unique). */
  readonly terms: readonly string[];
}

/** A neighbour in the skill adjacency graph: holding one makes the other easier to learn. */
export interface AdjacentSkill {
  readonly skillId: SkillId;
  /** In (0, 1]. */
  readonly weight: number;
}

/** Phrases (skill names and aliases, normalised) that `termsOf` maps to a canonical skill term. */
export interface AliasIndex {
  /** Longest phrase first, then by code unit order: the order matching tries them in. */
  readonly entries: ReadonlyArray<{ readonly phrase: string; readonly skillId: SkillId }>;
}

export interface MatchContext {
  /** Undirected skill adjacency, both directions present; each list sorted by skill id. */
  readonly adjacency: ReadonlyMap<SkillId, readonly AdjacentSkill[]>;
  /**
   * The career map as a graph: from role → (to role → fewest steps along career paths). Answers
   * "is the opportunity's role on a path toward one of the person's target roles".
   */
  readonly roleSteps: ReadonlyMap<RoleId, ReadonlyMap<RoleId, number>>;
  /** For explanations. */
  readonly skillNames: ReadonlyMap<SkillId, Bilingual>;
  readonly roleNames: ReadonlyMap<RoleId, Bilingual>;
  /** Alias → skill, used by `termsOf` when precomputing terms. */
  readonly aliasIndex: AliasIndex;
}

// ── the explanation ────────────────────────────────────────────────────────────────────────

export type FactorName = "skillFit" | "willAlignment" | "growth" | "readiness";

export interface FactorResult {
  /** The factor's own score in [0, 1]. */
  readonly score: number;
  /** Its weight in the policy. */
  readonly weight: number;
  /** weight × score, rounded to the policy's precision; 0 for every factor when not eligible. */
  readonly contribution: number;
}

export type OpportunitySkillKind = "required" | "preferred" | "grows";

export interface MatchedSkill {
  readonly skillId: SkillId;
  readonly kind: OpportunitySkillKind;
  readonly level: number;
  readonly held: number;
}

export interface SkillGap {
  readonly skillId: SkillId;
  readonly kind: OpportunitySkillKind;
  /** The level the opportunity needs. */
  readonly level: number;
  /** The level held; null when not held at all. */
  readonly held: number | null;
  readonly shortBy: number;
  /** A required skill: the gate applies to it. */
  readonly mandatory: boolean;
}

/** A non-mandatory skill one level short (or a level-1 skill not yet held): growth, not a gap. */
export interface StretchSkill {
  readonly skillId: SkillId;
  readonly kind: OpportunitySkillKind;
  readonly level: number;
  readonly held: number | null;
}

export interface AdjacentCredit {
  /** The opportunity's skill that got partial credit. */
  readonly skillId: SkillId;
  readonly kind: OpportunitySkillKind;
  /** The held neighbour that earned it. */
  readonly viaSkillId: SkillId;
  readonly credit: number;
}

export interface GateReason {
  readonly code: "requiredSkillTooFarShort";
  readonly skillId: SkillId;
  readonly level: number;
  readonly held: number | null;
  readonly shortBy: number;
  readonly allowedGap: number;
  readonly message: Bilingual;
}

export interface WillTerm {
  readonly term: string;
  /** Set when the term is a canonical skill term (an alias or a skill name in the text). */
  readonly skillId: SkillId | null;
  /** The skill's name for a skill term, the word itself otherwise. */
  readonly label: Bilingual;
}

export type WhatIfChange =
  | { readonly kind: "raiseSkill"; readonly skillId: SkillId; readonly from: number; readonly to: number }
  | { readonly kind: "addSkill"; readonly skillId: SkillId; readonly level: number }
  | { readonly kind: "addTargetRole"; readonly roleId: RoleId };

export interface WhatIf {
  readonly change: WhatIfChange;
  /** Exactly scoreMatch(changed).total − total. */
  readonly gain: number;
  /** e.g. "クレーム対応 2→3: +0.09" / "Complaint handling 2→3: +0.09". */
  readonly label: Bilingual;
}

export interface MatchExplanation {
  readonly policyVersion: string;
  readonly personId: number;
  readonly opportunityId: number;
  /**
   * In [0, 1]; the sum of the four contributions in the order skillFit + willAlignment + growth +
   * readiness. 0 when not eligible.
   */
  readonly total: number;
  readonly eligible: boolean;
  /** What the total would be without the gate (equals total when eligible). */
  readonly scoreIfEligible: number;
  readonly gateReasons: readonly GateReason[];
  readonly factors: { readonly [F in FactorName]: FactorResult };
  readonly matchedSkills: readonly MatchedSkill[];
  readonly stretch: readonly StretchSkill[];
  readonly gaps: readonly SkillGap[];
  readonly adjacentUsed: readonly AdjacentCredit[];
  /** The opportunity's role is a target (steps 0) or on a career path toward one (steps ≥ 1). */
  readonly roleAlignment: null | { readonly targetRoleId: RoleId; readonly steps: number; readonly credit: number };
  readonly desiredSkillsGrown: readonly SkillId[];
  readonly willTermsMatched: readonly WillTerm[];
  /** Time at level against standard years: information, never a gate. */
  readonly readiness: { readonly yearsAtLevel: number; readonly standardYears: number | null; readonly pastStandard: boolean };
  /** The (up to) three single changes that would raise the total most, largest first. */
  readonly whatIfs: readonly WhatIf[];
}

/** One row of a ranking: its key orders eligible matches by total, then gated ones by scoreIfEligible. */
export interface RankedMatch {
  readonly id: number;
  readonly rank: number;
  readonly explanation: MatchExplanation;
}
