import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Profile } from "@/server/services/people/people.schemas";
import { displayName, pick, secondaryName } from "@/app/_i18n/localized";
import { LevelBadge, type LevelGuideEntry } from "./level-badge";
import { CardSection } from "./card-section";

type Props = {
  profile: Profile;
  levelGuide: LevelGuideEntry[];
  /** Extra controls under each skill (the manager's verification form on the team page). */
  skillActions?: (skill: Profile["skills"][number]) => React.ReactNode;
};

/** A person's profile: who they are, where they stand on the career map, and their skills. */
export async function ProfileView({ profile, levelGuide, skillActions }: Props) {
  const t = await getTranslations("profile");
  const locale = await getLocale();
  const format = await getFormatter();
  const { restricted } = profile;
  return (
    <article aria-labelledby="profile-name" className="space-y-8">
      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="profile-name" className="text-2xl font-bold">
          {displayName(profile, locale)}
        </h1>
        <p className="text-sm text-slate-600">{secondaryName(profile, locale)}</p>
        {profile.tagline ? <p className="mt-2 font-medium text-brand-800">{profile.tagline}</p> : null}
        <dl className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-2">
          <div>
            <dt className="text-sm text-slate-600">{t("department")}</dt>
            <dd>{pick(profile.department.name, locale)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("role")}</dt>
            <dd>
              {pick(profile.role.name, locale)}
              <span className="ml-2 text-sm text-slate-600">
                {pick(profile.role.family, locale)} · {t(`track.${profile.role.track as "management"}`)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("manager")}</dt>
            <dd>
              {profile.manager ? (
                <Link href={`/people/${profile.manager.id}`} className="text-brand-700 underline">
                  {displayName(profile.manager, locale)}
                </Link>
              ) : (
                t("noManager")
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t("email")}</dt>
            <dd>
              <a href={`mailto:${profile.email}`} className="break-all text-brand-700 underline">
                {profile.email}
              </a>
            </dd>
          </div>
          {restricted && (
            <>
              <div>
                <dt className="text-sm text-slate-600">{t("employeeNumber")}</dt>
                <dd>{restricted.employeeNumber}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-600">{t("hiredOn")}</dt>
                <dd>{format.dateTime(new Date(restricted.hiredOn), { dateStyle: "long" })}</dd>
              </div>
            </>
          )}
        </dl>
      </section>

      {restricted && (
        <CardSection headingId="career-position" title={t("careerPosition")}>
          <p className="mt-2">
            {t("levelOnRole", { level: restricted.level, role: pick(profile.role.name, locale) })}
          </p>
          {restricted.roleLevel ? (
            <>
              <p className={restricted.yearsAtLevel > restricted.roleLevel.standardYears ? "mt-1 font-semibold text-amber-800" : "mt-1"}>
                {t("yearsAtLevel", { years: restricted.yearsAtLevel, standard: restricted.roleLevel.standardYears })}
                {restricted.yearsAtLevel > restricted.roleLevel.standardYears ? ` — ${t("pastStandardYears")}` : null}
              </p>
              <div className="mt-4 grid gap-6 sm:grid-cols-2">
                <div>
                  <h3 className="font-semibold">{t("keyExperiences")}</h3>
                  <ul className="mt-1 list-disc pl-5">
                    {restricted.roleLevel.keyExperiences.map((item) => (
                      <li key={item.en}>{pick(item, locale)}</li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h3 className="font-semibold">{t("qualifications")}</h3>
                  {restricted.roleLevel.qualifications.length > 0 ? (
                    <ul className="mt-1 list-disc pl-5">
                      {restricted.roleLevel.qualifications.map((item) => (
                        <li key={item.en}>{pick(item, locale)}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-1 text-slate-600">{t("noQualifications")}</p>
                  )}
                </div>
              </div>
            </>
          ) : null}
        </CardSection>
      )}

      <CardSection headingId="skills-heading" title={t("skills")}>
        {profile.skillsHidden ? (
          <p className="mt-2 text-slate-600">{t("skillsHidden")}</p>
        ) : profile.skills.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("noSkills")}</p>
        ) : (
          <ul className="mt-4 divide-y divide-slate-100">
            {profile.skills.map((skill) => (
              <li key={skill.skillId} className="py-3">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-medium">{pick(skill.name, locale)}</span>
                  <span className="text-sm text-slate-600">{pick(skill.category, locale)}</span>
                  <LevelBadge level={skill.level} guide={levelGuide} />
                  {skill.verifiedAt ? (
                    <span className="rounded-full bg-emerald-50 px-2 text-sm text-emerald-800">
                      {t("verified", { by: skill.verifiedBy ?? "—", date: format.dateTime(skill.verifiedAt, { dateStyle: "medium" }) })}
                    </span>
                  ) : null}
                </div>
                {skill.evidence ? <p className="mt-1 text-sm text-slate-700">{t("evidence", { text: skill.evidence })}</p> : null}
                {skill.verificationNote ? <p className="mt-1 text-sm text-slate-700">{t("verificationNote", { text: skill.verificationNote })}</p> : null}
                {skillActions ? skillActions(skill) : null}
              </li>
            ))}
          </ul>
        )}
      </CardSection>
    </article>
  );
}
