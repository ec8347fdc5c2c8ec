import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ApplyForm } from "@/app/_components/apply-form";
import { japanDay } from "@/app/_i18n/dates";
import { HiringPipeline } from "@/app/_components/hiring-pipeline";
import { LevelBadge } from "@/app/_components/level-badge";
import { displayName, pick } from "@/app/_i18n/localized";
import { KindBadge, OpportunityStatusBadge } from "@/app/_components/opportunity-badges";
import { OpportunityStatusControls } from "@/app/_components/opportunity-status-controls";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { idFromPath, orNotFound } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";
import { opportunitySkillKinds } from "@/server/services/opportunities/opportunity.schemas";
import { CardSection } from "@/app/_components/card-section";

export const generateMetadata = titleFrom("opportunities", "detailTitle");

/** One posting: everything about it, applying for the viewer, and managing it for its owner and HR. */
export default async function OpportunityPage({ params }: PageProps<"/[locale]/opportunities/[id]">) {
  const { id, actor } = await signedInPage(params);
  const opportunityId = idFromPath(id);
  const caller = await getServerCaller();
  // A draft that is not yours and a posting that does not exist look the same: a 404.
  const opportunity = await orNotFound(caller.opportunity.byId({ opportunityId }));
  const t = await getTranslations("opportunities");
  const tCandidates = await getTranslations("candidates");
  const currentLocale = await getLocale();
  const format = await getFormatter();
  const isOwner = opportunity.owner.id === actor.personId;
  const mayApply = opportunity.status === "open" && !isOwner && opportunity.myApplicationId === null;
  const [levelGuide, will, pipeline] = await Promise.all([
    caller.skill.levelGuide(),
    mayApply ? caller.will.mine() : Promise.resolve(null),
    opportunity.canEdit ? caller.application.pipeline({ opportunityId }) : Promise.resolve(null),
  ]);
  const day = (iso: string) => format.dateTime(japanDay(iso), { dateStyle: "long" });
  const dates =
    opportunity.startOn && opportunity.endOn
      ? t("dateRange", { from: day(opportunity.startOn), to: day(opportunity.endOn) })
      : opportunity.startOn
        ? t("dateFrom", { from: day(opportunity.startOn) })
        : opportunity.endOn
          ? t("dateTo", { to: day(opportunity.endOn) })
          : t("datesOpen");
  const editable = opportunity.canEdit && (opportunity.status === "draft" || opportunity.status === "open");

  return (
    <div className="space-y-6">
      <p>
        <Link href="/opportunities" className="text-brand-700 underline">
          {t("backToList")}
        </Link>
      </p>
      <article aria-labelledby="opportunity-title" className="space-y-6">
        <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <div className="flex flex-wrap items-center gap-2">
            <KindBadge kind={opportunity.kind} />
            <OpportunityStatusBadge status={opportunity.status} />
          </div>
          <h1 id="opportunity-title" className="mt-2 text-2xl font-bold">
            {opportunity.title}
          </h1>
          <dl className="mt-4 grid gap-x-8 gap-y-2 sm:grid-cols-2">
            <div>
              <dt className="text-sm text-slate-600">{t("fields.department")}</dt>
              <dd>{pick(opportunity.department, currentLocale)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fields.role")}</dt>
              <dd>{opportunity.role ? pick(opportunity.role, currentLocale) : t("noRole")}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fields.hiringManager")}</dt>
              <dd>
                <Link href={`/people/${opportunity.owner.id}`} className="text-brand-700 underline">
                  {displayName(opportunity.owner, currentLocale)}
                </Link>
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fields.timePercent")}</dt>
              <dd>{t("percent", { value: opportunity.timePercent })}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fields.dates")}</dt>
              <dd>{dates}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fields.slots")}</dt>
              <dd>{t("slotsValue", { count: opportunity.slots })}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fields.location")}</dt>
              <dd>
                {opportunity.location ? `${opportunity.location} · ` : null}
                {t(`workplace.${opportunity.workplace}`)}
              </dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t("fields.openedAt")}</dt>
              <dd>{opportunity.openedAt ? format.dateTime(opportunity.openedAt, { dateStyle: "long" }) : t("notOpenedYet")}</dd>
            </div>
          </dl>
        </section>

        <CardSection headingId="description-heading" title={t("fields.description")}>
          {opportunity.description ? (
            <p className="mt-2 whitespace-pre-wrap">{opportunity.description}</p>
          ) : (
            <p className="mt-2 text-slate-600">{t("noDescription")}</p>
          )}
        </CardSection>

        <CardSection headingId="skills-heading" title={t("fields.skills")}>
          <div className="mt-2 space-y-4">
            {opportunitySkillKinds.map((kind) => {
              const skills = opportunity.skills.filter((skill) => skill.kind === kind);
              return (
                <section key={kind} aria-labelledby={`skills-${kind}`}>
                  <h3 id={`skills-${kind}`} className="font-semibold">
                    {t(`skillKind.${kind}`)}
                  </h3>
                  {skills.length === 0 ? (
                    <p className="text-sm text-slate-600">{t("noSkillsOfKind")}</p>
                  ) : (
                    <ul className="mt-1 divide-y divide-slate-100">
                      {skills.map((skill) => (
                        <li key={`${kind}-${skill.skillId}`} className="flex flex-wrap items-baseline gap-x-3 py-2">
                          <span className="font-medium">{pick(skill.name, currentLocale)}</span>
                          <LevelBadge level={skill.level} guide={levelGuide} />
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </div>
        </CardSection>
      </article>

      {opportunity.myApplicationId !== null ? (
        <section aria-labelledby="applied-heading" className="rounded-lg border border-emerald-300 bg-emerald-50 p-6">
          <h2 id="applied-heading" className="text-lg font-semibold text-emerald-900">
            {t("applied.title")}
          </h2>
          <p className="mt-1">{t("applied.body")}</p>
          <Link href="/applications" className="mt-2 inline-block text-brand-700 underline">
            {t("applied.link")}
          </Link>
        </section>
      ) : mayApply && will ? (
        <ApplyForm opportunityId={opportunity.id} will={{ statement: will.statement, shareWithMatching: will.shareWithMatching }} />
      ) : isOwner ? (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("ownPosting")}</p>
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("notAccepting")}</p>
      )}

      {opportunity.canEdit ? (
        <CardSection headingId="manage-heading" title={t("manage.title")} className="space-y-3">
          {opportunity.fillableFrom && opportunity.status === "open" ? (
            <p className="text-sm text-slate-700">{t("manage.fillableFrom", { date: format.dateTime(opportunity.fillableFrom, { dateStyle: "long", timeStyle: "short" }) })}</p>
          ) : null}
          {opportunity.status === "draft" ? <p className="text-sm text-slate-700">{t("manage.draftHint")}</p> : null}
          <div className="flex flex-wrap items-start gap-4">
            {editable ? (
              <Link href={`/opportunities/${opportunity.id}/edit`} className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50">
                {t("manage.edit")}
              </Link>
            ) : null}
            <Link href={`/opportunities/${opportunity.id}/candidates`} className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50">
              {tCandidates("link")}
            </Link>
            <OpportunityStatusControls opportunityId={opportunity.id} status={opportunity.status} />
          </div>
        </CardSection>
      ) : null}

      {pipeline ? <HiringPipeline applications={pipeline} isHiringManager={isOwner} /> : null}
    </div>
  );
}
