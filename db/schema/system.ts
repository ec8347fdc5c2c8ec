import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./columns";
import { people } from "./people";

/** Company-wide settings (workflow deadlines, confidentiality policy, thresholds), validated in server/services/settings. */
export const settings = pgTable(
  "settings",
  {
    key: text().primaryKey(),
    value: jsonb().notNull(),
    updatedById: integer().references(() => people.id),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.updatedById)],
);

/** Append-only: who did what to which entity, written in the same transaction as the change. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: createdAt(),
    actorId: integer().references(() => people.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.entityType, t.entityId), index().on(t.actorId), index().on(t.at)],
);
export type AuditEntry = typeof auditLog.$inferSelect;

/**
 * Which of the tables the HR reports read each transaction changed: one row per (transaction,
 * table), written by statement triggers in the writing transaction. The report cache compares it
 * with the snapshot its facts were read in, so a cached figure is never older than the last commit
 * (server/services/reports/report.cache.ts). Rows older than a day are pruned by the schedule.
 */
export const reportChanges = pgTable(
  "report_changes",
  {
    /** The writing transaction's id (xid8, which never wraps around). */
    xid: bigint({ mode: "number" }).notNull(),
    /** The table it changed. */
    source: text().notNull(),
    at: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.xid, t.source] }), index().on(t.at)],
);
