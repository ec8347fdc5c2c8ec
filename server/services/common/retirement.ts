import type { Executor } from "@/db/client";
import { writeAudit } from "../audit/audit.service";

/** What retiring or restoring one row needs: lock it, write its new `retiredAt`, and how to audit it. */
export type Retirement = {
  actorId: number;
  retired: boolean;
  entityType: string;
  entityId: number;
  /** The audit actions, e.g. "taxonomy.skill_retire" and "taxonomy.skill_restore". */
  actions: { retire: string; restore: string };
  lock: (tx: Executor) => Promise<{ retiredAt: Date | null }>;
  write: (tx: Executor, retiredAt: Date | null) => Promise<unknown>;
};

/**
 * Retires a row (a skill, a role, a job family) or brings it back, in one transaction with its
 * audit row. Asking for the state it is already in changes nothing and writes no audit row.
 */
export async function setRetired(db: Executor, retirement: Retirement, now = new Date()): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    const before = await retirement.lock(tx);
    if ((before.retiredAt !== null) === retirement.retired) return;
    const retiredAt = retirement.retired ? now : null;
    await retirement.write(tx, retiredAt);
    await writeAudit(tx, {
      actorId: retirement.actorId,
      action: retirement.retired ? retirement.actions.retire : retirement.actions.restore,
      entityType: retirement.entityType,
      entityId: retirement.entityId,
      data: { before: { retiredAt: before.retiredAt }, after: { retiredAt } },
    });
  });
  return { ok: true };
}
