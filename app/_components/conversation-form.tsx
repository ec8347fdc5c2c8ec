"use client";

import { useMutation } from "@tanstack/react-query";
import { useNow, useTimeZone, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { CONVERSATION_NOTES_MAX, MAX_NEXT_STEPS, STEP_DESCRIPTION_MAX } from "@/server/services/conversations/conversation.schemas";
import { calendarDateIn } from "./conversation-list";
import { describedBy, errorId, FieldError } from "./field";
import { SelectField } from "./select-field";
import { TextAreaField } from "./text-area-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";
import { MutationStatus } from "./mutation-status";

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
  const { errorFor } = useFieldErrors(record.error);

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
          <TextField id={`${id}-heldOn`} label={t("heldOn")} error={errorFor("heldOn")} type="date" required max={today} value={heldOn} onChange={setHeldOn} width="w-auto" />
          <TextField id={`${id}-nextOn`} label={t("nextOn")} error={errorFor("nextOn")} type="date" value={nextOn} onChange={setNextOn} width="w-auto" />
        </div>

        <TextAreaField
          id={`${id}-sharedNotes`}
          label={t("sharedNotes")}
          hint={t("sharedNotesHint", { name: personName })}
          error={errorFor("sharedNotes")}
          rows={5}
          maxLength={CONVERSATION_NOTES_MAX}
          value={sharedNotes}
          onChange={setSharedNotes}
        />

        <TextAreaField
          id={`${id}-privateNotes`}
          className="flex flex-col gap-1 rounded border-2 border-dashed border-amber-500 bg-amber-50 p-4"
          label={
            <span className="flex items-center gap-2 text-amber-900">
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4 shrink-0">
                <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
              </svg>
              {t("privateNotes")}
            </span>
          }
          hint={<span className="text-amber-900">{t("privateNotesHint", { name: personName })}</span>}
          error={errorFor("privateNotes")}
          rows={3}
          maxLength={CONVERSATION_NOTES_MAX}
          value={privateNotes}
          onChange={setPrivateNotes}
        />

        <fieldset className="space-y-3" aria-describedby={describedBy(`${id}-steps-hint`, errorFor("steps") && errorId(`${id}-steps`))}>
          <legend className="font-medium">{t("steps")}</legend>
          <p id={`${id}-steps-hint`} className="text-sm text-slate-600">
            {t("stepsHint", { max: MAX_NEXT_STEPS })}
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
                        <TextField
                          id={`${base}-description`}
                          className="flex min-w-60 flex-1 flex-col gap-1"
                          label={t("description")}
                          error={errorFor(`${path}.description`)}
                          compact
                          maxLength={STEP_DESCRIPTION_MAX}
                          value={step.description}
                          onChange={(description) => updateStep(step.key, { description })}
                        />
                        <SelectField
                          id={`${base}-owner`}
                          label={t("owner")}
                          error={errorFor(`${path}.ownerId`)}
                          compact
                          width="w-auto"
                          value={step.ownerId}
                          onChange={(ownerId) => updateStep(step.key, { ownerId })}
                        >
                          <option value={personId}>{personName}</option>
                          <option value={managerId}>{t("ownerMe", { name: managerName })}</option>
                        </SelectField>
                        <TextField
                          id={`${base}-dueOn`}
                          label={t("dueOn")}
                          error={errorFor(`${path}.dueOn`)}
                          compact
                          type="date"
                          width="w-auto"
                          value={step.dueOn}
                          onChange={(dueOn) => updateStep(step.key, { dueOn })}
                        />
                        <button
                          type="button"
                          onClick={() => removeStep(step.key)}
                          className="rounded border border-slate-400 px-3 py-2 text-slate-800 hover:bg-slate-100"
                        >
                          {t("removeStep", { number: index + 1 })}
                        </button>
                      </div>
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
            disabled={steps.length >= MAX_NEXT_STEPS}
            className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-50"
          >
            {t("addStep")}
          </button>
          <FieldError id={errorId(`${id}-steps`)} error={errorFor("steps")} />
        </fieldset>

        <div className="flex flex-wrap items-center gap-4 border-t border-slate-100 pt-5">
          <button type="submit" disabled={record.isPending} className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("submit")}
          </button>
          <MutationStatus
            className="min-h-7 text-sm"
            pending={record.isPending ? t("submitting") : null}
            success={record.isSuccess ? <span className="font-medium text-emerald-800">{t("recorded")}</span> : null}
            error={record.error?.message}
          />
        </div>
      </form>
    </section>
  );
}
