import { useFormatter, useTranslations } from "next-intl";
import type { ApplicationView } from "@/server/services/applications/application.schemas";
import { japanDay } from "@/app/_i18n/dates";
import { Fact } from "./fact";

type ApplicationSummary = Pick<ApplicationView, "status" | "hiringStage" | "releaseStatus" | "createdAt" | "decisionReason" | "releaseOn" | "effectiveOn" | "steps">;

const statusTone: Partial<Record<ApplicationView["status"], string>> = {
  active: "bg-brand-50 text-brand-800 ring-brand-100",
  finalized: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  completed: "bg-emerald-50 text-emerald-900 ring-emerald-300",
};

/** Where an application stands: its status, the hiring stage and the release, in words. */
export function ApplicationStatusLine({ application }: { application: Pick<ApplicationSummary, "status" | "hiringStage" | "releaseStatus"> }) {
  const t = useTranslations("applications");
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className={`rounded px-2 py-0.5 font-semibold ring-1 ${statusTone[application.status] ?? "bg-slate-100 text-slate-800 ring-slate-300"}`}>
        {t(`status.${application.status}`)}
      </span>
      <span>
        <span className="text-slate-600">{t("stageLabel")}</span> {t(`stage.${application.hiringStage}`)}
      </span>
      <span>
        <span className="text-slate-600">{t("releaseLabel")}</span> {t(`release.${application.releaseStatus}`)}
      </span>
    </p>
  );
}

/** The decision reason and the dates that were decided (release date, effective date). */
export function ApplicationOutcome({ application }: { application: Pick<ApplicationSummary, "decisionReason" | "releaseOn" | "effectiveOn"> }) {
  const t = useTranslations("applications");
  const format = useFormatter();
  if (!application.decisionReason && !application.releaseOn && !application.effectiveOn) return null;
  return (
    <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
      {application.decisionReason ? (
        <Fact term={t("decisionReason")} className="whitespace-pre-wrap">{application.decisionReason}</Fact>
      ) : null}
      {application.releaseOn ? (
        <Fact term={t("releaseOn")}>{format.dateTime(japanDay(application.releaseOn), { dateStyle: "long" })}</Fact>
      ) : null}
      {application.effectiveOn ? (
        <Fact term={t("effectiveOn")}>{format.dateTime(japanDay(application.effectiveOn), { dateStyle: "long" })}</Fact>
      ) : null}
    </dl>
  );
}

/**
 * Every step of an application in order: when it started, its deadline, who decided what and why.
 * An undecided step reads "waiting" while the application is live, and "not needed" once it ended.
 */
export function ApplicationTimeline({
  application,
  headingId,
  headingLevel: Heading = "h3",
}: {
  application: ApplicationSummary;
  headingId: string;
  headingLevel?: "h2" | "h3" | "h4" | "h5";
}) {
  const t = useTranslations("applications");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const live = application.status === "active";
  return (
    <section aria-labelledby={headingId}>
      <Heading id={headingId} className="text-sm font-semibold text-slate-700">
        {t("timeline.title")}
      </Heading>
      <ol className="mt-1 space-y-2 border-l-2 border-slate-200 pl-4">
        <li className="text-sm">
          <span className="font-medium">{t("timeline.applied")}</span> <span className="text-slate-600">{when(application.createdAt)}</span>
        </li>
        {application.steps.map((step) => (
          <li key={`${step.step}-${step.createdAt.getTime()}`} className="text-sm">
            <p>
              <span className="font-medium">{t(`step.${step.step}`)}</span>{" "}
              <span className="text-slate-600">{t("timeline.started", { date: when(step.createdAt) })}</span>
            </p>
            {step.decidedAt ? (
              <p>
                {t("timeline.decided", { decision: t(`decision.${step.decision ?? "none"}`), date: when(step.decidedAt) })}
                {step.reason ? <span className="block whitespace-pre-wrap text-slate-700">{t("timeline.reason", { reason: step.reason })}</span> : null}
              </p>
            ) : (
              <p className="text-slate-700">
                {live ? t("timeline.waiting") : t("timeline.notNeeded")}
                {live && step.dueAt ? ` — ${t("timeline.due", { date: when(step.dueAt) })}` : null}
                {live && step.escalatedAt ? ` — ${t("timeline.escalated", { date: when(step.escalatedAt) })}` : null}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
