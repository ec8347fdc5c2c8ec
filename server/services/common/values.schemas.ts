import { z } from "zod";

/**
 * A row id of a domain table: an integer identity key, so positive and within PostgreSQL's
 * `integer` — a larger number would fail in the database as a server error instead of a validation one.
 */
export const integerId = z.number().int().positive().max(2_147_483_647);

/** A text stored in both languages (skill, role and department names, labels). */
export const bilingual = z.object({ ja: z.string(), en: z.string() });
