import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { type ApplicationView, hiringStages } from "@/server/services/applications/application.schemas";
import type { AllowedAction } from "@/server/services/workflow/transitions";
import { ApplicationOutcome, ApplicationStatusLine, ApplicationTimeline } from "./application-timeline";
import { displayName, pick } from "@/app/_i18n/localized";
import { WorkflowAction } from "./workflow-action";
import { Fact } from "./fact";

/** The pipeline offers the hiring decisions; anything else the viewer may do happens on other screens. */
const hiringActions: ReadonlySet<AllowedAction["action"]> = new Set(["shortlist", "interview", "offer", "decline"]);

/**
 * The applicants to a posting, grouped by hiring stage, for its hiring manager (and HR, read-only
 * unless they own it). Each shows the motivation, the Will when the applicant shares it, the
 * timeline and the decisions the state machine allows now.
 */
export async function HiringPipeline({ applications, isHiringManager }: { applications: ApplicationView[]; isHiringManager: boolean }) {
  const t = await getTranslations("opportunities.pipeline");
  const tApplications = await getTranslations("applications");
  const locale = await getLocale();
  const groups = [
    ...hiringStages.map((stage) => ({ key: stage, title: tApplications(`stage.${stage}`), items: applications.filter((item) => item.status === "active" && item.hiringStage === stage) })),
    { key: "closed", title: t("closedGroup"), items: applications.filter((item) => item.status !== "active") },
  ];

  return (
    <section aria-labelledby="pipeline-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="pipeline-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{isHiringManager ? t("intro") : t("introReadOnly")}</p>
      </div>
      {applications.length === 0 ? <p className="text-slate-700">{t("empty")}</p> : null}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`pipeline-${group.key}`} className="space-y-3">
          <h3 id={`pipeline-${group.key}`} className="border-b border-slate-200 pb-1 font-semibold">
            {t("groupTitle", { stage: group.title, count: group.items.length })}
          </h3>
          {group.items.length === 0 ? (
            <p className="text-sm text-slate-600">{t("groupEmpty")}</p>
          ) : (
            <ul className="space-y-4">
              {group.items.map((application) => {
                const name = displayName(application.person, locale);
                const actions = application.allowedActions.filter((allowed) => hiringActions.has(allowed.action));
                return (
                  <li key={application.id}>
                    <article aria-label={t("applicant", { name })} className="space-y-3 rounded border border-slate-200 p-4">
                      <div className="flex flex-wrap items-baseline justify-between gap-2">
                        <h4 className="text-base font-semibold">
                          <Link href={`/people/${application.person.id}`} className="text-brand-700 underline">
                            {name}
                          </Link>
                        </h4>
                      </div>
                      <ApplicationStatusLine application={application} />
                      <div>
                        <h5 className="text-sm font-semibold text-slate-700">{t("motivation")}</h5>
                        <p className="whitespace-pre-wrap">{application.motivation}</p>
                      </div>
                      {application.will ? (
                        <div className="rounded border border-slate-200 bg-slate-50 p-3">
                          <h5 className="text-sm font-semibold text-slate-700">{t("will")}</h5>
                          {application.will.statement ? <p className="whitespace-pre-wrap">{application.will.statement}</p> : null}
                          <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
                            {application.will.targetRoles.length > 0 ? (
                              <Fact term={t("willTargets")}>{application.will.targetRoles.map((role) => pick(role.name, locale)).join(" / ")}</Fact>
                            ) : null}
                            {application.will.desiredSkills.length > 0 ? (
                              <Fact term={t("willSkills")}>{application.will.desiredSkills.map((skill) => pick(skill.name, locale)).join(" / ")}</Fact>
                            ) : null}
                            <Fact term={t("willOpenness")}>{t(`openness.${application.will.openness}`)}</Fact>
                          </dl>
                        </div>
                      ) : (
                        <p className="text-sm text-slate-600">{t("willNotShared")}</p>
                      )}
                      <ApplicationOutcome application={application} />
                      <ApplicationTimeline application={application} headingId={`timeline-${application.id}`} headingLevel="h5" />
                      {actions.length > 0 ? (
                        <div className="flex flex-wrap items-start gap-3" role="group" aria-label={t("actionsFor", { name })}>
                          {actions.map((allowed) => (
                            <HiringActionControl key={`${application.id}-${application.version}-${allowed.action}`} allowed={allowed} application={application} name={name} />
                          ))}
                        </div>
                      ) : null}
                    </article>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

async function HiringActionControl({ allowed, application, name }: { allowed: AllowedAction; application: ApplicationView; name: string }) {
  const t = await getTranslations("applications.actions");
  const common = { applicationId: application.id, version: application.version, allowed };
  switch (allowed.action) {
    case "shortlist":
      return <WorkflowAction {...common} tone="primary" label={t("shortlist", { name })} />;
    case "interview":
      return <WorkflowAction {...common} label={t("interview", { name })} />;
    case "offer":
      return (
        <WorkflowAction
          {...common}
          tone="primary"
          label={t("offer", { name })}
          submitLabel={t("offerSubmit")}
          confirm={t("offerConfirm", { name })}
        />
      );
    case "decline":
      return (
        <WorkflowAction
          {...common}
          tone="danger"
          label={t("decline", { name })}
          submitLabel={t("declineSubmit")}
          note={t("declineNote")}
        />
      );
    default:
      return null;
  }
}
