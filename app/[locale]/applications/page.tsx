import { getFormatter, getTranslations } from "next-intl/server";
import { ApplicationOutcome, ApplicationStatusLine, ApplicationTimeline } from "@/app/_components/application-timeline";
import { KindBadge } from "@/app/_components/opportunity-badges";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { AllowedWorkflowAction } from "@/app/_components/allowed-workflow-action";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("applications");

/** My applications: where each stands, every step with its dates and reasons, and withdrawing. */
export default async function ApplicationsPage({ params }: PageProps<"/[locale]/applications">) {
  await signedInPage(params);
  const t = await getTranslations("applications");
  const format = await getFormatter();
  const applications = await (await getServerCaller()).application.mine();
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {applications.length === 0 ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="text-slate-700">{t("empty")}</p>
          <Link href="/opportunities" className="mt-2 inline-block text-brand-700 underline">
            {t("browse")}
          </Link>
        </div>
      ) : (
        <ul className="space-y-4">
          {applications.map((application) => {
            return (
              <li key={application.id}>
                <article aria-labelledby={`application-${application.id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <KindBadge kind={application.opportunityKind} />
                    <span className="text-sm text-slate-600">{t("appliedOn", { date: format.dateTime(application.createdAt, { dateStyle: "long" }) })}</span>
                  </div>
                  <h2 id={`application-${application.id}`} className="text-lg font-semibold">
                    <Link href={`/opportunities/${application.opportunityId}`} className="text-brand-700 underline">
                      {application.opportunityTitle}
                    </Link>
                  </h2>
                  <ApplicationStatusLine application={application} />
                  <p className="text-sm text-slate-700">{t(`explain.${application.status}`)}</p>
                  <ApplicationOutcome application={application} />
                  <details className="rounded border border-slate-200 p-3">
                    <summary className="cursor-pointer font-medium">{t("yourMotivation")}</summary>
                    <p className="mt-2 whitespace-pre-wrap">{application.motivation}</p>
                  </details>
                  <ApplicationTimeline application={application} headingId={`timeline-${application.id}`} />
                  <AllowedWorkflowAction
                    application={application}
                    action="withdraw"
                    tone="danger"
                    label={t("actions.withdraw", { title: application.opportunityTitle })}
                    submitLabel={t("actions.withdrawSubmit")}
                    confirm={application.status === "finalized" ? t("actions.withdrawConfirmFinalized") : t("actions.withdrawConfirm")}
                  />
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
