/*
 * The gap between where a person stands on the career map and a target role level: pure logic,
 * no database, so every rule is table-tested (tests/unit/career-gap.test.ts). The queries load the
 * facts; this file decides what is missing.
 */

export type Bilingual = { ja: string; en: string };

/** A skill the target role level expects, with the level needed. */
export type RequiredSkill = { skillId: number; level: number; name: Bilingual; category: Bilingual };

export type GapInput = {
  /** The person's held skills: skill id → level 1–4. */
  heldSkills: ReadonlyMap<number, number>;
  current: {
    roleId: number;
    level: number;
    /** Years at the current level (one decimal). */
    yearsAtLevel: number;
    /** The current level's standard years; null when the career map has no row for it. */
    standardYears: number | null;
    /** The current level's key experiences: the ones that unlock the next level. */
    keyExperiences: readonly Bilingual[];
  };
  target: {
    roleId: number;
    level: number;
    skills: readonly RequiredSkill[];
    keyExperiences: readonly Bilingual[];
    qualifications: readonly Bilingual[];
  };
};

/**
 * How the target relates to the person's position: their own position, the next level of their
 * role, a level of their role they have passed, a level further up their role, or another role.
 */
export type GapRelation = "current" | "nextLevel" | "passed" | "sameRoleAhead" | "otherRole";

export type MissingSkill = RequiredSkill & { held: null };
export type BelowLevelSkill = RequiredSkill & { held: number; shortBy: number };
export type MetSkill = RequiredSkill & { held: number };

export type Gap = {
  relation: GapRelation;
  /** Required and not held at all. */
  missing: MissingSkill[];
  /** Held, but below the level needed; the largest shortfall first. */
  belowLevel: BelowLevelSkill[];
  /** Held at or above the level needed. */
  met: MetSkill[];
  experiences: {
    /** The current level's key experiences, when the target is the next level of the same role. */
    unlocking: Bilingual[];
    /** The target level's own key experiences. */
    atTarget: Bilingual[];
  };
  qualifications: Bilingual[];
  /**
   * Time at the current level against its standard years — information, never a gate.
   * `remaining` is never negative; `past` is true only beyond the standard years, not at them.
   */
  years: { atLevel: number; standard: number | null; remaining: number | null; past: boolean };
  /** Required skills met ÷ required skills; 1 when the level requires none. */
  readiness: { met: number; required: number; ratio: number };
};

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

function relationOf(current: GapInput["current"], target: GapInput["target"]): GapRelation {
  if (current.roleId !== target.roleId) return "otherRole";
  if (target.level === current.level) return "current";
  if (target.level === current.level + 1) return "nextLevel";
  return target.level < current.level ? "passed" : "sameRoleAhead";
}

/** The gap from the person's position to a target role level. Deterministic: same input, same output. */
export function computeGap(input: GapInput): Gap {
  const { current, target, heldSkills } = input;
  const missing: MissingSkill[] = [];
  const belowLevel: BelowLevelSkill[] = [];
  const met: MetSkill[] = [];
  for (const skill of target.skills) {
    const held = heldSkills.get(skill.skillId);
    if (held === undefined) missing.push({ ...skill, held: null });
    else if (held < skill.level) belowLevel.push({ ...skill, held, shortBy: skill.level - held });
    else met.push({ ...skill, held });
  }
  // Stable sort: equal shortfalls keep the career map's order.
  belowLevel.sort((a, b) => b.shortBy - a.shortBy);

  const relation = relationOf(current, target);
  const standard = current.standardYears;
  const required = target.skills.length;
  return {
    relation,
    missing,
    belowLevel,
    met,
    experiences: {
      unlocking: relation === "nextLevel" ? [...current.keyExperiences] : [],
      atTarget: [...target.keyExperiences],
    },
    qualifications: [...target.qualifications],
    years: {
      atLevel: current.yearsAtLevel,
      standard,
      remaining: standard === null ? null : Math.max(0, oneDecimal(standard - current.yearsAtLevel)),
      past: standard !== null && current.yearsAtLevel > standard,
    },
    readiness: { met: met.length, required, ratio: required === 0 ? 1 : met.length / required },
  };
}

export const maxLevel = 4;

/**
 * The level of a target role to measure the gap against when the person has not chosen one:
 *
 * - their own role → the next level (capped at 4: at the top, the top level itself);
 * - another role → level 1, because a move into a new role usually starts at its entry level;
 * - except another role in the same job family when the person is at level 3 or 4 of their own
 *   role → level 2: they carry most of the family's skills and context over, so measuring against
 *   the entry level would understate where they would land.
 */
export function defaultTargetLevel(
  current: { roleId: number; familyId: number; level: number },
  target: { roleId: number; familyId: number },
): number {
  if (target.roleId === current.roleId) return Math.min(current.level + 1, maxLevel);
  if (target.familyId === current.familyId && current.level >= 3) return 2;
  return 1;
}
