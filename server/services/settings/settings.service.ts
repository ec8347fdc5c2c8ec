import { inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { settings } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageSettings } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { businessDeadline } from "../workflow/business-days";
import { defaultSettings, type SettingKey, type Settings, settingsSchema, type UpdateSettingsInput } from "./settings.schemas";

/** The company's settings: stored values over the defaults; a stored value that no longer validates yields its default. */
export async function getSettings(db: Executor): Promise<Settings> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const result: Record<string, unknown> = { ...defaultSettings };
  for (const key of Object.keys(defaultSettings) as SettingKey[]) {
    const parsed = settingsSchema.shape[key].safeParse(stored.get(key));
    if (parsed.success) result[key] = parsed.data;
  }
  return result as Settings;
}

/** The end of a release step opened at `from`: the settings' business days, skipping public and company holidays. */
export async function releaseDeadline(db: Executor, from: Date): Promise<Date> {
  const { releaseDeadlineBusinessDays, companyHolidays } = await getSettings(db);
  return businessDeadline(from, releaseDeadlineBusinessDays, companyHolidays);
}

/** The same value for the audit's purpose: lists and records compared by content, a record's keys in any order. */
function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Changes settings (HR only). Each key whose value changes is audited on its own row — who, when,
 * and the value before and after; a key sent with its current value writes nothing.
 */
export async function updateSettings(db: Database, actor: Actor, input: UpdateSettingsInput): Promise<Settings> {
  if (!canManageSettings(actor)) throw new AppError("FORBIDDEN");
  return db.transaction(async (tx) => {
    const keys = Object.keys(input) as SettingKey[];
    if (keys.length > 0) await tx.select({ key: settings.key }).from(settings).where(inArray(settings.key, keys)).for("update");
    const before = await getSettings(tx);
    for (const key of keys) {
      const value = input[key];
      if (value === undefined || sameValue(value, before[key])) continue;
      await tx
        .insert(settings)
        .values({ key, value, updatedById: actor.personId })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedById: actor.personId, updatedAt: new Date() } });
      await writeAudit(tx, {
        actorId: actor.personId,
        action: "settings.update",
        entityType: "setting",
        entityId: key,
        data: { from: before[key], to: value },
      });
    }
    return getSettings(tx);
  });
}
