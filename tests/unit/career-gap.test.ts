import { describe, expect, it } from "vitest";
import { type GapInput, type RequiredSkill, computeGap, defaultTargetLevel } from "../../server/services/career-map/gap";

const text = (en: string) => ({ ja: `${en}（ja）`, en });
const skill = (skillId: number, level: number): RequiredSkill => ({
  skillId,
  level,
  name: text(`Skill ${skillId}`),
  category: text("Category"),
});

const unlockNext = [text("Led a small team for a quarter")];
const atTarget = [text("Ran a quality review")];
const qualification = [text("QC Kentei, Grade 3")];

/** A person at level 2 of role 10, 1.5 of 2 standard years, asked about level 1 of role 20. */
function input(overrides: { held?: [number, number][]; current?: Partial<GapInput["current"]>; target?: Partial<GapInput["target"]> } = {}): GapInput {
  return {
    heldSkills: new Map(overrides.held ?? []),
    current: { roleId: 10, level: 2, yearsAtLevel: 1.5, standardYears: 2, keyExperiences: unlockNext, ...overrides.current },
    target: { roleId: 20, level: 1, skills: [], keyExperiences: atTarget, qualifications: qualification, ...overrides.target },
  };
}

describe("career gap: skills", () => {
  type Case = { name: string; held: [number, number][]; needed: number; bucket: "missing" | "belowLevel" | "met"; shortBy?: number };
  it.each<Case>([
    { name: "a required skill not held is missing", held: [], needed: 3, bucket: "missing" },
    { name: "one level short is below level by 1", held: [[1, 2]], needed: 3, bucket: "belowLevel", shortBy: 1 },
    { name: "two levels short is below level by 2", held: [[1, 1]], needed: 3, bucket: "belowLevel", shortBy: 2 },
    { name: "three levels short is below level by 3", held: [[1, 1]], needed: 4, bucket: "belowLevel", shortBy: 3 },
    { name: "exactly the level needed is met", held: [[1, 3]], needed: 3, bucket: "met" },
    { name: "above the level needed is met", held: [[1, 4]], needed: 2, bucket: "met" },
  ])("$name", ({ held, needed, bucket, shortBy }) => {
    const gap = computeGap(input({ held, target: { skills: [skill(1, needed)] } }));
    const buckets = { missing: gap.missing, belowLevel: gap.belowLevel, met: gap.met };
    for (const [key, items] of Object.entries(buckets)) expect(items.length, key).toBe(key === bucket ? 1 : 0);
    expect(buckets[bucket][0]).toMatchObject({ skillId: 1, level: needed, name: text("Skill 1") });
    if (bucket === "belowLevel") expect(gap.belowLevel[0]).toMatchObject({ held: held[0]![1], shortBy });
    if (bucket === "missing") expect(gap.missing[0]!.held).toBeNull();
    if (bucket === "met") expect(gap.met[0]!.held).toBe(held[0]![1]);
  });

  it("ignores held skills the target does not need, and orders the largest shortfall first", () => {
    const gap = computeGap(
      input({
        held: [[1, 3], [2, 1], [3, 2], [99, 4]],
        target: { skills: [skill(1, 3), skill(2, 2), skill(3, 4), skill(4, 1)] },
      }),
    );
    expect(gap.met.map((s) => s.skillId)).toEqual([1]);
    expect(gap.belowLevel.map((s) => [s.skillId, s.shortBy])).toEqual([[3, 2], [2, 1]]);
    expect(gap.missing.map((s) => s.skillId)).toEqual([4]);
  });

  it.each<{ name: string; held: [number, number][]; skills: RequiredSkill[]; expected: object }>([
    { name: "none met", held: [], skills: [skill(1, 2), skill(2, 2)], expected: { met: 0, required: 2, ratio: 0 } },
    { name: "half met", held: [[1, 2], [2, 1]], skills: [skill(1, 2), skill(2, 2)], expected: { met: 1, required: 2, ratio: 0.5 } },
    { name: "all met", held: [[1, 3], [2, 2]], skills: [skill(1, 2), skill(2, 2)], expected: { met: 2, required: 2, ratio: 1 } },
    { name: "nothing required", held: [], skills: [], expected: { met: 0, required: 0, ratio: 1 } },
  ])("readiness: $name", ({ held, skills, expected }) => {
    expect(computeGap(input({ held, target: { skills } })).readiness).toEqual(expected);
  });
});

describe("career gap: experiences and qualifications", () => {
  it.each([
    { name: "another role: the target level's key experiences only", current: {}, target: {}, relation: "otherRole", unlocking: [] },
    { name: "next level of the same role: plus the current level's unlocking experiences", current: {}, target: { roleId: 10, level: 3 }, relation: "nextLevel", unlocking: unlockNext },
    { name: "the person's own level: nothing to unlock", current: {}, target: { roleId: 10, level: 2 }, relation: "current", unlocking: [] },
    { name: "two levels up the same role: nothing to unlock from the current level", current: { level: 1 }, target: { roleId: 10, level: 3 }, relation: "sameRoleAhead", unlocking: [] },
    { name: "a level already passed", current: { level: 3 }, target: { roleId: 10, level: 1 }, relation: "passed", unlocking: [] },
  ])("$name", ({ current, target, relation, unlocking }) => {
    const gap = computeGap(input({ current, target }));
    expect(gap.relation).toBe(relation);
    expect(gap.experiences).toEqual({ unlocking, atTarget });
  });

  it("lists the target level's qualifications (and none when it has none)", () => {
    expect(computeGap(input()).qualifications).toEqual(qualification);
    expect(computeGap(input({ target: { qualifications: [] } })).qualifications).toEqual([]);
  });
});

describe("career gap: years at level against the standard years", () => {
  it.each([
    { name: "under the standard years", atLevel: 1.3, standard: 2, expected: { remaining: 0.7, past: false } },
    { name: "exactly at the standard years", atLevel: 2, standard: 2, expected: { remaining: 0, past: false } },
    { name: "past the standard years", atLevel: 3.4, standard: 2, expected: { remaining: 0, past: true } },
    { name: "a fractional standard", atLevel: 0.2, standard: 1.5, expected: { remaining: 1.3, past: false } },
    { name: "no standard on the map", atLevel: 4, standard: null, expected: { remaining: null, past: false } },
  ])("$name", ({ atLevel, standard, expected }) => {
    const gap = computeGap(input({ current: { yearsAtLevel: atLevel, standardYears: standard } }));
    expect(gap.years).toEqual({ atLevel, standard, ...expected });
  });
});

describe("default target level", () => {
  const at = (level: number) => ({ roleId: 10, familyId: 1, level });
  it.each([
    { name: "own role → the next level", current: at(1), target: { roleId: 10, familyId: 1 }, expected: 2 },
    { name: "own role at level 3 → level 4", current: at(3), target: { roleId: 10, familyId: 1 }, expected: 4 },
    { name: "own role at the top → capped at 4", current: at(4), target: { roleId: 10, familyId: 1 }, expected: 4 },
    { name: "another family → level 1", current: at(2), target: { roleId: 20, familyId: 2 }, expected: 1 },
    { name: "another family, even from level 4 → level 1", current: at(4), target: { roleId: 20, familyId: 2 }, expected: 1 },
    { name: "same family below level 3 → level 1", current: at(2), target: { roleId: 20, familyId: 1 }, expected: 1 },
    { name: "same family from level 3 → level 2", current: at(3), target: { roleId: 20, familyId: 1 }, expected: 2 },
    { name: "same family from level 4 → level 2", current: at(4), target: { roleId: 20, familyId: 1 }, expected: 2 },
  ])("$name", ({ current, target, expected }) => {
    expect(defaultTargetLevel(current, target)).toBe(expected);
  });
});
