import { check, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id } from "./columns";
import { roles } from "./organisation";
import { skills } from "./skills";

/** A bilingual text item (a key experience, a qualification). */
export type BilingualText = { ja: string; en: string };

/** One level (1–4) of a role on the MHLW-style career map. */
export const roleLevels = pgTable(
  "role_levels",
  {
    id: id(),
    roleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    level: smallint().notNull(),
    standardYears: numeric({ precision: 3, scale: 1, mode: "number" }).notNull(),
    keyExperiences: jsonb().$type<BilingualText[]>().notNull().default([]),
    qualifications: jsonb().$type<BilingualText[]>().notNull().default([]),
  },
  (t) => [uniqueIndex().on(t.roleId, t.level), check("role_levels_level_range", sql`${t.level} between 1 and 4`)],
);
export type RoleLevel = typeof roleLevels.$inferSelect;

/** Skills a role level expects, with the level needed: the basis of the gap to a target role. */
export const roleLevelSkills = pgTable(
  "role_level_skills",
  {
    roleLevelId: integer()
      .notNull()
      .references(() => roleLevels.id, { onDelete: "cascade" }),
    skillId: integer()
      .notNull()
      .references(() => skills.id),
    level: smallint().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roleLevelId, t.skillId] }),
    index().on(t.skillId),
    check("role_level_skills_level_range", sql`${t.level} between 1 and 4`),
  ],
);

export const careerPathKind = pgEnum("career_path_kind", ["promotion", "specialist", "cross_functional"]);

export const careerPaths = pgTable(
  "career_paths",
  {
    id: id(),
    fromRoleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    toRoleId: integer()
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    kind: careerPathKind().notNull(),
    noteJa: text().notNull().default(""),
    noteEn: text().notNull().default(""),
  },
  (t) => [uniqueIndex().on(t.fromRoleId, t.toRoleId), index().on(t.toRoleId)],
);
export type CareerPath = typeof careerPaths.$inferSelect;
