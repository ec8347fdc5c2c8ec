import { describe, expect, it } from "vitest";
import { mergeAdjacency, mergeAliases, mergeHeldSkills, mergePostingSkills, replaceSkillId } from "../../server/services/taxonomy/skill-merge.plan";
import { mergeSkillsInput, saveSkillInput, setAdjacencyInput } from "../../server/services/taxonomy/taxonomy.schemas";
import { slugFrom } from "../../server/services/taxonomy/slug";

const held = (level: number, extra: Partial<Parameters<typeof mergeHeldSkills>[0]> = {}) => ({
  level,
  evidence: "",
  verifiedById: null,
  verifiedAt: null,
  verificationNote: "",
  reviewedAt: new Date("2026-01-01T00:00:00Z"),
  ...extra,
});

describe("merging a person's two holds", () => {
  it("keeps the higher level with its own verification, whichever skill it was on", () => {
    const verified = held(2, { verifiedById: 7, verifiedAt: new Date("2026-02-01T00:00:00Z"), verificationNote: "確認済み" });
    expect(mergeHeldSkills(verified, held(3), 1000)).toMatchObject({ level: 3, verifiedById: null, verifiedAt: null });
    expect(mergeHeldSkills(held(1), verified, 1000)).toMatchObject({ level: 2, verifiedById: 7, verificationNote: "確認済み" });
  });

  it("prefers a verified hold at equal levels, and keeps both evidences and the later review", () => {
    const a = held(2, { evidence: "研修を担当", reviewedAt: new Date("2026-05-01T00:00:00Z") });
    const b = held(2, { evidence: "問い合わせ対応", verifiedById: 9, verifiedAt: new Date("2026-03-01T00:00:00Z") });
    const merged = mergeHeldSkills(a, b, 1000);
    expect(merged).toMatchObject({ level: 2, verifiedById: 9, evidence: "問い合わせ対応\n研修を担当" });
    expect(merged.reviewedAt.toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("does not repeat one evidence and stays within the evidence limit", () => {
    expect(mergeHeldSkills(held(1, { evidence: "同じ" }), held(1, { evidence: "同じ" }), 1000).evidence).toBe("同じ");
    expect([...mergeHeldSkills(held(1, { evidence: "あ".repeat(8) }), held(2, { evidence: "い".repeat(8) }), 10).evidence]).toHaveLength(10);
  });
});

describe("merging a posting's skills", () => {
  const FROM = 1;
  const INTO = 2;
  it("keeps a requirement that named only one of the skills as it was", () => {
    expect(mergePostingSkills([{ skillId: FROM, kind: "preferred", level: 3 }], FROM, INTO)).toEqual([{ kind: "preferred", level: 3 }]);
  });

  it("keeps the stronger requirement at its higher level where the posting asked for both", () => {
    const rows = [
      { skillId: FROM, kind: "required" as const, level: 2 },
      { skillId: INTO, kind: "required" as const, level: 3 },
    ];
    expect(mergePostingSkills(rows, FROM, INTO)).toEqual([{ kind: "required", level: 3 }]);
    const mixed = [
      { skillId: FROM, kind: "required" as const, level: 2 },
      { skillId: INTO, kind: "preferred" as const, level: 4 },
    ];
    expect(mergePostingSkills(mixed, FROM, INTO)).toEqual([{ kind: "required", level: 2 }]);
  });

  it("keeps a skill the posting grows, at the higher level, beside the requirement", () => {
    const rows = [
      { skillId: FROM, kind: "grows" as const, level: 1 },
      { skillId: INTO, kind: "grows" as const, level: 2 },
      { skillId: INTO, kind: "preferred" as const, level: 2 },
      { skillId: 99, kind: "required" as const, level: 4 },
    ];
    expect(mergePostingSkills(rows, FROM, INTO)).toEqual([
      { kind: "preferred", level: 2 },
      { kind: "grows", level: 2 },
    ]);
  });
});

describe("merging adjacency, aliases and id lists", () => {
  it("moves the merged skill's neighbours to the survivor at the stronger weight, smaller id first", () => {
    const pairs = [
      { skillA: 3, skillB: 5, weight: 0.4 },
      { skillA: 1, skillB: 5, weight: 0.5 },
      { skillA: 5, skillB: 8, weight: 0.7 },
      { skillA: 3, skillB: 8, weight: 0.9 },
      { skillA: 1, skillB: 3, weight: 0.6 },
    ];
    expect(mergeAdjacency(pairs, 5, 3)).toEqual([
      { skillA: 1, skillB: 3, weight: 0.6 },
      { skillA: 3, skillB: 8, weight: 0.9 },
    ]);
  });

  it("turns the merged skill's names into the survivor's aliases, each once", () => {
    const into = { nameJa: "クレーム対応", nameEn: "Complaint handling", aliases: ["苦情対応"] };
    const from = { nameJa: "苦情処理", nameEn: "complaint handling", aliases: ["苦情対応", "ｸﾚｰﾑ処理"] };
    expect(mergeAliases(into, from, 30)).toEqual(["苦情対応", "苦情処理", "ｸﾚｰﾑ処理"]);
  });

  it("replaces an id in a list without repeating it", () => {
    expect(replaceSkillId([4, 1, 2], 1, 2)).toEqual([4, 2]);
    expect(replaceSkillId([4, 1], 1, 2)).toEqual([4, 2]);
  });
});

describe("taxonomy input rules", () => {
  it("refuses merging a skill into itself and an adjacency of one skill", () => {
    expect(mergeSkillsInput.safeParse({ fromSkillId: 3, intoSkillId: 3 }).success).toBe(false);
    expect(setAdjacencyInput.safeParse({ skillId: 3, otherSkillId: 3, weight: 0.5 }).success).toBe(false);
  });

  it("keeps adjacency weights in (0, 1]", () => {
    expect(setAdjacencyInput.safeParse({ skillId: 1, otherSkillId: 2, weight: 0 }).success).toBe(false);
    expect(setAdjacencyInput.safeParse({ skillId: 1, otherSkillId: 2, weight: 5e-324 }).success).toBe(false);
    expect(setAdjacencyInput.safeParse({ skillId: 1, otherSkillId: 2, weight: 1.01 }).success).toBe(false);
    expect(setAdjacencyInput.safeParse({ skillId: 1, otherSkillId: 2, weight: 1 }).success).toBe(true);
  });

  it("requires both names", () => {
    expect(saveSkillInput.safeParse({ nameJa: " ", nameEn: "Testing", categoryId: 1 }).success).toBe(false);
  });

  it("makes slugs from English names", () => {
    expect(slugFrom("Complaint handling (B2B)")).toBe("complaint-handling-b2b");
    expect(slugFrom("品質", "skill")).toBe("skill");
  });
});
