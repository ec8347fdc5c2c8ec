import { type AnyPgColumn, index, integer, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

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
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.code), index().on(t.parentId)],
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
  },
  (t) => [uniqueIndex().on(t.slug), index().on(t.familyId)],
);
export type Role = typeof roles.$inferSelect;
