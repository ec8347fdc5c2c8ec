import type { Locale } from "@/server/i18n";

export type Bilingual = { ja: string; en: string };

/** Picks the text for the page's language. */
export function pick(text: Bilingual, locale: string): string {
  return locale === "en" ? text.en : text.ja;
}

export type NameParts = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  businessName: string | null;
  romanizedName: string;
};

/** A person's name as each language shows it: 佐藤 陽菜 in Japanese, "Hina Sato" in English. */
export function displayName(
  person: Pick<NameParts, "familyName" | "givenName" | "romanizedName"> & { businessName?: string | null },
  locale: Locale | string,
): string {
  if (person.businessName) return person.businessName;
  return locale === "en" ? person.romanizedName : `${person.familyName} ${person.givenName}`;
}

/** The secondary line: the kana reading in Japanese, the Japanese name in English. */
export function secondaryName(person: NameParts, locale: Locale | string): string {
  return locale === "en" ? `${person.familyName} ${person.givenName}` : `${person.familyNameKana} ${person.givenNameKana}`;
}
