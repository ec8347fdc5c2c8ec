/*
 * An audit entry's data made readable, for the audit trail page and its CSV alike. Entries record a
 * change as `from`/`to` (settings, workflow states, managers) or `before`/`after`; anything else
 * they carry is shown as details. Pure.
 */

export type AuditChange = {
  /** The value before the change; undefined when the entry records none. */
  before: unknown;
  after: unknown;
  hasChange: boolean;
  /** The rest of the entry's data, by key. */
  details: [string, unknown][];
};

export function auditChange(data: Record<string, unknown>): AuditChange {
  const [beforeKey, afterKey] = "before" in data || "after" in data ? ["before", "after"] : ["from", "to"];
  const hasChange = beforeKey in data || afterKey in data;
  return {
    before: data[beforeKey],
    after: data[afterKey],
    hasChange,
    details: Object.entries(data).filter(([key, value]) => value !== undefined && (!hasChange || (key !== beforeKey && key !== afterKey))),
  };
}

/**
 * A value as one line of text: texts and numbers as they are, a record as "key: value, …", a list
 * with its items separated by " / "; nothing for an absent value.
 */
export function auditValueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.length === 0 ? "[]" : value.map((item) => (isRecord(item) ? `{${auditValueText(item)}}` : auditValueText(item))).join(" / ");
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, entry]) => entry !== undefined);
    return entries.length === 0 ? "{}" : entries.map(([key, entry]) => `${key}: ${isRecord(entry) ? `{${auditValueText(entry)}}` : auditValueText(entry)}`).join(", ");
  }
  return String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The moment in Japan, to the second: "2026-12-07 09:15:02". */
export function japanTimestamp(at: Date): string {
  return new Date(at.getTime() + 9 * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}
