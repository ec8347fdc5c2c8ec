"use client";

import { useMutation } from "@tanstack/react-query";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { calendarDateIn } from "./conversation-list";

const MAX_STEPS = 20;
const NOTES_MAX = 10_000;

type StepRow = { key: number; description: string; ownerId: string; dueOn: string };

type Props = {
  personId: number;
  personName: string;
  managerId: number;
  managerName: string;
  /** The level of the form's heading, to fit the page's outline (3 inside a section). */
  headingLevel?: 2 | 3;
};

/**
 * The direct manager records a career conversation with a report: shared notes (the report reads
 * them), private notes (only the author ever does), next steps with owners and due dates, and the
 * next date. The server checks that the caller manages this person and that each step's owner is
 * one of the two.
 */
export function ConversationForm({ personId, personName, managerId, managerName, headingLevel = 3 }: Props) {
  const t = useTranslations("conversations.form");
  const trpc = useTRPC();
  const router = useRouter();
  const id = useId();
  const today = calendarDateIn(useNow(), useTimeZone());
  const addStepRef = useRef<HTMLButtonElement>(null);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const [heldOn, setHeldOn] = useState(today);
  const [sharedNotes, setSharedNotes] = useState("");
  const [privateNotes, setPrivateNotes] = useState("");
  const [nextOn, setNextOn] = useState("");
  const [steps, setSteps] = useState<StepRow[]>([]);

  const record = useMutation(
    trpc.conversation.record.mutationOptions({
      onSuccess: () => {
        setSharedNotes("");
        setPrivateNotes("");
        setNextOn("");
        setSteps([]);
        router.refresh();
      },
    }),
  );
  const fieldErrors: Record<string, string> = record.error?.data?.fieldErrors ?? {};
  const errorId = (field: string) => `${id}-${field.replaceAll(".", "-")}-error`;
  const describedBy = (field: string, ...others: string[]) => [...others, ...(fieldErrors[field] ? [errorId(field)] : [])].join(" ") || undefined;
  const invalid = (field: string) => (fieldErrors[field] ? true : undefined);
  const fieldError = (field: string) =>
    fieldErrors[field] ? (
      <p id={errorId(field)} className="text-sm text-red-800">
        {fieldErrors[field]}
      </p>
    ) : null;

  function updateStep(key: number, change: Partial<StepRow>) {
    setSteps(steps.map((step) => (step.key === key ? { ...step, ...change } : step)));
  }

  function addStep() {
    const key = steps.reduce((max, step) => Math.max(max, step.key), 0) + 1;
    setSteps([...steps, { key, description: "", ownerId: String(personId), dueOn: "" }]);
    // Errors are keyed by row position; once rows change they would point at the wrong row.
    record.reset();
    requestAnimationFrame(() => document.getElementById(`${id}-step-${key}-description`)?.focus());
  }

  function removeStep(key: number) {
    setSteps(steps.filter((step) => step.key !== key));
    record.reset();
    addStepRef.current?.focus();
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <Heading id={`${id}-title`} className="text-lg font-semibold">
        {t("title")}
      </Heading>
      <p className="mt-1 text-sm text-slate-700">{t("intro", { name: personName })}</p>
      <form
        noValidate
        className="mt-4 space-y-5"
        onSubmit={(event) => {
          event.preventDefault();
          record.mutate({
            personId,
            heldOn,
            sharedNotes,
            privateNotes,
            nextOn: nextOn || null,
            steps: steps.map((step) => ({ description: step.description, ownerId: Number(step.ownerId), dueOn: step.dueOn || null })),
          });
        }}
      >
        <div className="flex flex-wrap gap-6">
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-heldOn`} className="font-medium">
              {t("heldOn")}
            </label>
            <input
              id={`${id}-heldOn`}
              type="date"
              required
              value={heldOn}
              max={today}
              onChange={(event) => setHeldOn(event.target.value)}
              aria-invalid={invalid("heldOn")}
              aria-describedby={describedBy("heldOn")}
              className="rounded border border-slate-400 px-3 py-2"
            />
            {fieldError("heldOn")}
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-nextOn`} className="font-medium">
              {t("nextOn")}
            </label>
            <input
              id={`${id}-nextOn`}
              type="date"
              value={nextOn}
              onChange={(event) => setNextOn(event.target.value)}
              aria-invalid={invalid("nextOn")}
              aria-describedby={describedBy("nextOn")}
              className="rounded border border-slate-400 px-3 py-2"
            />
            {fieldError("nextOn")}
          </div>
        </div>

        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-sharedNotes`} className="font-medium">
            {t("sharedNotes")}
          </label>
          <p id={`${id}-sharedNotes-hint`} className="text-sm text-slate-600">
            {t("sharedNotesHint", { name: personName })}
          </p>
          <textarea
            id={`${id}-sharedNotes`}
            rows={5}
            maxLength={NOTES_MAX}
            value={sharedNotes}
            onChange={(event) => setSharedNotes(event.target.value)}
            aria-invalid={invalid("sharedNotes")}
            aria-describedby={describedBy("sharedNotes", `${id}-sharedNotes-hint`)}
            className="w-full rounded border border-slate-400 px-3 py-2"
          />
          {fieldError("sharedNotes")}
        </div>

        <div className="flex flex-col gap-1 rounded border-2 border-dashed border-amber-500 bg-amber-50 p-4">
          <label htmlFor={`${id}-privateNotes`} className="flex items-center gap-2 font-medium text-amber-900">
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 shrink-0">
              <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
            </svg>
            {t("privateNotes")}
          </label>
          <p id={`${id}-privateNotes-hint`} className="text-sm text-amber-900">
            {t("privateNotesHint", { name: personName })}
          </p>
          <textarea
            id={`${id}-privateNotes`}
            rows={3}
            maxLength={NOTES_MAX}
            value={privateNotes}
            onChange={(event) => setPrivateNotes(event.target.value)}
            aria-invalid={invalid("privateNotes")}
            aria-describedby={describedBy("privateNotes", `${id}-privateNotes-hint`)}
            className="w-full rounded border border-slate-400 bg-white px-3 py-2"
          />
          {fieldError("privateNotes")}
        </div>

        <fieldset className="space-y-3" aria-describedby={describedBy("steps", `${id}-steps-hint`)}>
          <legend className="font-medium">{t("steps")}</legend>
          <p id={`${id}-steps-hint`} className="text-sm text-slate-600">
            {t("stepsHint", { max: MAX_STEPS })}
          </p>
          {steps.length > 0 ? (
            <ol className="space-y-3">
              {steps.map((step, index) => {
                const base = `${id}-step-${step.key}`;
                const path = `steps.${index}`;
                return (
                  <li key={step.key}>
                    <fieldset className="rounded border border-slate-200 p-3">
                      <legend className="px-1 text-sm font-medium text-slate-700">{t("step", { number: index + 1 })}</legend>
                      <div className="flex flex-wrap items-end gap-3">
                        <div className="flex min-w-60 flex-1 flex-col gap-1">
                          <label htmlFor={`${base}-description`} className="text-sm">
                            {t("description")}
                          </label>
                          <input
                            id={`${base}-description`}
                            type="text"
                            maxLength={500}
                            value={step.description}
                            onChange={(event) => updateStep(step.key, { description: event.target.value })}
                            aria-invalid={invalid(`${path}.description`)}
                            aria-describedby={describedBy(`${path}.description`)}
                            className="rounded border border-slate-400 px-3 py-2"
                          />
                        </div>
                        <div className="flex flex-col gap-1">
                          <label htmlFor={`${base}-owner`} className="text-sm">
                            {t("owner")}
                          </label>
                          <select
                            id={`${base}-owner`}
                            value={step.ownerId}
                            onChange={(event) => updateStep(step.key, { ownerId: event.target.value })}
                            aria-invalid={invalid(`${path}.ownerId`)}
                            aria-describedby={describedBy(`${path}.ownerId`)}
                            className="rounded border border-slate-400 px-3 py-2"
                          >
                            <option value={personId}>{personName}</option>
                            <option value={managerId}>{t("ownerMe", { name: managerName })}</option>
                          </select>
                        </div>
                        <div className="flex flex-col gap-1">
                          <label htmlFor={`${base}-dueOn`} className="text-sm">
                            {t("dueOn")}
                          </label>
                          <input
                            id={`${base}-dueOn`}
                            type="date"
                            value={step.dueOn}
                            onChange={(event) => updateStep(step.key, { dueOn: event.target.value })}
                            aria-invalid={invalid(`${path}.dueOn`)}
                            aria-describedby={describedBy(`${path}.dueOn`)}
                            className="rounded border border-slate-400 px-3 py-2"
                          />
                        </div>
                        <button
                          type="button"
                          onClick={() => removeStep(step.key)}
                          className="rounded border border-slate-400 px-3 py-2 text-slate-800 hover:bg-slate-100"
                        >
                          {t("removeStep", { number: index + 1 })}
                        </button>
                      </div>
                      {fieldError(`${path}.description`)}
                      {fieldError(`${path}.ownerId`)}
                      {fieldError(`${path}.dueOn`)}
                    </fieldset>
                  </li>
                );
              })}
            </ol>
          ) : null}
          <button
            ref={addStepRef}
            type="button"
            onClick={addStep}
            disabled={steps.length >= MAX_STEPS}
            className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-50"
          >
            {t("addStep")}
          </button>
          {fieldError("steps")}
        </fieldset>

        <div className="flex flex-wrap items-center gap-4 border-t border-slate-100 pt-5">
          <button type="submit" disabled={record.isPending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("submit")}
          </button>
          <div aria-live="polite" className="min-h-7 text-sm">
            {record.isPending ? t("submitting") : null}
            {record.isSuccess ? <span className="font-medium text-emerald-800">{t("recorded")}</span> : null}
            {record.error ? (
              <span role="alert" className="text-red-800">
                {record.error.message}
              </span>
            ) : null}
          </div>
        </div>
      </form>
    </section>
  );
}
