import { inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { settings } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageSettings } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
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

/** Changes settings (HR only); each changed key is audited with its old and new value. */
export async function updateSettings(db: Database, actor: Actor, input: UpdateSettingsInput): Promise<Settings> {
  if (!canManageSettings(actor)) throw new AppError("FORBIDDEN");
  return db.transaction(async (tx) => {
    const keys = Object.keys(input) as SettingKey[];
    if (keys.length > 0) await tx.select({ key: settings.key }).from(settings).where(inArray(settings.key, keys)).for("update");
    const before = await getSettings(tx);
    for (const key of keys) {
      const value = input[key];
      if (value === undefined || value === before[key]) continue;
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
