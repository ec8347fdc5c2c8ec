import { type AnyPgColumn, boolean, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { createdAt, id, updatedAt } from "./columns";
import { departments, roles } from "./organisation";
import { users } from "./auth";

/**
 * A person in the company. Names are kept as the Japanese HR systems export them (family/given,
 * kana readings, an optional business name) plus a romanised form for the English UI.
 */
export const people = pgTable(
  "people",
  {
    id: id(),
    /** A string: the key other HR systems join on (may have leading zeros). */
    employeeNumber: text().notNull(),
    familyName: text().notNull(),
    givenName: text().notNull(),
    familyNameKana: text().notNull(),
    givenNameKana: text().notNull(),
    businessName: text(),
    romanizedName: text().notNull(),
    email: text().notNull(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    roleId: integer()
      .notNull()
      .references(() => roles.id),
    level: smallint().notNull(),
    managerId: integer().references((): AnyPgColumn => people.id),
    hiredOn: date({ mode: "string" }).notNull(),
    roleSince: date({ mode: "string" }).notNull(),
    levelSince: date({ mode: "string" }).notNull(),
    isHr: boolean().notNull().default(false),
    isAdmin: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    /** The day the person left the company (set when deactivated as a leaver; retention reports read it). */
    leftOn: date({ mode: "string" }),
    /** The person's specialties, e.g. "CS × QA × コミュニティ". */
    tagline: text().notNull().default(""),
    /** Off: only the person, their manager and HR see their skills (the directory hides them). */
    showSkillsInDirectory: boolean().notNull().default(true),
    /** 社内FA: hiring managers may invite this person (separate from the Will's openness to move). */
    openToScouting: boolean().notNull().default(false),
    /** When the person last confirmed their skill profile is current (the staleness nudge). */
    profileReviewedAt: timestamp({ withTimezone: true, mode: "date" }),
    /** The sign-in identity (next-auth user) linked to this person, set on first sign-in. */
    userId: text().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex().on(t.employeeNumber),
    uniqueIndex("people_email_lower_idx").on(sql`lower(${t.email})`),
    uniqueIndex().on(t.userId),
    index().on(t.departmentId),
    index().on(t.roleId),
    index().on(t.managerId),
    check("people_level_range", sql`${t.level} between 1 and 4`),
    check("people_not_own_manager", sql`${t.managerId} is null or ${t.managerId} <> ${t.id}`),
  ],
);
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;

/**
 * A concurrent post (兼務): the person also works in another department, in a role, for a share
 * of their time. The primary post is never a row here — it stays in `people.department_id` and
 * `people.role_id`, so every person has exactly one primary post and approval routing (which
 * follows `people.manager_id`) is untouched. Ending a post sets `end_on`; rows are kept as history.
 */
export const memberships = pgTable(
  "memberships",
  {
    id: id(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    roleId: integer()
      .notNull()
      .references(() => roles.id),
    timePercent: smallint().notNull(),
    startOn: date({ mode: "string" }).notNull(),
    /** The last day of the post (null: open-ended). */
    endOn: date({ mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.personId),
    index().on(t.departmentId),
    index().on(t.roleId),
    // One open concurrent post per person and department; a new one starts after the last ends.
    uniqueIndex("memberships_one_open_idx").on(t.personId, t.departmentId).where(sql`${t.endOn} is null`),
    check("memberships_time_percent", sql`${t.timePercent} between 1 and 100`),
    check("memberships_dates", sql`${t.endOn} is null or ${t.endOn} >= ${t.startOn}`),
  ],
);
export type Membership = typeof memberships.$inferSelect;
export type NewMembership = typeof memberships.$inferInsert;
