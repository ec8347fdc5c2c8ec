import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";

export type AuditInput = {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  data?: Record<string, unknown>;
};

/** Appends to the audit log. Call it inside the transaction that makes the change, never after. */
export async function writeAudit(db: Executor, entry: AuditInput): Promise<void> {
  await db.insert(auditLog).values({ ...entry, entityId: String(entry.entityId), data: entry.data ?? {} });
}
