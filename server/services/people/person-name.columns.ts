import { people } from "@/db/schema";

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
