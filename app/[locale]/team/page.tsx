import { getLocale, getTranslations } from "next-intl/server";
import { displayName, pick, secondaryName } from "@/app/_i18n/localized";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("team");

/**
 * My team: each direct report's skills, Will (as far as shared), time at level and conversations;
 * then the people holding a concurrent post (兼務) in the department, marked as such.
 */
export default async function TeamPage({ params }: PageProps<"/[locale]/team">) {
  await signedInPage(params);
  const t = await getTranslations("team");
  const currentLocale = await getLocale();
  const caller = await getServerCaller();
  const [members, concurrent] = await Promise.all([caller.team.reports(), caller.team.concurrent()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {members.length === 0 ? <p className="text-slate-700">{t("noReports")}</p> : null}
      <ul className="grid gap-4 md:grid-cols-2">
        {members.map((member) => (
          <li key={member.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link href={`/team/${member.id}`} className="text-brand-700 underline">
                {displayName(member, currentLocale)}
              </Link>
            </h2>
            <p className="text-sm text-slate-600">{secondaryName({ ...member, businessName: null }, currentLocale)}</p>
            <dl className="mt-3 space-y-1 text-sm">
              <div className="flex gap-2">
                <dt className="text-slate-600">{t("roleLevel")}</dt>
                <dd>
                  {pick(member.role, currentLocale)} · {t("level", { level: member.level })}
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t("timeAtLevel")}</dt>
                <dd className={member.pastStandardYears ? "font-semibold text-amber-800" : undefined}>
                  {member.standardYears === null ? t("years", { years: member.yearsAtLevel }) : t("yearsOfStandard", { years: member.yearsAtLevel, standard: member.standardYears })}
                  {member.pastStandardYears ? ` — ${t("pastStandardYears")}` : null}
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t("skills")}</dt>
                <dd>
                  {member.topSkills.map((skill) => `${pick(skill.name, currentLocale)} ${skill.level}`).join(" / ") || "—"}
                  {t("skillCount", { count: member.skillCount })}
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t("pendingVerifications")}</dt>
                <dd>{member.pendingVerifications}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t("will")}</dt>
                <dd>
                  {member.will
                    ? `${member.will.statement.slice(0, 80)}${member.will.statement.length > 80 ? "…" : ""} (${t(`openness.${member.will.openness}`)})`
                    : t("willNotShared")}
                </dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-slate-600">{t("conversations")}</dt>
                <dd className={member.conversationOverdue ? "font-semibold text-amber-800" : undefined}>
                  {t("lastAndNext", { last: member.lastConversationOn ?? "—", next: member.nextConversationOn ?? "—" })}
                  {member.conversationOverdue ? ` — ${t("overdue")}` : null}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      {concurrent.length > 0 ? (
        <section aria-labelledby="concurrent-heading" className="space-y-3">
          <h2 id="concurrent-heading" className="text-xl font-bold">
            {t("concurrentTitle")}
          </h2>
          <p className="text-slate-700">{t("concurrentIntro")}</p>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {concurrent.map((member) => (
              <li key={`${member.id}-${member.department.ja}`} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3">
                <span className="rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800">{t("concurrentBadge")}</span>
                <Link href={`/people/${member.id}`} className="font-medium text-brand-700 underline">
                  {displayName(member, currentLocale)}
                </Link>
                <span className="text-sm text-slate-600">{secondaryName({ ...member, businessName: null }, currentLocale)}</span>
                <span className="text-sm text-slate-700">
                  {t("concurrentFacts", { home: pick(member.homeDepartment, currentLocale), role: pick(member.role, currentLocale), percent: member.timePercent })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
