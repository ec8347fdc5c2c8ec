"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { MOTIVATION_MAX } from "@/server/services/applications/application.schemas";
import { SCOUT_MESSAGE_MAX } from "@/server/services/scouting/scouting.schemas";
import { FormActions } from "./form-actions";
import { TextAreaField } from "./text-area-field";
import { useFieldErrors } from "./use-field-errors";

/** A status line that always takes its space, so a message appearing never moves the page. */
function Status({ error, success }: { error: string | null | undefined; success?: string | null }) {
  return (
    <p aria-live="polite" className="min-h-6 text-sm">
      {error ? (
        <span role="alert" className="text-red-800">
          {error}
        </span>
      ) : (
        (success ?? null)
      )}
    </p>
  );
}

/** "Not interested": hides a posting from the viewer's recommendations for good. */
export function NotInterestedButton({ opportunityId, title }: { opportunityId: number; title: string }) {
  const t = useTranslations("recommendations");
  const trpc = useTRPC();
  const router = useRouter();
  const hide = useMutation(trpc.matching.notInterested.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-col items-start gap-1">
      <button
        type="button"
        aria-label={t("notInterestedLabel", { title })}
        disabled={hide.isPending || hide.isSuccess}
        onClick={() => hide.mutate({ opportunityId })}
        className="rounded border border-slate-400 px-3 py-1.5 text-sm font-medium text-slate-900 hover:bg-slate-100 disabled:opacity-60"
      >
        {t("notInterested")}
      </button>
      <Status error={hide.error?.message} success={hide.isSuccess ? t("hidden") : null} />
    </div>
  );
}

/**
 * 社内FA: invites a suggested candidate, known to the hiring manager only by the opaque key the
 * candidates list gave. The message is required; the form opens on demand so 50 candidates do not
 * mean 50 text areas.
 */
export function InviteForm({ opportunityId, candidateKey, candidateLabel }: { opportunityId: number; candidateKey: string; candidateLabel: string }) {
  const t = useTranslations("candidates");
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [missing, setMissing] = useState(false);
  const invite = useMutation(trpc.scout.invite.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor, serverErrors } = useFieldErrors(invite.error, { message: missing && t("messageMissing") });
  const messageId = `${formId}-message`;
  const label = t("inviteLabel", { name: candidateLabel });

  return (
    <div className="flex flex-col gap-2">
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={formId}
        aria-label={label}
        onClick={() => setOpen(!open)}
        className="self-start rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800"
      >
        {t("invite")}
      </button>
      <form
        id={formId}
        hidden={!open}
        noValidate
        aria-label={label}
        onSubmit={(event) => {
          event.preventDefault();
          if (!message.trim()) return setMissing(true);
          setMissing(false);
          invite.mutate({ opportunityId, candidateKey, message: message.trim() });
        }}
        className="space-y-3 rounded border border-slate-300 bg-slate-50 p-3"
      >
        <TextAreaField id={messageId} label={t("message")} hint={t("messageHint")} error={errorFor("message")} value={message} onChange={setMessage} rows={4} maxLength={SCOUT_MESSAGE_MAX} required compact />
        <FormActions
          submitLabel={invite.isPending ? t("sending") : t("send")}
          disabled={invite.isPending || invite.isSuccess}
          onCancel={() => {
            setOpen(false);
            setMissing(false);
            toggleRef.current?.focus();
          }}
        />
        <Status error={invite.error && !serverErrors.message ? invite.error.message : null} />
      </form>
    </div>
  );
}

/**
 * The invited person's answer: a casual interview, an application (with a motivation, as when
 * applying directly), or no. Each answer is sent once; the page then shows the new status.
 */
export function ScoutAnswer({ inviteId, title }: { inviteId: number; title: string }) {
  const t = useTranslations("scouts");
  const trpc = useTRPC();
  const router = useRouter();
  const formId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [applying, setApplying] = useState(false);
  const [motivation, setMotivation] = useState("");
  const [missing, setMissing] = useState(false);
  const respond = useMutation(trpc.scout.respond.mutationOptions({ onSuccess: () => router.refresh() }));
  const busy = respond.isPending || respond.isSuccess;
  const { errorFor, serverErrors } = useFieldErrors(respond.error, { motivation: missing && t("motivationMissing") });
  const motivationId = `${formId}-motivation`;

  return (
    <div role="group" aria-label={t("answerGroup", { title })} className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={busy}
          onClick={() => respond.mutate({ inviteId, response: "casual_interview" })}
          className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t("casualInterview")}
        </button>
        <button
          ref={toggleRef}
          type="button"
          disabled={busy}
          aria-expanded={applying}
          aria-controls={formId}
          onClick={() => setApplying(!applying)}
          className="rounded border border-brand-700 px-3 py-1.5 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
        >
          {t("apply")}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => respond.mutate({ inviteId, response: "decline" })}
          className="rounded border border-slate-400 px-3 py-1.5 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60"
        >
          {t("decline")}
        </button>
      </div>
      <form
        id={formId}
        hidden={!applying}
        noValidate
        aria-label={t("apply")}
        onSubmit={(event) => {
          event.preventDefault();
          if (!motivation.trim()) return setMissing(true);
          setMissing(false);
          respond.mutate({ inviteId, response: "application", motivation: motivation.trim() });
        }}
        className="space-y-3 rounded border border-slate-300 bg-slate-50 p-3"
      >
        <TextAreaField
          id={motivationId}
          label={t("motivation")}
          hint={t("motivationHint")}
          error={errorFor("motivation")}
          value={motivation}
          onChange={setMotivation}
          rows={5}
          maxLength={MOTIVATION_MAX}
          required
          compact
        />
        <FormActions
          submitLabel={t("sendApplication")}
          disabled={busy}
          onCancel={() => {
            setApplying(false);
            setMissing(false);
            toggleRef.current?.focus();
          }}
        />
      </form>
      <Status error={respond.error && !serverErrors.motivation ? respond.error.message : null} success={respond.isSuccess ? t("answered") : null} />
    </div>
  );
}
