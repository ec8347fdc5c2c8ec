import { boolean, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { id, updatedAt } from "./columns";
import { roles } from "./organisation";
import { people } from "./people";
import { skills } from "./skills";

export const willHorizon = pgEnum("will_horizon", ["now", "one_year", "three_years"]);
export type WillHorizon = (typeof willHorizon.enumValues)[number];

export const willOpenness = pgEnum("will_openness", ["now", "within_year", "not_now"]);
export type WillOpenness = (typeof willOpenness.enumValues)[number];

/**
 * A person's current Will: what they want to do next, and why. Private by default; each audience
 * flag widens who may read it (server/auth/policies.ts decides, queries enforce).
 */
export const wills = pgTable("wills", {
  personId: integer()
    .primaryKey()
    .references(() => people.id, { onDelete: "cascade" }),
  statement: text().notNull().default(""),
  horizon: willHorizon().notNull().default("one_year"),
  openness: willOpenness().notNull().default("not_now"),
  shareWithManager: boolean().notNull().default(false),
  shareWithHr: boolean().notNull().default(false),
  /** The matching engine may use it, and hiring managers may read it when the person is a candidate. */
  shareWithMatching: boolean().notNull().default(false),
  version: integer().notNull().default(0),
  updatedAt: updatedAt(),
});
export type Will = typeof wills.$inferSelect;

export const willTargetRoles = pgTable(
  "will_target_roles",
  {
    personId: integer()
      .notNull()
      .references(() => wills.personId, { onDelete: "cascade" }),
    roleId: integer()
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.roleId] }), index().on(t.roleId)],
);

export const willDesiredSkills = pgTable(
  "will_desired_skills",
  {
    personId: integer()
      .notNull()
      .references(() => wills.personId, { onDelete: "cascade" }),
    skillId: integer()
      .notNull()
      .references(() => skills.id),
  },
  (t) => [primaryKey({ columns: [t.personId, t.skillId] }), index().on(t.skillId)],
);

/** Every save of a Will, readable by its owner only. */
export const willVersions = pgTable(
  "will_versions",
  {
    id: id(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    version: integer().notNull(),
    statement: text().notNull(),
    horizon: willHorizon().notNull(),
    openness: willOpenness().notNull(),
    shareWithManager: boolean().notNull(),
    shareWithHr: boolean().notNull(),
    shareWithMatching: boolean().notNull(),
    targetRoleIds: integer().array().notNull(),
    desiredSkillIds: integer().array().notNull(),
    savedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  // Reports count Wills saved in a period.
  (t) => [uniqueIndex().on(t.personId, t.version), index().on(t.savedAt)],
);
export type WillVersion = typeof willVersions.$inferSelect;
