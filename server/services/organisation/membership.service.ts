import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { memberships, people } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { requireDepartment, requireOpenRole } from "./organisation.lookups";
import { requireOrganisationAdmin } from "./organisation.guard";
import { type AddMembershipInput, addMembershipInput, type EndMembershipInput, endMembershipInput } from "./organisation.schemas";

/*
 * Concurrent posts (兼務). The primary post stays in `people` (department, role, manager), so
 * approval routing and the reports' headcount never see these rows; teams and the directory do.
 */

/** Shares of time above this across open concurrent posts leave nothing for the primary post. */
const MAX_CONCURRENT_PERCENT = 99;

/** Adds a concurrent post (admin): another department than the primary one, one open post per department. */
export async function addMembership(db: Executor, actor: Actor, rawInput: AddMembershipInput): Promise<{ id: number }> {
  requireOrganisationAdmin(actor);
  const input = addMembershipInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    const [person] = await tx.select({ departmentId: people.departmentId, active: people.active }).from(people).where(eq(people.id, input.personId)).for("update");
    if (!person) throw new AppError("NOT_FOUND");
    if (!person.active) throw new AppError("BAD_REQUEST", "personNotActive");
    await requireDepartment(tx, input.departmentId);
    await requireOpenRole(tx, input.roleId);
    if (person.departmentId === input.departmentId) throw new AppError("BAD_REQUEST", "membershipInPrimaryDepartment");
    const open = await tx
      .select({ departmentId: memberships.departmentId, timePercent: memberships.timePercent })
      .from(memberships)
      .where(and(eq(memberships.personId, input.personId), isNull(memberships.endOn)));
    if (open.some((membership) => membership.departmentId === input.departmentId)) throw new AppError("CONFLICT", "membershipExists");
    const committed = open.reduce((sum, membership) => sum + membership.timePercent, 0);
    if (committed + input.timePercent > MAX_CONCURRENT_PERCENT) throw new AppError("BAD_REQUEST", "membershipOverCommitted", { available: Math.max(0, MAX_CONCURRENT_PERCENT - committed) });
    const [created] = await tx.insert(memberships).values(input).returning({ id: memberships.id });
    await writeAudit(tx, { actorId: actor.personId, action: "membership.add", entityType: "membership", entityId: created!.id, data: { before: null, after: input } });
    return { id: created!.id };
  });
}

/** Ends a concurrent post on a day (admin); the row stays as history. */
export async function endMembership(db: Executor, actor: Actor, rawInput: EndMembershipInput): Promise<{ id: number }> {
  requireOrganisationAdmin(actor);
  const input = endMembershipInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    const [membership] = await tx
      .select({ personId: memberships.personId, startOn: memberships.startOn, endOn: memberships.endOn })
      .from(memberships)
      .where(eq(memberships.id, input.membershipId))
      .for("update");
    if (!membership) throw new AppError("NOT_FOUND");
    if (input.endOn < membership.startOn) throw new AppError("BAD_REQUEST", "endBeforeStart");
    if (membership.endOn === input.endOn) return { id: input.membershipId };
    await tx.update(memberships).set({ endOn: sql`${input.endOn}::date` }).where(eq(memberships.id, input.membershipId));
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "membership.end",
      entityType: "membership",
      entityId: input.membershipId,
      data: { personId: membership.personId, before: { endOn: membership.endOn }, after: { endOn: input.endOn } },
    });
    return { id: input.membershipId };
  });
}
