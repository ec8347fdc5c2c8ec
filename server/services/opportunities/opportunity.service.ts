import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { departments, opportunities, opportunitySkills, roles, skills } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageOpportunity, canPostOpportunityFor } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { declineRemainingApplications } from "../applications/application.service";
import { writeAudit } from "../audit/audit.service";
import { enqueue } from "../outbox/outbox";
import { getSettings } from "../settings/settings.service";
import { normalizeSearchText } from "../text/normalize";
import { type CreateOpportunityInput, createOpportunityInput, type UpdateOpportunityInput, updateOpportunityInput } from "./opportunity.schemas";

type Fields = ReturnType<typeof createOpportunityInput.parse>;

/** The reason each remaining applicant reads when a posting ends (stored text, in both languages). */
const CLOSED_REASONS = {
  filled: "募集枠が埋まったため、今回は見送りとなりました。 / The posting has been filled, so your application did not go ahead this time.",
  closed: "募集が終了したため、今回は見送りとなりました。 / The posting was closed, so your application did not go ahead this time.",
};

/**
 * A role or department that does not exist is bad input, not a database error. A retired role or
 * skill is not offered for new postings; a posting that already names one may keep it.
 */
async function assertReferencesExist(db: Executor, fields: Fields, current?: { id: number; roleId: number | null }) {
  const [department] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, fields.departmentId));
  if (!department) throw new AppError("BAD_REQUEST", "unknownDepartment");
  if (fields.roleId !== null) {
    const [role] = await db.select({ id: roles.id, retiredAt: roles.retiredAt }).from(roles).where(eq(roles.id, fields.roleId));
    if (!role) throw new AppError("BAD_REQUEST", "unknownRole");
    if (role.retiredAt && current?.roleId !== role.id) throw new AppError("BAD_REQUEST", "roleRetired");
  }
  const skillIds = fields.skills.map((skill) => skill.skillId);
  if (skillIds.length > 0) {
    const retired = await db
      .select({ id: skills.id })
      .from(skills)
      .where(and(inArray(skills.id, skillIds), isNotNull(skills.retiredAt)));
    const kept = current && retired.length > 0 ? await db.select({ skillId: opportunitySkills.skillId }).from(opportunitySkills).where(eq(opportunitySkills.opportunityId, current.id)) : [];
    if (retired.some((skill) => !kept.some((row) => row.skillId === skill.id))) throw new AppError("BAD_REQUEST", "skillRetired");
  }
}

/** What search matches: title, description and skill names, NFKC-normalised and lower-cased. */
async function searchTextFor(db: Executor, fields: Fields): Promise<string> {
  const ids = fields.skills.map((skill) => skill.skillId);
  const names = ids.length ? await db.select({ ja: skills.nameJa, en: skills.nameEn }).from(skills).where(inArray(skills.id, ids)) : [];
  if (names.length !== new Set(ids).size) throw new AppError("BAD_REQUEST", "unknownSkill");
  return normalizeSearchText([fields.title, fields.description, ...names.flatMap((name) => [name.ja, name.en])].join(" ")).toLowerCase();
}

async function writeSkills(db: Executor, opportunityId: number, fields: Fields) {
  await db.delete(opportunitySkills).where(eq(opportunitySkills.opportunityId, opportunityId));
  const unique = new Map(fields.skills.map((skill) => [`${skill.skillId}:${skill.kind}`, skill]));
  if (unique.size > 0) await db.insert(opportunitySkills).values([...unique.values()].map((skill) => ({ opportunityId, ...skill })));
}

const columnsOf = (fields: Fields) => ({
  kind: fields.kind,
  title: fields.title,
  description: fields.description,
  departmentId: fields.departmentId,
  roleId: fields.roleId,
  // Only tries that share one's time carry a percentage; a transfer is the whole job.
  timePercent: fields.kind === "transfer" ? 100 : fields.timePercent,
  startOn: fields.startOn,
  endOn: fields.endOn,
  slots: fields.slots,
  location: fields.location,
  workplace: fields.workplace,
});

/** A draft posting for the actor's team (HR: any department); the actor is its hiring manager. */
export async function createOpportunity(db: Database, actor: Actor, rawInput: CreateOpportunityInput): Promise<{ id: number }> {
  const fields = createOpportunityInput.parse(rawInput);
  if (!canPostOpportunityFor(actor, fields.departmentId)) throw new AppError("FORBIDDEN", "cannotPostForDepartment");
  return db.transaction(async (tx) => {
    await assertReferencesExist(tx, fields);
    const searchText = await searchTextFor(tx, fields);
    const [row] = await tx
      .insert(opportunities)
      .values({ ...columnsOf(fields), searchText, ownerId: actor.personId, createdById: actor.personId })
      .returning({ id: opportunities.id });
    await writeSkills(tx, row!.id, fields);
    await writeAudit(tx, { actorId: actor.personId, action: "opportunity.create", entityType: "opportunity", entityId: row!.id });
    return { id: row!.id };
  });
}

async function lockManaged(tx: Executor, actor: Actor, opportunityId: number) {
  const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, opportunityId)).for("update");
  if (!row || !canManageOpportunity(actor, row)) throw new AppError("NOT_FOUND");
  return row;
}

/** Edits a draft or open posting (its owner or HR), with a version check against lost updates. */
export async function updateOpportunity(db: Database, actor: Actor, rawInput: UpdateOpportunityInput): Promise<void> {
  const { opportunityId, expectedVersion, ...rest } = updateOpportunityInput.parse(rawInput);
  const fields = createOpportunityInput.parse(rest);
  await db.transaction(async (tx) => {
    const current = await lockManaged(tx, actor, opportunityId);
    if (current.version !== expectedVersion) throw new AppError("CONFLICT", "changedElsewhere");
    if (current.status === "closed" || current.status === "filled") throw new AppError("CONFLICT", "opportunityClosed");
    if (fields.departmentId !== current.departmentId && !canPostOpportunityFor(actor, fields.departmentId)) {
      throw new AppError("FORBIDDEN", "cannotPostForDepartment");
    }
    await assertReferencesExist(tx, fields, current);
    const searchText = await searchTextFor(tx, fields);
    await tx
      .update(opportunities)
      .set({ ...columnsOf(fields), searchText, version: current.version + 1 })
      .where(eq(opportunities.id, opportunityId));
    await writeSkills(tx, opportunityId, fields);
    await writeAudit(tx, { actorId: actor.personId, action: "opportunity.update", entityType: "opportunity", entityId: opportunityId });
    await enqueue(tx, "opportunity.changed", { opportunityId });
  });
}

/**
 * Moves a posting through draft → open → closed / filled. Opening starts the minimum open period;
 * filling before it ends is refused, so postings are not decided before anyone could apply.
 */
export async function setOpportunityStatus(
  db: Database,
  actor: Actor,
  input: { opportunityId: number; status: "open" | "closed" | "filled" },
  now = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await lockManaged(tx, actor, input.opportunityId);
    const allowed: Record<string, string[]> = { draft: ["open", "closed"], open: ["closed", "filled"], closed: ["open"], filled: [] };
    if (current.status === input.status) return;
    if (!allowed[current.status]!.includes(input.status)) throw new AppError("CONFLICT", "opportunityWrongState");
    const changes: Partial<typeof opportunities.$inferInsert> = { status: input.status, version: current.version + 1 };
    if (input.status === "open") {
      const { minimumOpenDays } = await getSettings(tx);
      changes.openedAt = current.openedAt ?? now;
      changes.fillableFrom = current.fillableFrom ?? new Date(now.getTime() + minimumOpenDays * 86_400_000);
      changes.closedAt = null;
    } else {
      if (input.status === "filled" && current.fillableFrom && now < current.fillableFrom) throw new AppError("CONFLICT", "minimumOpenPeriod");
      changes.closedAt = now;
      await declineRemainingApplications(tx, {
        opportunityId: current.id,
        actorId: actor.personId,
        reason: input.status === "filled" ? CLOSED_REASONS.filled : CLOSED_REASONS.closed,
        now,
      });
    }
    await tx.update(opportunities).set(changes).where(and(eq(opportunities.id, current.id)));
    await writeAudit(tx, {
      actorId: actor.personId,
      action: `opportunity.${input.status}`,
      entityType: "opportunity",
      entityId: current.id,
      data: { from: current.status },
    });
    await enqueue(tx, "opportunity.changed", { opportunityId: current.id });
  });
}
