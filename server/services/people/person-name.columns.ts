import { ilike, or, type SQL, sql } from "drizzle-orm";
import { people } from "@/db/schema";
import { containsPattern, hiraganaToKatakana, normalizeSearchText } from "../text/normalize";

/**
 * What a page needs to show a person's name in either language (family and given name in
 * Japanese, the romanized name in English), with their id for links. Select it as is, or nested
 * (`{ manager: personNameColumns }`) when a row names more than one person.
 */
export const personNameColumns = {
  id: people.id,
  familyName: people.familyName,
  givenName: people.givenName,
  romanizedName: people.romanizedName,
};

/**
 * People whose name, kana reading, romanised name or business name contains what was typed
 * (NFKC-normalised, hiragana matching the stored katakana); undefined for an empty query.
 */
export function personNameMatches(typed: string): SQL | undefined {
  const query = normalizeSearchText(typed);
  if (!query) return undefined;
  const pattern = containsPattern(query);
  const nameText = sql`${people.familyName} || ${people.givenName} || ' ' || ${people.familyName} || ' ' || ${people.givenName}`;
  const kanaText = sql`${people.familyNameKana} || ${people.givenNameKana}`;
  return or(
    ilike(nameText, pattern),
    ilike(kanaText, containsPattern(hiraganaToKatakana(query).replace(/\s/g, ""))),
    ilike(people.romanizedName, pattern),
    ilike(sql`coalesce(${people.businessName}, '')`, pattern),
  );
}
