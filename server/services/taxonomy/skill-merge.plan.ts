import { normalizeSearchText } from "../text/normalize";

/*
 * Merging skill `from` into skill `into`: what each kind of row becomes. Pure functions, so the
 * rules are tested without a database (tests/unit/skill-merge-plan.test.ts); the service applies
 * them in one transaction (taxonomy.service.ts).
 */

/** A person's hold on a skill, as merging reads and writes it. */
export type HeldSkill = {
  level: number;
  evidence: string;
  verifiedById: number | null;
  verifiedAt: Date | null;
  verificationNote: string;
  reviewedAt: Date;
};

/**
 * A person who held both skills keeps one: the higher level, with that hold's verification (a
 * manager verified that level, not the other). At equal levels a verified hold beats a
 * self-declared one, then the later review. The evidence of both is kept (the chosen hold's
 * first, cut to `evidenceMax`), and the later review date, so nobody is nudged to review again.
 */
export function mergeHeldSkills(into: HeldSkill, from: HeldSkill, evidenceMax: number): HeldSkill {
  const rank = (held: HeldSkill) => [held.level, held.verifiedAt ? 1 : 0, held.reviewedAt.getTime()] as const;
  const [a, b] = [rank(into), rank(from)];
  const fromWins = a[0] !== b[0] ? b[0] > a[0] : a[1] !== b[1] ? b[1] > a[1] : b[2] > a[2];
  const kept = fromWins ? from : into;
  const other = fromWins ? into : from;
  const evidence = [kept.evidence.trim(), other.evidence.trim()].filter((text, index, all) => text !== "" && all.indexOf(text) === index).join("\n");
  return {
    ...kept,
    evidence: [...evidence].slice(0, evidenceMax).join(""),
    reviewedAt: new Date(Math.max(into.reviewedAt.getTime(), from.reviewedAt.getTime())),
  };
}

export const postingSkillKinds = ["required", "preferred", "grows"] as const;
export type PostingSkillKind = (typeof postingSkillKinds)[number];
export type PostingSkill = { skillId: number; kind: PostingSkillKind; level: number };

/** What a posting asks of a skill: required is stronger than preferred. "grows" is no requirement. */
const requirementStrength: Record<PostingSkillKind, number> = { required: 2, preferred: 1, grows: 0 };

/**
 * One posting's rows for the two skills → the survivor's rows. Every requirement is kept: where
 * the posting asked for both skills, it keeps one requirement of the stronger kind (required over
 * preferred) at the higher level that kind asked; where it asked for one, that row is kept as it
 * was. A skill the posting grows stays grown, at the higher level.
 */
export function mergePostingSkills(rows: readonly PostingSkill[], fromId: number, intoId: number): { kind: PostingSkillKind; level: number }[] {
  const involved = rows.filter((row) => row.skillId === fromId || row.skillId === intoId);
  const result: { kind: PostingSkillKind; level: number }[] = [];
  const requirements = involved.filter((row) => requirementStrength[row.kind] > 0);
  const askedOfBoth = new Set(requirements.map((row) => row.skillId)).size === 2;
  if (askedOfBoth) {
    const strongest = Math.max(...requirements.map((row) => requirementStrength[row.kind]));
    const kind = requirements.find((row) => requirementStrength[row.kind] === strongest)!.kind;
    result.push({ kind, level: Math.max(...requirements.filter((row) => row.kind === kind).map((row) => row.level)) });
  } else {
    for (const kind of ["required", "preferred"] as const) {
      const ofKind = requirements.filter((row) => row.kind === kind);
      if (ofKind.length > 0) result.push({ kind, level: Math.max(...ofKind.map((row) => row.level)) });
    }
  }
  const grows = involved.filter((row) => row.kind === "grows");
  if (grows.length > 0) result.push({ kind: "grows", level: Math.max(...grows.map((row) => row.level)) });
  return result;
}

export type AdjacencyPair = { skillA: number; skillB: number; weight: number };

/**
 * The survivor's adjacency after the merge: each neighbour of either skill (but not the two
 * themselves) once, at the stronger weight, stored with skillA < skillB as the table requires.
 */
export function mergeAdjacency(pairs: readonly AdjacencyPair[], fromId: number, intoId: number): AdjacencyPair[] {
  const byNeighbour = new Map<number, number>();
  for (const pair of pairs) {
    const ends = [pair.skillA, pair.skillB];
    if (!ends.includes(fromId) && !ends.includes(intoId)) continue;
    const neighbour = pair.skillA === fromId || pair.skillA === intoId ? pair.skillB : pair.skillA;
    if (neighbour === fromId || neighbour === intoId) continue;
    byNeighbour.set(neighbour, Math.max(byNeighbour.get(neighbour) ?? 0, pair.weight));
  }
  return [...byNeighbour.entries()]
    .sort(([a], [b]) => a - b)
    .map(([neighbour, weight]) => ({ skillA: Math.min(intoId, neighbour), skillB: Math.max(intoId, neighbour), weight }));
}

export type SkillNames = { nameJa: string; nameEn: string; aliases: readonly string[] };

/** How names compare: NFKC-normalised, lower-cased, trimmed (クレーム対応 = ｸﾚｰﾑ対応). */
export const nameKey = (name: string) => normalizeSearchText(name).toLowerCase().trim();

/**
 * The survivor's aliases: its own, then the merged skill's names and aliases, each once and never
 * repeating one of the survivor's names, so a search for the old name finds the survivor.
 */
export function mergeAliases(into: SkillNames, from: SkillNames, max: number): string[] {
  const seen = new Set([nameKey(into.nameJa), nameKey(into.nameEn)]);
  const aliases: string[] = [];
  for (const alias of [...into.aliases, from.nameJa, from.nameEn, ...from.aliases]) {
    const key = nameKey(alias);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    aliases.push(alias.trim());
  }
  return aliases.slice(0, max);
}

/** A list of skill ids with `from` replaced by `into`, each id once, in the original order. */
export function replaceSkillId(ids: readonly number[], fromId: number, intoId: number): number[] {
  return [...new Set(ids.map((id) => (id === fromId ? intoId : id)))];
}
