import { and, asc, count, eq, inArray, isNotNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import {
  opportunities,
  opportunitySkills,
  personSkills,
  roleLevelSkills,
  skillAdjacency,
  skillCategories,
  skills,
  willDesiredSkills,
  willVersions,
} from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canEditTaxonomy } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { setRetired } from "../common/retirement";
import { enqueue } from "../outbox/outbox";
import { EVIDENCE_MAX } from "../profile/profile.schemas";
import { normalizeSearchText } from "../text/normalize";
import { mergeAdjacency, mergeAliases, mergeHeldSkills, mergePostingSkills, nameKey, replaceSkillId } from "./skill-merge.plan";
import { freeSlug } from "./slug";
import {
  type MergeSkillsInput,
  type MergeSkillsResult,
  mergeSkillsInput,
  type RemoveAdjacencyInput,
  removeAdjacencyInput,
  type RetireSkillInput,
  retireSkillInput,
  type SaveCategoryInput,
  type SaveSkillInput,
  saveCategoryInput,
  saveSkillInput,
  SKILL_ALIASES_MAX,
  type SetAdjacencyInput,
  setAdjacencyInput,
  type TaxonomyOverview,
} from "./taxonomy.schemas";

/*
 * The administrator's edits of the skill taxonomy. Every change is checked against the policy,
 * runs in one transaction and writes its audit row (before and after) in it. A merge rewrites
 * other people's profiles, Wills and postings, so it runs in system scope: whoever asks, every
 * holder must follow, not only the rows the administrator may read.
 */

function assertMayEdit(actor: Actor) {
  if (!canEditTaxonomy(actor)) throw new AppError("FORBIDDEN");
}

/** The skill as the audit log records it. */
const skillSnapshot = (row: typeof skills.$inferSelect) => ({
  slug: row.slug,
  categoryId: row.categoryId,
  nameJa: row.nameJa,
  nameEn: row.nameEn,
  aliases: row.aliases,
  descriptionJa: row.descriptionJa,
  descriptionEn: row.descriptionEn,
  retiredAt: row.retiredAt,
});

/** The whole taxonomy with how many people hold each skill, for the administration page. */
export async function getTaxonomy(db: Executor, actor: Actor): Promise<TaxonomyOverview> {
  assertMayEdit(actor);
  const [categoryRows, skillRows, holderRows, pairs] = await Promise.all([
    db.select().from(skillCategories).orderBy(asc(skillCategories.sortOrder), asc(skillCategories.id)),
    db.select().from(skills).orderBy(asc(skills.id)),
    db.select({ skillId: personSkills.skillId, holders: count() }).from(personSkills).groupBy(personSkills.skillId),
    db.select().from(skillAdjacency).orderBy(asc(skillAdjacency.skillA), asc(skillAdjacency.skillB)),
  ]);
  const holders = new Map(holderRows.map((row) => [row.skillId, Number(row.holders)]));
  return {
    categories: categoryRows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: { ja: row.nameJa, en: row.nameEn },
      sortOrder: row.sortOrder,
      skillCount: skillRows.filter((skill) => skill.categoryId === row.id).length,
    })),
    skills: skillRows.map((row) => ({
      id: row.id,
      slug: row.slug,
      categoryId: row.categoryId,
      name: { ja: row.nameJa, en: row.nameEn },
      description: { ja: row.descriptionJa, en: row.descriptionEn },
      aliases: row.aliases,
      retired: row.retiredAt !== null,
      holders: holders.get(row.id) ?? 0,
    })),
    adjacency: pairs.map((pair) => ({ skillA: pair.skillA, skillB: pair.skillB, weight: pair.weight })),
  };
}

async function lockSkill(tx: Executor, skillId: number) {
  const [row] = await tx.select().from(skills).where(eq(skills.id, skillId)).for("update");
  if (!row) throw new AppError("NOT_FOUND", "unknownSkill");
  return row;
}

/** Refuses a name another skill already has (in either language, as search compares names). */
async function assertNamesFree(tx: Executor, names: string[], exceptId: number | null) {
  const keys = names.map(nameKey);
  const others = await tx
    .select({ nameJa: skills.nameJa, nameEn: skills.nameEn })
    .from(skills)
    .where(exceptId === null ? undefined : ne(skills.id, exceptId));
  if (others.some((other) => keys.includes(nameKey(other.nameJa)) || keys.includes(nameKey(other.nameEn)))) {
    throw new AppError("CONFLICT", "skillNameTaken");
  }
}

/** Creates a skill or edits one: names, category, aliases and description. */
export async function saveSkill(db: Executor, actor: Actor, rawInput: SaveSkillInput): Promise<{ id: number }> {
  assertMayEdit(actor);
  const { skillId, ...fields } = saveSkillInput.parse(rawInput);
  const aliasKeys = new Set([nameKey(fields.nameJa), nameKey(fields.nameEn)]);
  const aliases = fields.aliases.filter((alias) => {
    const key = nameKey(alias);
    if (aliasKeys.has(key)) return false;
    aliasKeys.add(key);
    return true;
  });
  return db.transaction(async (tx) => {
    const [category] = await tx.select({ id: skillCategories.id }).from(skillCategories).where(eq(skillCategories.id, fields.categoryId));
    if (!category) throw new AppError("BAD_REQUEST", "unknownCategory");
    await assertNamesFree(tx, [fields.nameJa, fields.nameEn], skillId ?? null);
    const values = { ...fields, aliases };
    if (skillId === undefined) {
      const slug = await freeSlug(tx, skills, skills.slug, fields.nameEn, "skill");
      const [row] = await tx.insert(skills).values({ ...values, slug }).returning();
      await writeAudit(tx, { actorId: actor.personId, action: "taxonomy.skill_create", entityType: "skill", entityId: row!.id, data: { before: null, after: skillSnapshot(row!) } });
      return { id: row!.id };
    }
    const before = await lockSkill(tx, skillId);
    const [after] = await tx.update(skills).set(values).where(eq(skills.id, skillId)).returning();
    await writeAudit(tx, { actorId: actor.personId, action: "taxonomy.skill_update", entityType: "skill", entityId: skillId, data: { before: skillSnapshot(before), after: skillSnapshot(after!) } });
    return { id: skillId };
  });
}

/** Creates a category or renames and reorders one. */
export async function saveCategory(db: Executor, actor: Actor, rawInput: SaveCategoryInput): Promise<{ id: number }> {
  assertMayEdit(actor);
  const { categoryId, ...fields } = saveCategoryInput.parse(rawInput);
  return db.transaction(async (tx) => {
    const snapshot = (row: typeof skillCategories.$inferSelect) => ({ slug: row.slug, nameJa: row.nameJa, nameEn: row.nameEn, sortOrder: row.sortOrder });
    if (categoryId === undefined) {
      const slug = await freeSlug(tx, skillCategories, skillCategories.slug, fields.nameEn, "category");
      const [row] = await tx.insert(skillCategories).values({ ...fields, slug }).returning();
      await writeAudit(tx, { actorId: actor.personId, action: "taxonomy.category_create", entityType: "skill_category", entityId: row!.id, data: { before: null, after: snapshot(row!) } });
      return { id: row!.id };
    }
    const [before] = await tx.select().from(skillCategories).where(eq(skillCategories.id, categoryId)).for("update");
    if (!before) throw new AppError("NOT_FOUND", "unknownCategory");
    const [after] = await tx.update(skillCategories).set(fields).where(eq(skillCategories.id, categoryId)).returning();
    await writeAudit(tx, { actorId: actor.personId, action: "taxonomy.category_update", entityType: "skill_category", entityId: categoryId, data: { before: snapshot(before), after: snapshot(after!) } });
    return { id: categoryId };
  });
}

const orderedPair = (a: number, b: number) => ({ skillA: Math.min(a, b), skillB: Math.max(a, b) });
const pairWhere = (pair: { skillA: number; skillB: number }) => and(eq(skillAdjacency.skillA, pair.skillA), eq(skillAdjacency.skillB, pair.skillB));

/** Sets how near two skills are (stored once per pair, the smaller id first). */
export async function setAdjacency(db: Executor, actor: Actor, rawInput: SetAdjacencyInput): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const input = setAdjacencyInput.parse(rawInput);
  const pair = orderedPair(input.skillId, input.otherSkillId);
  await db.transaction(async (tx) => {
    await lockSkill(tx, pair.skillA);
    await lockSkill(tx, pair.skillB);
    const [before] = await tx.select({ weight: skillAdjacency.weight }).from(skillAdjacency).where(pairWhere(pair));
    await tx
      .insert(skillAdjacency)
      .values({ ...pair, weight: input.weight })
      .onConflictDoUpdate({ target: [skillAdjacency.skillA, skillAdjacency.skillB], set: { weight: input.weight } });
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "taxonomy.adjacency_set",
      entityType: "skill_adjacency",
      entityId: `${pair.skillA}-${pair.skillB}`,
      data: { before: before ? { ...pair, weight: before.weight } : null, after: { ...pair, weight: input.weight } },
    });
  });
  return { ok: true };
}

/** Removes the adjacency of two skills (nothing to remove is not an error: the result is the same). */
export async function removeAdjacency(db: Executor, actor: Actor, rawInput: RemoveAdjacencyInput): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const input = removeAdjacencyInput.parse(rawInput);
  const pair = orderedPair(input.skillId, input.otherSkillId);
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(skillAdjacency).where(pairWhere(pair)).returning();
    if (!before) return;
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "taxonomy.adjacency_remove",
      entityType: "skill_adjacency",
      entityId: `${pair.skillA}-${pair.skillB}`,
      data: { before: { ...pair, weight: before.weight }, after: null },
    });
  });
  return { ok: true };
}

/**
 * Retires a skill (or brings it back). A retired skill is no longer offered in search and pickers,
 * but every profile, Will, posting and role level that holds it keeps it, and shows it.
 */
export async function setSkillRetired(db: Executor, actor: Actor, rawInput: RetireSkillInput, now = new Date()): Promise<{ ok: true }> {
  assertMayEdit(actor);
  const input = retireSkillInput.parse(rawInput);
  return setRetired(
    db,
    {
      actorId: actor.personId,
      retired: input.retired,
      entityType: "skill",
      entityId: input.skillId,
      actions: { retire: "taxonomy.skill_retire", restore: "taxonomy.skill_restore" },
      lock: (tx) => lockSkill(tx, input.skillId),
      write: (tx, retiredAt) => tx.update(skills).set({ retiredAt }).where(eq(skills.id, input.skillId)),
    },
    now,
  );
}

/** Profiles: each holder of `from` now holds `into`; who held both keeps one hold (mergeHeldSkills). */
async function mergeProfiles(tx: Executor, fromId: number, intoId: number): Promise<number[]> {
  const rows = await tx
    .select()
    .from(personSkills)
    .where(inArray(personSkills.skillId, [fromId, intoId]))
    .for("update");
  const intoByPerson = new Map(rows.filter((row) => row.skillId === intoId).map((row) => [row.personId, row]));
  const holders = rows.filter((row) => row.skillId === fromId);
  for (const from of holders) {
    const into = intoByPerson.get(from.personId);
    if (!into) continue;
    const merged = mergeHeldSkills(into, from, EVIDENCE_MAX);
    await tx
      .update(personSkills)
      .set({
        level: merged.level,
        evidence: merged.evidence,
        verifiedById: merged.verifiedById,
        verifiedAt: merged.verifiedAt,
        verificationNote: merged.verificationNote,
        reviewedAt: merged.reviewedAt,
      })
      .where(and(eq(personSkills.personId, from.personId), eq(personSkills.skillId, intoId)));
  }
  await tx.delete(personSkills).where(and(eq(personSkills.skillId, fromId), inArray(personSkills.personId, [...intoByPerson.keys(), 0])));
  await tx.update(personSkills).set({ skillId: intoId }).where(eq(personSkills.skillId, fromId));
  return holders.map((row) => row.personId);
}

/**
 * Wills: a desired `from` becomes a desired `into`. Saved versions are rewritten the same way:
 * a version is what the person wanted then, and `from` no longer exists under its own id — left
 * as it was, the history would count a skill nobody can name. Wanting both is wanting the one.
 */
async function mergeWills(tx: Executor, fromId: number, intoId: number): Promise<{ personIds: number[]; versions: number }> {
  const wanting = await tx.select({ personId: willDesiredSkills.personId }).from(willDesiredSkills).where(eq(willDesiredSkills.skillId, fromId));
  const personIds = wanting.map((row) => row.personId);
  if (personIds.length > 0) {
    await tx
      .insert(willDesiredSkills)
      .values(personIds.map((personId) => ({ personId, skillId: intoId })))
      .onConflictDoNothing();
    await tx.delete(willDesiredSkills).where(eq(willDesiredSkills.skillId, fromId));
  }
  const versions = await tx
    .select({ id: willVersions.id, desiredSkillIds: willVersions.desiredSkillIds })
    .from(willVersions)
    .where(sql`${fromId} = any(${willVersions.desiredSkillIds})`);
  for (const version of versions) {
    await tx
      .update(willVersions)
      .set({ desiredSkillIds: replaceSkillId(version.desiredSkillIds, fromId, intoId) })
      .where(eq(willVersions.id, version.id));
  }
  return { personIds, versions: versions.length };
}

/** Postings: every requirement is kept on `into` (mergePostingSkills); their search text follows. */
async function mergePostings(tx: Executor, fromId: number, intoId: number): Promise<number[]> {
  const affected = await tx
    .selectDistinct({ opportunityId: opportunitySkills.opportunityId })
    .from(opportunitySkills)
    .where(eq(opportunitySkills.skillId, fromId));
  const opportunityIds = affected.map((row) => row.opportunityId);
  if (opportunityIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(opportunitySkills)
    .where(and(inArray(opportunitySkills.opportunityId, opportunityIds), inArray(opportunitySkills.skillId, [fromId, intoId])));
  await tx.delete(opportunitySkills).where(and(inArray(opportunitySkills.opportunityId, opportunityIds), inArray(opportunitySkills.skillId, [fromId, intoId])));
  const merged = opportunityIds.flatMap((opportunityId) =>
    mergePostingSkills(
      rows.filter((row) => row.opportunityId === opportunityId),
      fromId,
      intoId,
    ).map((row) => ({ opportunityId, skillId: intoId, ...row })),
  );
  if (merged.length > 0) await tx.insert(opportunitySkills).values(merged);
  // What search matches: title, description and skill names (as opportunity.service.ts writes it).
  const postings = await tx.select({ id: opportunities.id, title: opportunities.title, description: opportunities.description }).from(opportunities).where(inArray(opportunities.id, opportunityIds));
  const names = await tx
    .select({ opportunityId: opportunitySkills.opportunityId, ja: skills.nameJa, en: skills.nameEn })
    .from(opportunitySkills)
    .innerJoin(skills, eq(skills.id, opportunitySkills.skillId))
    .where(inArray(opportunitySkills.opportunityId, opportunityIds));
  for (const posting of postings) {
    const skillNames = [...new Set(names.filter((name) => name.opportunityId === posting.id).flatMap((name) => [name.ja, name.en]))];
    const searchText = normalizeSearchText([posting.title, posting.description, ...skillNames].join(" ")).toLowerCase();
    // A new version: an edit form opened before the merge must not write the old skills back.
    await tx
      .update(opportunities)
      .set({ searchText, version: sql`${opportunities.version} + 1` })
      .where(eq(opportunities.id, posting.id));
  }
  return opportunityIds;
}

/** Role levels: a level expecting both skills expects `into` at the higher of the two levels. */
async function mergeRoleLevels(tx: Executor, fromId: number, intoId: number): Promise<number> {
  const rows = await tx.select().from(roleLevelSkills).where(inArray(roleLevelSkills.skillId, [fromId, intoId]));
  const fromRows = rows.filter((row) => row.skillId === fromId);
  for (const from of fromRows) {
    const into = rows.find((row) => row.skillId === intoId && row.roleLevelId === from.roleLevelId);
    if (!into) continue;
    await tx
      .update(roleLevelSkills)
      .set({ level: Math.max(into.level, from.level) })
      .where(and(eq(roleLevelSkills.roleLevelId, from.roleLevelId), eq(roleLevelSkills.skillId, intoId)));
    await tx.delete(roleLevelSkills).where(and(eq(roleLevelSkills.roleLevelId, from.roleLevelId), eq(roleLevelSkills.skillId, fromId)));
  }
  await tx.update(roleLevelSkills).set({ skillId: intoId }).where(eq(roleLevelSkills.skillId, fromId));
  return fromRows.length;
}

async function mergeAdjacencyRows(tx: Executor, fromId: number, intoId: number) {
  const touching = or(inArray(skillAdjacency.skillA, [fromId, intoId]), inArray(skillAdjacency.skillB, [fromId, intoId]));
  const pairs = await tx.select().from(skillAdjacency).where(touching);
  await tx.delete(skillAdjacency).where(touching);
  const merged = mergeAdjacency(pairs, fromId, intoId);
  if (merged.length > 0) await tx.insert(skillAdjacency).values(merged);
}

/**
 * Merges skill `from` into skill `into` (two names for one skill): profiles, Wills, postings, role
 * levels and adjacency move to `into` by the rules in skill-merge.plan.ts, `from`'s names become
 * aliases of `into`, and `from` is deleted. One transaction, one audit row with both skills before
 * and the survivor after; the people and postings touched are handed to the candidate recompute
 * (`matches.stale`, taken by match-refresh.ts), so suggested candidates follow.
 */
export async function mergeSkills(db: Executor, actor: Actor, rawInput: MergeSkillsInput): Promise<MergeSkillsResult> {
  assertMayEdit(actor);
  const { fromSkillId: fromId, intoSkillId: intoId } = mergeSkillsInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    // Locked in id order, so two merges of the same pair cannot wait on each other.
    const [first, second] = [Math.min(fromId, intoId), Math.max(fromId, intoId)];
    const locked = [await lockSkill(tx, first), await lockSkill(tx, second)];
    const from = locked.find((row) => row.id === fromId)!;
    const into = locked.find((row) => row.id === intoId)!;

    const profiles = await mergeProfiles(tx, fromId, intoId);
    const wills = await mergeWills(tx, fromId, intoId);
    const postings = await mergePostings(tx, fromId, intoId);
    const roleLevels = await mergeRoleLevels(tx, fromId, intoId);
    await mergeAdjacencyRows(tx, fromId, intoId);

    const [after] = await tx
      .update(skills)
      .set({
        aliases: mergeAliases(into, from, SKILL_ALIASES_MAX),
        // A survivor without a description takes the merged skill's.
        descriptionJa: into.descriptionJa || from.descriptionJa,
        descriptionEn: into.descriptionEn || from.descriptionEn,
      })
      .where(eq(skills.id, intoId))
      .returning();
    await tx.delete(skills).where(eq(skills.id, fromId));

    const counts = { profiles: profiles.length, wills: wills.personIds.length, willVersions: wills.versions, postings: postings.length, roleLevels };
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "taxonomy.skill_merge",
      entityType: "skill",
      entityId: intoId,
      data: { before: { from: { id: fromId, ...skillSnapshot(from) }, into: { id: intoId, ...skillSnapshot(into) } }, after: { into: { id: intoId, ...skillSnapshot(after!) } }, counts },
    });
    const personIds = [...new Set([...profiles, ...wills.personIds])];
    if (personIds.length > 0 || postings.length > 0) await enqueue(tx, "matches.stale", { personIds, opportunityIds: postings });
    return { intoSkillId: intoId, profiles: profiles.length, wills: wills.personIds.length, postings: postings.length, roleLevels };
  });
}

/** Skill ids among `ids` that are retired: refused where a skill is newly chosen. */
export async function retiredAmong(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: skills.id })
    .from(skills)
    .where(and(inArray(skills.id, [...ids]), isNotNull(skills.retiredAt)));
  return new Set(rows.map((row) => row.id));
}
