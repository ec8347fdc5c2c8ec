import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { departments } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { wouldCreateCycle } from "./department-tree";
import { requireActivePerson, requireDepartment } from "./organisation.lookups";
import { requireOrganisationAdmin } from "./organisation.guard";
import { type CreateDepartmentInput, createDepartmentInput, type UpdateDepartmentInput, updateDepartmentInput } from "./organisation.schemas";

/*
 * The department tree editor. Moving a department moves its whole subtree; nobody's post changes,
 * so no move is recorded — the reports place people by their department in the tree as it is.
 */

/** A new department under a parent, or at the top (admin). Codes are unique: other HR systems join on them. */
export async function createDepartment(db: Executor, actor: Actor, rawInput: CreateDepartmentInput): Promise<{ id: number }> {
  requireOrganisationAdmin(actor);
  const input = createDepartmentInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    const [taken] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, input.code));
    if (taken) throw new AppError("CONFLICT", "departmentCodeTaken");
    if (input.parentId !== null) await requireDepartment(tx, input.parentId);
    const [created] = await tx.insert(departments).values(input).returning({ id: departments.id });
    await writeAudit(tx, { actorId: actor.personId, action: "department.create", entityType: "department", entityId: created!.id, data: { before: null, after: input } });
    return { id: created!.id };
  });
}

/**
 * Renames a department, moves it under another parent, or names its head (admin). A parent inside
 * the department's own subtree is refused: the tree would become a loop.
 */
export async function updateDepartment(db: Executor, actor: Actor, rawInput: UpdateDepartmentInput): Promise<{ id: number }> {
  requireOrganisationAdmin(actor);
  const { departmentId, ...input } = updateDepartmentInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    // The whole tree under one lock: two concurrent moves could otherwise each pass the check and close a loop together.
    const tree = await tx.select({ id: departments.id, parentId: departments.parentId, nameJa: departments.nameJa, nameEn: departments.nameEn, headId: departments.headId }).from(departments).for("update");
    const before = tree.find((department) => department.id === departmentId);
    if (!before) throw new AppError("NOT_FOUND");
    if (input.parentId !== null && !tree.some((department) => department.id === input.parentId)) throw new AppError("BAD_REQUEST", "unknownDepartment");
    const links = new Map(tree.map((department) => [department.id, department.parentId]));
    if (wouldCreateCycle(links, departmentId, input.parentId)) throw new AppError("BAD_REQUEST", "departmentCycle");
    if (input.headId !== null && input.headId !== before.headId) await requireActivePerson(tx, input.headId, "headNotActive");
    const keys = (Object.keys(input) as (keyof typeof input)[]).filter((key) => input[key] !== before[key]);
    if (keys.length === 0) return { id: departmentId };
    const after = Object.fromEntries(keys.map((key) => [key, input[key]]));
    await tx.update(departments).set(after).where(eq(departments.id, departmentId));
    await writeAudit(tx, {
      actorId: actor.personId,
      action: "department.update",
      entityType: "department",
      entityId: departmentId,
      data: { before: Object.fromEntries(keys.map((key) => [key, before[key]])), after },
    });
    return { id: departmentId };
  });
}

