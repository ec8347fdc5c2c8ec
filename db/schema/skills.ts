import { check, index, integer, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { id, updatedAt } from "./columns";
import { people } from "./people";

export const skillCategories = pgTable(
  "skill_categories",
  {
    id: id(),
    slug: text().notNull(),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    sortOrder: integer().notNull().default(0),
  },
  (t) => [uniqueIndex().on(t.slug)],
);
export type SkillCategory = typeof skillCategories.$inferSelect;

export const skills = pgTable(
  "skills",
  {
    id: id(),
    slug: text().notNull(),
    categoryId: integer()
      .notNull()
      .references(() => skillCategories.id),
    nameJa: text().notNull(),
    nameEn: text().notNull(),
    aliases: text().array().notNull().default(sql`'{}'::text[]`),
    descriptionJa: text().notNull().default(""),
    descriptionEn: text().notNull().default(""),
    /** Retired skills stay on profiles and in history but are no longer offered for new entries. */
    retiredAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex().on(t.slug), index().on(t.categoryId)],
);
export type Skill = typeof skills.$inferSelect;

/** Undirected adjacency, stored once per pair with skillA < skillB. */
export const skillAdjacency = pgTable(
  "skill_adjacency",
  {
    skillA: integer()
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    skillB: integer()
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    weight: real().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.skillA, t.skillB] }),
    index().on(t.skillB),
    check("skill_adjacency_ordered", sql`${t.skillA} < ${t.skillB}`),
    check("skill_adjacency_weight", sql`${t.weight} > 0 and ${t.weight} <= 1`),
  ],
);

/** The MHLW level guide: what level 1–4 of a skill means, shown next to every level. */
export const levelDescriptors = pgTable(
  "level_descriptors",
  {
    level: smallint().primaryKey(),
    titleJa: text().notNull(),
    titleEn: text().notNull(),
    descriptionJa: text().notNull(),
    descriptionEn: text().notNull(),
  },
  (t) => [check("level_descriptors_level_range", sql`${t.level} between 1 and 4`)],
);
export type LevelDescriptor = typeof levelDescriptors.$inferSelect;

export const personSkills = pgTable(
  "person_skills",
  {
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    skillId: integer()
      .notNull()
      .references(() => skills.id),
    level: smallint().notNull(),
    evidence: text().notNull().default(""),
    /** Set when the manager verified this level; cleared when the level changes. */
    verifiedById: integer().references(() => people.id),
    verifiedAt: timestamp({ withTimezone: true, mode: "date" }),
    /** The manager's note when verifying or correcting the level. */
    verificationNote: text().notNull().default(""),
    reviewedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.skillId] }),
    index().on(t.skillId),
    index().on(t.verifiedById),
    check("person_skills_level_range", sql`${t.level} between 1 and 4`),
  ],
);
export type PersonSkill = typeof personSkills.$inferSelect;
