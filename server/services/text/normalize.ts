/**
 * Search text normalisation: NFKC folds full-width/half-width forms (ＡＢＣ→ABC, ｶﾀｶﾅ→カタカナ),
 * whitespace collapses. Applied to what people type, never to stored names.
 */
export function normalizeSearchText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** ひらがな → カタカナ, so a reading typed in hiragana finds the stored katakana フリガナ. */
export function hiraganaToKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** A LIKE pattern that finds `text` anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
