import { type AnyPgColumn, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { people } from "./people";

/** Departments form a tree; `code` is the stable key other HR systems join on. */
export const departments = pgTable(
  "departments",
  {
    id: id(),
    code: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    parentId: integer().references((): AnyPgColumn => departments.id),
    location: text(),
    /** The person who heads the department (部門長); not necessarily a member's manager. */
    headId: integer().references((): AnyPgColumn => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.code), index().on(t.parentId), index().on(t.headId)],
);
export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;

export const jobFamilies = pgTable(
  "job_families",
  {
    id: id(),
    slug: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    /** Retired families keep their roles' history but take no new roles. */
    retiredAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex().on(t.slug)],
);
export type JobFamily = typeof jobFamilies.$inferSelect;

export const roleTrack = pgEnum("role_track", ["management", "specialist", "cross_functional"]);
export type RoleTrack = (typeof roleTrack.enumValues)[number];

export const roles = pgTable(
  "roles",
  {
    id: id(),
    slug: text().notNull(),
    familyId: integer()
      .notNull()
      .references(() => jobFamilies.id),
    track: roleTrack().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    descriptionJa: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    /** Retired roles stay on the people and moves that name them but are not offered for new posts. */
    retiredAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex().on(t.slug), index().on(t.familyId)],
);
export type Role = typeof roles.$inferSelect;
