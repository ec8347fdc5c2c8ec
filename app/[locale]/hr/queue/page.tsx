import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ApplicationStatusLine } from "@/app/_components/application-timeline";
import { japanDay, japanToday } from "@/app/_i18n/dates";
import { displayName } from "@/app/_i18n/localized";
import { KindBadge } from "@/app/_components/opportunity-badges";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { AllowedWorkflowAction } from "@/app/_components/allowed-workflow-action";
import { WorkflowAction } from "@/app/_components/workflow-action";
import { getServerCaller } from "@/app/_trpc/server";
import { isHrStaff } from "@/server/auth/policies";
import type { HrQueueItem } from "@/server/services/applications/application.schemas";
import { ApplicationFacts } from "@/app/_components/application-facts";
import { allowedAction } from "@/app/_components/allowed-action";
import { Fact } from "@/app/_components/fact";

export const generateMetadata = titleFrom("hrQueue");

/** HR's queue: moves to finalize, escalated releases (HR may release in the manager's place), and manager declines to review. HR only. */
export default async function HrQueuePage({ params }: PageProps<"/[locale]/hr/queue">) {
  const { actor } = await signedInPage(params);
  if (!isHrStaff(actor)) notFound();
  const t = await getTranslations("hrQueue");
  const items = await (await getServerCaller()).application.hrQueue();
  const sections = [
    { key: "finalize", items: items.filter((item) => item.queue === "finalize") },
    { key: "escalation", items: items.filter((item) => item.queue === "escalation") },
    { key: "decline_review", items: items.filter((item) => item.queue === "decline_review") },
  ] as const;
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <nav aria-label={t("sectionsNav")}>
        <ul className="flex flex-wrap gap-4 text-sm">
          {sections.map((section) => (
            <li key={section.key}>
              <a href={`#queue-${section.key}`} className="text-brand-700 underline">
                {t("sectionLink", { title: t(`sections.${section.key}.title`), count: section.items.length })}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`queue-${section.key}`} className="space-y-3">
          <div>
            <h2 id={`queue-${section.key}`} className="text-xl font-semibold">
              {t(`sections.${section.key}.title`)}
            </h2>
            <p className="text-sm text-slate-700">{t(`sections.${section.key}.intro`)}</p>
          </div>
          {section.items.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t(`sections.${section.key}.empty`)}</p>
          ) : (
            <ul className="space-y-4">
              {section.items.map((item) => (
                <li key={`${section.key}-${item.id}`}>
                  <QueueCard item={item} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

async function QueueCard({ item }: { item: HrQueueItem }) {
  const t = await getTranslations("hrQueue");
  const locale = await getLocale();
  const format = await getFormatter();
  const name = displayName(item.person, locale);
  const overdue = item.dueAt !== null && item.dueAt < new Date();
  const explanationId = `finalize-blocked-${item.id}`;
  const finalize = allowedAction(item, "finalize");
  return (
    <article aria-labelledby={`queue-item-${item.queue}-${item.id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <KindBadge kind={item.opportunityKind} />
        {item.escalatedAt ? (
          <span className="rounded bg-red-50 px-2 py-0.5 text-sm font-semibold text-red-900 ring-1 ring-red-300">
            {t("escalatedOn", { date: format.dateTime(item.escalatedAt, { dateStyle: "medium" }) })}
          </span>
        ) : null}
      </div>
      <h3 id={`queue-item-${item.queue}-${item.id}`} className="text-lg font-semibold">
        {t("itemTitle", { name, title: item.opportunityTitle })}
      </h3>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <ApplicationFacts name={name} personId={item.person.id} opportunityId={item.opportunityId} opportunityTitle={item.opportunityTitle} appliedAt={item.createdAt} />
        {item.queue === "escalation" && item.dueAt ? (
          <Fact term={t("releaseDeadline")} className={overdue ? "font-semibold text-red-900" : undefined}>{format.dateTime(item.dueAt, { dateStyle: "long", timeStyle: "short" })}</Fact>
        ) : null}
        {item.releaseOn ? (
          <Fact term={t("releaseOn")}>{format.dateTime(japanDay(item.releaseOn), { dateStyle: "long" })}</Fact>
        ) : null}
        {item.queue === "decline_review" && item.decisionReason ? (
          <Fact term={t("managerReason")} className="whitespace-pre-wrap">{item.decisionReason}</Fact>
        ) : null}
      </dl>
      <ApplicationStatusLine application={item} />
      {item.queue === "finalize" ? (
        finalize ? (
          <WorkflowAction
            key={`${item.id}-${item.version}-finalize`}
            applicationId={item.id}
            version={item.version}
            allowed={finalize}
            tone="primary"
            label={t("finalize", { name })}
            submitLabel={t("finalizeSubmit")}
            date={{
              field: "effectiveOn",
              label: t("effectiveOn"),
              hint: item.releaseOn ? t("effectiveOnHintRelease", { date: format.dateTime(japanDay(item.releaseOn), { dateStyle: "long" }) }) : t("effectiveOnHint"),
              min: item.releaseOn && item.releaseOn > japanToday() ? item.releaseOn : japanToday(),
            }}
            note={t("finalizeNote")}
          />
        ) : (
          <div className="space-y-1">
            <button type="button" disabled aria-describedby={explanationId} className="rounded bg-slate-300 px-3 py-1.5 font-semibold text-slate-700">
              {t("finalize", { name })}
            </button>
            <p id={explanationId} className="text-sm text-slate-700">
              {t("cannotFinalize")}
            </p>
          </div>
        )
      ) : null}
      {item.queue === "escalation" ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">{t(allowedAction(item, "hr_release") ? "escalationHint" : "escalationNotYours")}</p>
          <AllowedWorkflowAction
            application={item}
            action="hr_release"
            tone="primary"
            label={t("releaseForManager", { name })}
            submitLabel={t("releaseForManagerSubmit")}
            note={t("releaseForManagerNote")}
          />
        </div>
      ) : null}
      {item.queue === "decline_review" ? (
        <div className="flex flex-wrap items-start gap-3" role="group" aria-label={t("reviewFor", { name })}>
          <AllowedWorkflowAction
            application={item}
            action="hr_override"
            tone="primary"
            label={t("override")}
            submitLabel={t("overrideSubmit")}
            note={t("overrideNote")}
          />
          <AllowedWorkflowAction
            application={item}
            action="hr_uphold"
            tone="danger"
            label={t("uphold")}
            submitLabel={t("upholdSubmit")}
            note={t("upholdNote")}
          />
        </div>
      ) : null}
    </article>
  );
}
