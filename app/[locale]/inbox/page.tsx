import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ApplicationStatusLine } from "@/app/_components/application-timeline";
import { japanToday } from "@/app/_i18n/dates";
import { displayName } from "@/app/_i18n/localized";
import { KindBadge } from "@/app/_components/opportunity-badges";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { AllowedWorkflowAction } from "@/app/_components/allowed-workflow-action";
import { getServerCaller } from "@/app/_trpc/server";
import { ApplicationFacts } from "@/app/_components/application-facts";
import { Fact } from "@/app/_components/fact";

export const generateMetadata = titleFrom("inbox");

/**
 * The release inbox (送り出し承認): applications of the viewer's reports that wait on their
 * release, soonest deadline first. Open to everyone signed in — the list holds only what waits on
 * the viewer, and a former manager may still have a release to give.
 */
export default async function InboxPage({ params }: PageProps<"/[locale]/inbox">) {
  await signedInPage(params);
  const t = await getTranslations("inbox");
  const currentLocale = await getLocale();
  const format = await getFormatter();
  const items = await (await getServerCaller()).application.inbox();
  const now = new Date();
  const today = japanToday(now);
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {items.map((item) => {
            const name = displayName(item.person, currentLocale);
            const overdue = item.dueAt !== null && item.dueAt < now;
            return (
              <li key={item.id}>
                <article
                  aria-labelledby={`release-${item.id}`}
                  className={`space-y-3 rounded-lg border bg-white p-6 shadow-sm ${overdue || item.escalatedAt ? "border-red-300 ring-1 ring-red-200" : "border-slate-200"}`}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <KindBadge kind={item.opportunityKind} />
                    {item.escalatedAt ? (
                      <span className="rounded bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900 ring-1 ring-red-300">{t("escalated")}</span>
                    ) : overdue ? (
                      <span className="rounded bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900 ring-1 ring-red-300">{t("overdue")}</span>
                    ) : null}
                  </div>
                  <h2 id={`release-${item.id}`} className="text-lg font-semibold">
                    {t("itemTitle", { name, title: item.opportunityTitle })}
                  </h2>
                  <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                    <ApplicationFacts name={name} personId={item.person.id} opportunityId={item.opportunityId} opportunityTitle={item.opportunityTitle} appliedAt={item.createdAt} />
                    <Fact term={t("deadline")} className={overdue ? "font-semibold text-red-900" : undefined}>
                      {item.dueAt ? format.dateTime(item.dueAt, { dateStyle: "long", timeStyle: "short" }) : t("noDeadline")}
                      {item.escalatedAt ? ` — ${t("escalatedOn", { date: format.dateTime(item.escalatedAt, { dateStyle: "medium" }) })}` : null}
                    </Fact>
                  </dl>
                  <ApplicationStatusLine application={item} />
                  <div className="flex flex-wrap items-start gap-3" role="group" aria-label={t("actionsFor", { name })}>
                    <AllowedWorkflowAction application={item} action="release_approve" tone="primary" label={t("approve")} />
                    <AllowedWorkflowAction
                      application={item}
                      action="release_later"
                      label={t("later")}
                      submitLabel={t("laterSubmit")}
                      date={{ field: "releaseOn", label: t("releaseOn"), hint: t("releaseOnHint"), min: today }}
                      note={t("laterNote")}
                    />
                    <AllowedWorkflowAction
                      application={item}
                      action="release_decline"
                      tone="danger"
                      label={t("decline")}
                      submitLabel={t("declineSubmit")}
                      note={t("declineNote")}
                    />
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
