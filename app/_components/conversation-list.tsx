"use client";

import { useMutation } from "@tanstack/react-query";
import { useFormatter, useLocale, useNow, useTimeZone, useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import type { ConversationView } from "@/server/services/conversations/conversation.schemas";
import { displayName } from "@/app/_i18n/localized";

/** Today's calendar date (YYYY-MM-DD) in the company's time zone, comparable with stored dates. */
export function calendarDateIn(now: Date, timeZone: string | undefined): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A stored calendar date (YYYY-MM-DD) as a Date that formats to the same day whatever the zone. */
const dateOnly = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

type Props = {
  conversations: ConversationView[];
  /**
   * The signed-in person: they may tick off the steps they own and any step of a conversation they
   * held, so only those get a toggle (the server checks again).
   */
  viewerId: number;
  /** The level of each conversation's heading, to fit the page's outline (3 inside a section). */
  headingLevel?: 2 | 3;
};

/**
 * Career conversations, newest first: date, manager, shared notes, next steps (with a done toggle
 * for whoever may tick them off) and the next date. Private notes arrive only for their author
 * (the server decides); when present they are shown apart and labelled as such.
 */
export function ConversationList({ conversations, viewerId, headingLevel = 3 }: Props) {
  const t = useTranslations("conversations");
  const locale = useLocale();
  const format = useFormatter();
  const today = calendarDateIn(useNow(), useTimeZone());
  const router = useRouter();
  const trpc = useTRPC();
  const [overrides, setOverrides] = useState<Record<number, boolean>>({});
  const toggle = useMutation(
    trpc.conversation.setStepDone.mutationOptions({
      onSuccess: () => router.refresh(),
      onError: (_error, input) =>
        setOverrides((current) => Object.fromEntries(Object.entries(current).filter(([stepId]) => Number(stepId) !== input.stepId))),
    }),
  );
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SubHeading = headingLevel === 2 ? "h3" : "h4";
  const longDate = (isoDate: string) => format.dateTime(dateOnly(isoDate), { dateStyle: "long", timeZone: "UTC" });

  if (conversations.length === 0) return <p className="text-slate-600">{t("empty")}</p>;

  return (
    <ol className="space-y-6">
      {conversations.map((conversation, index) => {
        const headingId = `conversation-${conversation.id}`;
        // Only the latest conversation's next date is still pending; older ones were followed up.
        const nextPassed = index === 0 && conversation.nextOn !== null && conversation.nextOn < today;
        return (
          <li key={conversation.id}>
            <article aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <Heading id={headingId} className="text-lg font-semibold">
                  {t("heldOn", { date: longDate(conversation.heldOn) })}
                </Heading>
                <p className="text-sm text-slate-600">{t("withManager", { name: displayName(conversation.manager, locale) })}</p>
              </div>

              <div>
                <SubHeading className="font-medium">{t("sharedNotes")}</SubHeading>
                {conversation.sharedNotes ? (
                  <p className="mt-1 whitespace-pre-wrap break-words">{conversation.sharedNotes}</p>
                ) : (
                  <p className="mt-1 text-slate-600">{t("noSharedNotes")}</p>
                )}
              </div>

              {conversation.privateNotes !== null ? (
                <section aria-labelledby={`${headingId}-private`} className="rounded border-2 border-dashed border-amber-500 bg-amber-50 p-4">
                  <SubHeading id={`${headingId}-private`} className="flex items-center gap-2 font-medium text-amber-900">
                    <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 shrink-0">
                      <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
                    </svg>
                    {t("privateNotes")}
                  </SubHeading>
                  <p className="text-sm text-amber-900">{t("privateNotesHint")}</p>
                  <p className="mt-2 whitespace-pre-wrap break-words">{conversation.privateNotes}</p>
                </section>
              ) : null}

              <div>
                <SubHeading className="font-medium">{t("steps")}</SubHeading>
                {conversation.steps.length === 0 ? (
                  <p className="mt-1 text-slate-600">{t("noSteps")}</p>
                ) : (
                  <ul className="mt-2 divide-y divide-slate-100">
                    {conversation.steps.map((step) => {
                      const done = overrides[step.id] ?? step.doneAt !== null;
                      const mayToggle = step.owner.id === viewerId || conversation.manager.id === viewerId;
                      const overdue = !done && step.dueOn !== null && step.dueOn < today;
                      const checkboxId = `step-${step.id}`;
                      const metaId = `step-${step.id}-meta`;
                      const failed = toggle.isError && toggle.variables?.stepId === step.id;
                      return (
                        <li key={step.id} className="flex items-start gap-3 py-2">
                          {mayToggle ? (
                            <input
                              id={checkboxId}
                              type="checkbox"
                              checked={done}
                              disabled={toggle.isPending && toggle.variables?.stepId === step.id}
                              aria-describedby={metaId}
                              onChange={(event) => {
                                setOverrides({ ...overrides, [step.id]: event.target.checked });
                                toggle.mutate({ stepId: step.id, done: event.target.checked });
                              }}
                              className="mt-1.5 h-4 w-4 shrink-0"
                            />
                          ) : (
                            <span aria-hidden="true" className="mt-0.5 w-4 shrink-0 text-center">
                              {done ? "✓" : "・"}
                            </span>
                          )}
                          <div className="min-w-0">
                            {mayToggle ? (
                              <label htmlFor={checkboxId} className={done ? "text-slate-600 line-through" : ""}>
                                {step.description}
                              </label>
                            ) : (
                              <p className={done ? "text-slate-600 line-through" : ""}>{step.description}</p>
                            )}
                            <p id={metaId} className="flex flex-wrap gap-x-3 text-sm text-slate-600">
                              <span>{t("owner", { name: displayName(step.owner, locale) })}</span>
                              <span className={overdue ? "font-semibold text-red-800" : undefined}>
                                {step.dueOn ? t("due", { date: longDate(step.dueOn) }) : t("noDue")}
                              </span>
                              {overdue ? <span className="font-semibold text-red-800">{t("overdue")}</span> : null}
                              {done ? (
                                step.doneAt ? <span>{t("doneOn", { date: format.dateTime(step.doneAt, { dateStyle: "medium" }) })}</span> : null
                              ) : (
                                <span>{t("open")}</span>
                              )}
                            </p>
                            {failed ? (
                              <p role="alert" className="text-sm text-red-800">
                                {toggle.error.message}
                              </p>
                            ) : null}
                          </div>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>

              <p className={nextPassed ? "rounded bg-amber-100 px-3 py-2 font-semibold text-amber-900" : "text-slate-700"}>
                {conversation.nextOn ? t("nextOn", { date: longDate(conversation.nextOn) }) : t("noNextOn")}
                {nextPassed ? ` — ${t("nextOnPassed")}` : null}
              </p>
            </article>
          </li>
        );
      })}
    </ol>
  );
}
