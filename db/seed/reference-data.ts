import type { Executor } from "../client";
import {
  careerPaths,
  jobFamilies,
  levelDescriptors,
  roleLevelSkills,
  roleLevels,
  roles,
  skillAdjacency,
  skillCategories,
  skills,
} from "../schema";
import * as careerMap from "./data/career-map";
import { levelGuide } from "./data/level-guide";
import * as taxonomy from "./data/skills";

/** Looks a slug up, failing loudly: a typo in the authored data must not seed a silent gap. */
function idOf(ids: ReadonlyMap<string, number>, slug: string, what: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`Seed data refers to an unknown ${what}: ${slug}`);
  return id;
}

const bySlug = (rows: ReadonlyArray<{ id: number; slug: string }>) => new Map(rows.map((row) => [row.slug, row.id]));

/**
 * The skill taxonomy, level guide and career map, inserted in the order of the authored arrays so
 * identity ids are the same on every run. Runs inside the caller's transaction.
 */
export async function seedReferenceData(db: Executor): Promise<void> {
  const categoryRows = await db
    .insert(skillCategories)
    .values(taxonomy.skillCategories.map((c, index) => ({ slug: c.slug, nameJa: c.ja, nameEn: c.en, sortOrder: index })))
    .returning({ id: skillCategories.id, slug: skillCategories.slug });
  const categoryIds = bySlug(categoryRows);

  const skillRows = await db
    .insert(skills)
    .values(
      taxonomy.skills.map((s) => ({
        slug: s.slug,
        categoryId: idOf(categoryIds, s.category, "skill category"),
        nameJa: s.ja,
        nameEn: s.en,
        aliases: [...s.aliases],
      })),
    )
    .returning({ id: skills.id, slug: skills.slug });
  const skillIds = bySlug(skillRows);

  // The authored pairs are undirected; the table keeps each pair once, smaller id first.
  await db.insert(skillAdjacency).values(
    taxonomy.skillAdjacency.map(([a, b, weight]) => {
      const idA = idOf(skillIds, a, "skill");
      const idB = idOf(skillIds, b, "skill");
      return { skillA: Math.min(idA, idB), skillB: Math.max(idA, idB), weight };
    }),
  );

  await db.insert(levelDescriptors).values(
    levelGuide.map((g) => ({
      level: g.level,
      titleJa: g.titleJa,
      titleEn: g.titleEn,
      descriptionJa: g.descriptionJa,
      descriptionEn: g.descriptionEn,
    })),
  );

  const familyRows = await db
    .insert(jobFamilies)
    .values(careerMap.jobFamilies.map((f) => ({ slug: f.slug, nameJa: f.ja, nameEn: f.en })))
    .returning({ id: jobFamilies.id, slug: jobFamilies.slug });
  const familyIds = bySlug(familyRows);

  const roleRows = await db
    .insert(roles)
    .values(
      careerMap.roles.map((r) => ({
        slug: r.slug,
        familyId: idOf(familyIds, r.family, "job family"),
        track: r.track,
        nameJa: r.ja,
        nameEn: r.en,
        descriptionJa: r.descriptionJa,
        descriptionEn: r.descriptionEn,
      })),
    )
    .returning({ id: roles.id, slug: roles.slug });
  const roleIds = bySlug(roleRows);

  const levelsInOrder = careerMap.roles.flatMap((r) => r.levels.map((level) => ({ role: r.slug, level })));
  const levelRows = await db
    .insert(roleLevels)
    .values(
      levelsInOrder.map(({ role, level }) => ({
        roleId: idOf(roleIds, role, "role"),
        level: level.level,
        standardYears: level.standardYears,
        keyExperiences: level.keyExperiences.map(({ ja, en }) => ({ ja, en })),
        qualifications: level.qualifications.map(({ ja, en }) => ({ ja, en })),
      })),
    )
    .returning({ id: roleLevels.id, roleId: roleLevels.roleId, level: roleLevels.level });
  const levelIds = new Map(levelRows.map((row) => [`${row.roleId}:${row.level}`, row.id]));

  const levelSkillRows = levelsInOrder.flatMap(({ role, level }) => {
    const roleLevelId = idOf(levelIds, `${idOf(roleIds, role, "role")}:${level.level}`, "role level");
    return level.skills.map((s) => ({ roleLevelId, skillId: idOf(skillIds, s.skill, "skill"), level: s.level }));
  });
  if (levelSkillRows.length > 0) await db.insert(roleLevelSkills).values(levelSkillRows);

  await db.insert(careerPaths).values(
    careerMap.careerPaths.map((p) => ({
      fromRoleId: idOf(roleIds, p.from, "role"),
      toRoleId: idOf(roleIds, p.to, "role"),
      kind: p.kind,
      noteJa: p.noteJa,
      noteEn: p.noteEn,
    })),
  );
}
