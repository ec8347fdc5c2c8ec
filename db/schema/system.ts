import { bigint, index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
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
