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
  await writeAuditEntries(db, [entry]);
}

/** Appends several entries at once (nothing for an empty list). */
export async function writeAuditEntries(db: Executor, entries: readonly AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries.map((entry) => ({ ...entry, entityId: String(entry.entityId), data: entry.data ?? {} })));
}
