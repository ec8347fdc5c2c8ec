import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { people } from "./people";

export const importStatus = pgEnum("import_status", ["running", "dry_run", "committed", "failed"]);
export type ImportStatus = (typeof importStatus.enumValues)[number];

/** What an import changed (or, dry-run, would change), by kind. */
export type ImportCounts = { creates: number; updates: number; deactivations: number; moves: number; errors: number };

/**
 * One CSV / Excel import of departments, people, posts and skills from an HR system: who ran it,
 * which file (its SHA-256), and what it changed. `rowsDone` / `rowsTotal` are updated while it
 * runs so the page can poll a progress bar.
 */
export const imports = pgTable(
  "imports",
  {
    id: id(),
    actorId: integer()
      .notNull()
      .references(() => people.id),
    startedAt: createdAt(),
    finishedAt: timestamp({ withTimezone: true, mode: "date" }),
    /** The HR system the file came from (smarthr, freee, kaonavi, hrmos, generic). */
    sourceSystem: text().notNull(),
    fileName: text().notNull(),
    fileSha256: text().notNull(),
    status: importStatus().notNull().default("running"),
    counts: jsonb().$type<ImportCounts>().notNull().default({ creates: 0, updates: 0, deactivations: 0, moves: 0, errors: 0 }),
    rowsDone: integer().notNull().default(0),
    rowsTotal: integer().notNull().default(0),
  },
  (t) => [index().on(t.actorId), index().on(t.startedAt), index().on(t.fileSha256)],
);
export type Import = typeof imports.$inferSelect;

/** The column mapping last used for each source system, offered again on the next upload. */
export const importMappings = pgTable("import_mappings", {
  sourceSystem: text().primaryKey(),
  /** Kakezan field → the file's header. */
  mapping: jsonb().$type<Record<string, string>>().notNull(),
  updatedById: integer().references(() => people.id),
  updatedAt: updatedAt(),
});
export type ImportMapping = typeof importMappings.$inferSelect;

/** Bearer tokens for the SCIM 2.0 provisioning endpoint; only the SHA-256 of each token is kept. */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: id(),
    name: text().notNull(),
    tokenHash: text().notNull(),
    createdById: integer()
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true, mode: "date" }),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex().on(t.tokenHash), index().on(t.createdById)],
);
export type ScimToken = typeof scimTokens.$inferSelect;
