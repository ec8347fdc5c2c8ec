/*
 * Terms of a free text (a Will statement, an opportunity's title and description) for matching:
 * Japanese and English, deterministic, no external service (word boundaries from `Intl.Segmenter`,
 * built into Node).
 *
 * termsOf(text):
 *  1. NFKC (full/half width folded) and lower case, so ＱＡ, ｸﾚｰﾑ and QA meet;
 *  2. skill names and aliases found in the text become one canonical skill term (`skill:<id>`),
 *     longest phrase first; the matched span is masked so its pieces are not counted again
 *     ("クレーム対応" and "苦情対応" are both `skill:<complaint-handling>`, not "対応");
 *  3. the rest is split into words by Intl.Segmenter('ja', { granularity: 'word' }) — it splits
 *     Japanese by dictionary and English at spaces and punctuation;
 *  4. dropped: punctuation and spaces, single characters (kana particles, lone kanji, letters),
 *     hiragana-only words (inflections and particles: "たい", "なり"), numbers, and stop words;
 *  5. sorted by code unit and de-duplicated: the same text always gives the same array.
 *
 * Similarity of two term sets: the overlap coefficient with a floor,
 *   |A ∩ B| ÷ max(minTerms, min(|A|, |B|)),
 * chosen over Jaccard because a short Will statement against a long posting should score by how
 * much of the shorter text is covered; the floor keeps one shared word in a three-word text from
 * counting as a perfect match.
 */
import type { AliasIndex, SkillId } from "./matching.types";

export const skillTermPrefix = "skill:";

export function skillTerm(skillId: SkillId): string {
  return `${skillTermPrefix}${skillId}`;
}

/** The skill id of a canonical skill term, or null for a plain word. */
export function skillOfTerm(term: string): SkillId | null {
  return term.startsWith(skillTermPrefix) ? Number(term.slice(skillTermPrefix.length)) : null;
}

/** NFKC, lower case, whitespace collapsed. */
export function normalizeTermText(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Builds the alias index from the taxonomy: each skill's names and aliases, normalised. */
export function buildAliasIndex(
  skills: Iterable<{ readonly id: SkillId; readonly nameJa: string; readonly nameEn: string; readonly aliases: readonly string[] }>,
): AliasIndex {
  const bestSkill = new Map<string, SkillId>();
  for (const skill of skills) {
    for (const raw of [skill.nameJa, skill.nameEn, ...skill.aliases]) {
      const phrase = normalizeTermText(raw);
      if ([...phrase].length < 2) continue;
      // A phrase shared by two skills goes to the lower id: deterministic whatever the input order.
      const current = bestSkill.get(phrase);
      if (current === undefined || skill.id < current) bestSkill.set(phrase, skill.id);
    }
  }
  const entries = [...bestSkill].map(([phrase, skillId]) => ({ phrase, skillId }));
  entries.sort((a, b) => b.phrase.length - a.phrase.length || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0));
  return { entries };
}

const asciiWordChar = /[a-z0-9]/;
const hiraganaOnly = /^[\u3041-\u309fー]+$/;
const numberOnly = /^[0-9.,%]+$/;

/**
 * Words that carry no meaning for matching. Japanese: generic words of postings and statements
 * (the particles and inflections are already gone as hiragana-only words). English: function words.
 */
const stopWords = new Set([
  // ja
  "経験", "担当", "業務", "仕事", "歓迎", "募集", "対応", "活用", "自分", "以上", "以下", "程度", "予定", "一緒", "気軽",
  "場合", "様々", "色々", "方々", "皆さん", "お客様", "お客さま", "当社", "弊社", "今後", "現在", "毎日", "週間", "か月",
  // en
  "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "at", "by", "from", "as", "into", "about",
  "is", "are", "was", "be", "been", "am", "it", "its", "this", "that", "these", "those", "i", "we", "you", "my", "our",
  "your", "me", "us", "they", "their", "want", "would", "like", "will", "can", "could", "should", "do", "did", "have",
  "has", "more", "most", "some", "such", "than", "then", "so", "not", "no", "but", "if", "also", "very", "just", "who",
]);

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });

/** Whether the phrase at `at` stands as a whole word at its ASCII edges (Japanese edges need no boundary). */
function occursAt(text: string, phrase: string, at: number): boolean {
  const first = phrase[0]!;
  const last = phrase[phrase.length - 1]!;
  if (asciiWordChar.test(first) && at > 0 && asciiWordChar.test(text[at - 1]!)) return false;
  const end = at + phrase.length;
  if (asciiWordChar.test(last) && end < text.length && asciiWordChar.test(text[end]!)) return false;
  return true;
}

/** The terms of a text: canonical skill terms and words, sorted and unique. See the file comment. */
export function termsOf(text: string, aliasIndex: AliasIndex): string[] {
  let rest = normalizeTermText(text);
  const terms = new Set<string>();
  for (const { phrase, skillId } of aliasIndex.entries) {
    let from = 0;
    for (let at = rest.indexOf(phrase, from); at !== -1; at = rest.indexOf(phrase, from)) {
      if (occursAt(rest, phrase, at)) {
        terms.add(skillTerm(skillId));
        // Mask the span (same length, so later offsets stay valid) so that its words do not count again.
        rest = `${rest.slice(0, at)}${" ".repeat(phrase.length)}${rest.slice(at + phrase.length)}`;
      }
      from = at + 1;
    }
  }
  for (const { segment, isWordLike } of segmenter.segment(rest)) {
    if (!isWordLike) continue;
    if ([...segment].length < 2 || hiraganaOnly.test(segment) || numberOnly.test(segment) || stopWords.has(segment)) continue;
    terms.add(segment);
  }
  return [...terms].sort();
}

/** How many terms two sorted, unique term arrays share (a merge; no allocation). */
export function countSharedTerms(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** The terms two sorted, unique term arrays share, in order. */
export function sharedTerms(a: readonly string[], b: readonly string[]): string[] {
  const shared: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Overlap coefficient with a floor on the denominator, in [0, 1] (see the file comment). */
export function termSimilarity(a: readonly string[], b: readonly string[], minTerms: number): number {
  const shared = countSharedTerms(a, b);
  if (shared === 0) return 0;
  return shared / Math.max(minTerms, Math.min(a.length, b.length));
}
