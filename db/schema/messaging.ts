import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { people } from "./people";

/**
 * Events written in the same transaction as the change that caused them; a worker delivers them
 * (notifications, e-mail, match refresh) at least once, deduplicated by event id.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: uuid().notNull().defaultRandom(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    availableAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    processedAt: timestamp({ withTimezone: true, mode: "date" }),
    lastError: text(),
  },
  (t) => [uniqueIndex().on(t.eventId), index("outbox_pending_idx").on(t.availableAt, t.id).where(sql`${t.processedAt} is null`)],
);
export type OutboxEvent = typeof outbox.$inferSelect;

/** In-app notifications; `kind` + `params` are rendered in the reader's language. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    eventId: uuid().notNull(),
    kind: text().notNull(),
    params: jsonb().$type<Record<string, string | number>>().notNull(),
    link: text(),
    readAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.eventId, t.personId, t.kind), index().on(t.personId, t.readAt)],
);
export type Notification = typeof notifications.$inferSelect;
