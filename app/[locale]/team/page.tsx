import { getLocale, getTranslations } from "next-intl/server";
import { displayName, pick, secondaryName } from "@/app/_i18n/localized";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("team");

/** My team: each direct report's skills, Will (as far as shared), time at level and conversations. */
export default async function TeamPage({ params }: PageProps<"/[locale]/team">) {
  await signedInPage(params);
  const t = await getTranslations("team");
  const currentLocale = await getLocale();
  const members = await (await getServerCaller()).team.reports();
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
    </div>
  );
}
