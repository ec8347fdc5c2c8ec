import { boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { opportunities } from "./mobility";
import { people } from "./people";

/**
 * Precomputed candidates: the top K people per open opportunity with the full explanation, the
 * policy version that produced it, and when. Refreshed from outbox events; rebuilt on demand.
 */
export const matchScores = pgTable(
  "match_scores",
  {
    opportunityId: integer()
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    rank: smallint().notNull(),
    score: real().notNull(),
    eligible: boolean().notNull(),
    explanation: jsonb().$type<Record<string, unknown>>().notNull(),
    policyVersion: text().notNull(),
    computedAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.personId] }), index().on(t.opportunityId, t.rank), index().on(t.personId)],
);

/** "Not interested": a person hides an opportunity from their recommendations, remembered. */
export const notInterested = pgTable(
  "not_interested",
  {
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    opportunityId: integer()
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.opportunityId] }), index().on(t.opportunityId)],
);

export const scoutStatus = pgEnum("scout_status", ["pending", "accepted", "declined"]);

/** 社内FA: a hiring manager invites a suggested candidate who opted in to be scouted; the person decides. */
export const scoutInvites = pgTable(
  "scout_invites",
  {
    id: id(),
    opportunityId: integer()
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    fromId: integer()
      .notNull()
      .references(() => people.id),
    message: text().notNull(),
    status: scoutStatus().notNull().default("pending"),
    /** On acceptance: "casual_interview" or "application". */
    response: text(),
    createdAt: createdAt(),
    respondedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex().on(t.opportunityId, t.personId), index().on(t.personId, t.status), index().on(t.fromId)],
);
