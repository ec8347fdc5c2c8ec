import { and, eq } from "drizzle-orm";
import { people, roleLevels } from "@/db/schema";

/**
 * A person's level, since when they hold it, and the standard years their role sets for it (null
 * when it sets none). Select with `.leftJoin(roleLevels, personRoleLevel)`.
 */
export const timeAtLevelColumns = {
  level: people.level,
  levelSince: people.levelSince,
  standardYears: roleLevels.standardYears,
};

/** The role level a person stands at: their role, at their level. */
export const personRoleLevel = and(eq(roleLevels.roleId, people.roleId), eq(roleLevels.level, people.level));
