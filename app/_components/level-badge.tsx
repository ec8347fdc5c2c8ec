import { getLocale, getTranslations } from "next-intl/server";
import { type Bilingual, pick } from "@/app/_i18n/localized";

export type LevelGuideEntry = { level: number; title: Bilingual; description: Bilingual };

/** A skill level with its meaning from the MHLW level guide, readable without hovering. */
export async function LevelBadge({ level, guide }: { level: number; guide: LevelGuideEntry[] }) {
  const t = await getTranslations("profile");
  const locale = await getLocale();
  const entry = guide.find((item) => item.level === level);
  return (
    <span className="text-sm">
      <span className="rounded bg-brand-50 px-2 py-0.5 font-semibold text-brand-800">{t("level", { level })}</span>
      {entry ? (
        <span className="ml-2 text-slate-700">
          {pick(entry.title, locale)}: {pick(entry.description, locale)}
        </span>
      ) : null}
    </span>
  );
}
