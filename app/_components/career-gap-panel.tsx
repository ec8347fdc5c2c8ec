import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Link } from "@/app/_i18n/navigation";
import type { CareerGap } from "@/server/services/career-map/career-map.schemas";
import { LevelBadge, type LevelGuideEntry } from "./level-badge";
import { type Bilingual, pick } from "@/app/_i18n/localized";

type Props = { gap: CareerGap; roleSlug: string; levelGuide: LevelGuideEntry[] };

function TextList({ items, empty, locale }: { items: Bilingual[]; empty: string; locale: string }) {
  if (items.length === 0) return <p className="mt-1 text-slate-600">{empty}</p>;
  return (
    <ul className="mt-1 list-disc space-y-0.5 pl-5">
      {items.map((item) => (
        <li key={item.en}>{pick(item, locale)}</li>
      ))}
    </ul>
  );
}

type GapSkill = { skillId: number; name: Bilingual; category: Bilingual };

/** A titled list of the skills in one state of the gap (missing, below level), each with its detail. */
function GapSkills<Skill extends GapSkill>({
  headingId,
  title,
  empty,
  skills,
  locale,
  detail,
}: {
  headingId: string;
  title: string;
  empty: string;
  skills: Skill[];
  locale: string;
  detail: (skill: Skill) => ReactNode;
}) {
  return (
    <div>
      <h3 id={headingId} className="font-semibold">
        {title}
      </h3>
      {skills.length === 0 ? (
        <p className="mt-1 text-slate-600">{empty}</p>
      ) : (
        <ul aria-labelledby={headingId} className="mt-1 space-y-2">
          {skills.map((skill) => (
            <li key={skill.skillId}>
              <span className="font-medium">{pick(skill.name, locale)}</span>
              <span className="ml-2 text-sm text-slate-600">{pick(skill.category, locale)}</span>
              {detail(skill)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The viewer's own gap to a role level: which skills are missing or below the level needed, the
 * experiences and qualifications to gain, and time at their level against its standard years.
 */
export async function CareerGapPanel({ gap, roleSlug, levelGuide }: Props) {
  const t = await getTranslations("careerMap.gap");
  const locale = await getLocale();
  const format = await getFormatter();
  const years = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const targetRole = pick(gap.target.role.name, locale);
  const currentRole = pick(gap.current.role.name, locale);

  return (
    <section id="gap" aria-labelledby="gap-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="gap-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>

      <nav aria-label={t("levelSelector")} className="mt-3">
        <p className="text-sm font-medium text-slate-700">{t("levelSelector")}</p>
        <ul className="mt-1 flex flex-wrap gap-2">
          {gap.target.levels.map((level) => {
            const selected = level === gap.target.level;
            return (
              <li key={level}>
                <Link
                  href={{ pathname: `/career-map/${roleSlug}`, query: { level: String(level) }, hash: "gap" }}
                  aria-current={selected ? "page" : undefined}
                  className={`inline-block rounded border px-3 py-1 text-sm ${selected ? "border-brand-700 bg-brand-700 font-semibold text-white" : "border-slate-400 text-brand-700 underline hover:bg-slate-50"}`}
                >
                  {t("levelOption", { level })}
                  {level === gap.target.defaultLevel ? <span className="text-xs">{t("suggested")}</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
        <p className="mt-1 text-xs text-slate-600">{t("defaultRule")}</p>
      </nav>

      <div className="mt-4 space-y-1">
        <p>{t("target", { role: targetRole, level: gap.target.level })}</p>
        <p className="text-sm text-slate-700">{t(`relation.${gap.relation}`, { role: currentRole, level: gap.current.level })}</p>
        {gap.readiness.required > 0 ? (
          <div className="pt-2">
            <p className="font-semibold">
              {t("readiness", {
                met: gap.readiness.met,
                required: gap.readiness.required,
                percent: format.number(gap.readiness.ratio, { style: "percent", maximumFractionDigits: 0 }),
              })}
            </p>
            <div aria-hidden="true" className="mt-1 h-2 w-full max-w-md overflow-hidden rounded-full bg-slate-200">
              <div className="h-full rounded-full bg-emerald-600" style={{ width: `${Math.round(gap.readiness.ratio * 100)}%` }} />
            </div>
          </div>
        ) : (
          <p className="text-slate-600">{t("noRequirements")}</p>
        )}
      </div>

      {gap.readiness.required > 0 ? (
        <div className="mt-6 grid gap-6 md:grid-cols-2">
          <GapSkills
            headingId="gap-missing"
            title={t("missing")}
            empty={t("none")}
            skills={gap.missing}
            locale={locale}
            detail={(skill) => (
              <div>
                <LevelBadge level={skill.level} guide={levelGuide} />
              </div>
            )}
          />
          <GapSkills
            headingId="gap-below"
            title={t("belowLevel")}
            empty={t("none")}
            skills={gap.belowLevel}
            locale={locale}
            detail={(skill) => (
              <div className="text-sm">
                {t("heldToNeeded", { held: skill.held, needed: skill.level })}
                <span className={`ml-2 rounded px-1.5 font-semibold ${skill.shortBy >= 2 ? "bg-red-50 text-red-800" : "bg-amber-50 text-amber-900"}`}>
                  {t("shortBy", { shortBy: skill.shortBy })}
                </span>
              </div>
            )}
          />
          {gap.met.length > 0 ? (
            <div className="md:col-span-2">
              <h3 className="font-semibold">{t("met")}</h3>
              <ul className="mt-1 flex flex-wrap gap-2">
                {gap.met.map((skill) => (
                  <li key={skill.skillId} className="rounded bg-emerald-50 px-2 py-0.5 text-sm text-emerald-900">
                    {pick(skill.name, locale)} · {t("metLevel", { held: skill.held, needed: skill.level })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}

      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="font-semibold">{t("experiences")}</h3>
          {gap.experiences.unlocking.length > 0 ? (
            <>
              <h4 className="mt-2 text-sm font-semibold text-slate-700">{t("unlocking")}</h4>
              <TextList items={gap.experiences.unlocking} empty={t("noExperiences")} locale={locale} />
            </>
          ) : null}
          <h4 className="mt-2 text-sm font-semibold text-slate-700">{t("atTarget")}</h4>
          <TextList items={gap.experiences.atTarget} empty={t("noExperiences")} locale={locale} />
        </div>
        <div>
          <h3 className="font-semibold">{t("qualifications")}</h3>
          <TextList items={gap.qualifications} empty={t("noQualifications")} locale={locale} />
        </div>
      </div>

      <div className="mt-6">
        <h3 className="font-semibold">{t("years")}</h3>
        <p className="mt-1">
          {gap.years.standard === null
            ? t("yearsAtLevelNoStandard", { role: currentRole, level: gap.current.level, years: years(gap.years.atLevel) })
            : t("yearsAtLevel", { role: currentRole, level: gap.current.level, years: years(gap.years.atLevel), standard: years(gap.years.standard) })}
        </p>
        {gap.years.standard !== null ? (
          <p className={gap.years.past ? "font-semibold text-amber-800" : "text-slate-700"}>
            {gap.years.past
              ? t("yearsPast")
              : gap.years.remaining
                ? t("yearsRemaining", { remaining: years(gap.years.remaining) })
                : t("yearsReached")}
          </p>
        ) : null}
        <p className="mt-1 text-xs text-slate-600">{t("yearsNote")}</p>
      </div>
    </section>
  );
}
