import { z } from "zod";

/**
 * A row id of a domain table: an integer identity key, so positive and within PostgreSQL's
 * `integer` — a larger number would fail in the database as a server error instead of a validation one.
 */
export const integerId = z.number().int().positive().max(2_147_483_647);

/** A UTF-16 surrogate without its partner: no UTF-8 form exists for it. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Text a person types (notes, titles, messages, search words). Two characters cannot be stored and
 * are refused with a message: NUL, which PostgreSQL rejects in text (the query would fail as a
 * server error), and a lone surrogate, which the driver would silently store as U+FFFD instead.
 * Every free-text input starts from this; add trimming and lengths as usual.
 */
export const freeText = z.string().refine((value) => !value.includes("\u0000") && !loneSurrogate.test(value), { message: "unstorableCharacter" });

/** A text stored in both languages (skill, role and department names, labels). */
export const bilingual = z.object({ ja: z.string(), en: z.string() });
