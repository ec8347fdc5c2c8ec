"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Link } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { MOTIVATION_MAX } from "@/server/services/applications/application.schemas";
import { newIdempotencyKey } from "@/app/_trpc/idempotency-key";
import { TextAreaField } from "./text-area-field";
import { useFieldErrors } from "./use-field-errors";
import { MutationStatus } from "./mutation-status";

type Props = {
  opportunityId: number;
  /** The applicant's own Will, as context for the motivation. */
  will: { statement: string; shareWithMatching: boolean };
};

/**
 * Applying: a motivation written next to one's own Will. The form holds one idempotency key for
 * its lifetime, so a double click or a retried request applies once.
 */
export function ApplyForm({ opportunityId, will }: Props) {
  const t = useTranslations("opportunities.apply");
  const trpc = useTRPC();
  const router = useRouter();
  const keyRef = useRef<string | null>(null);
  const [motivation, setMotivation] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = useMutation(trpc.application.submit.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor, serverErrors } = useFieldErrors(submit.error, { motivation: missing && t("motivationMissing") });
  const statement = will.statement.trim();

  return (
    <section aria-labelledby="apply-heading" className="space-y-4 rounded-lg border border-brand-100 bg-white p-6 shadow-sm">
      <h2 id="apply-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div className="rounded border border-slate-200 bg-slate-50 p-4">
        <h3 className="text-sm font-semibold text-slate-700">{t("willHeading")}</h3>
        {statement ? <p className="mt-1 whitespace-pre-wrap">{statement}</p> : <p className="mt-1 text-slate-700">{t("noWill")}</p>}
        <p className="mt-2 text-sm text-slate-700">{will.shareWithMatching ? t("willShared") : t("willNotShared")}</p>
        <Link href="/will" className="mt-1 inline-block text-sm text-brand-700 underline">
          {statement ? t("editWill") : t("writeWill")}
        </Link>
      </div>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          if (!motivation.trim()) return setMissing(true);
          setMissing(false);
          keyRef.current ??= newIdempotencyKey();
          submit.mutate({ opportunityId, motivation: motivation.trim(), idempotencyKey: keyRef.current });
        }}
      >
        <TextAreaField
          id="motivation"
          name="motivation"
          label={t("motivation")}
          hint={t("motivationHint")}
          error={errorFor("motivation")}
          rows={6}
          maxLength={MOTIVATION_MAX}
          required
          value={motivation}
          onChange={setMotivation}
        />
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={submit.isPending || submit.isSuccess}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {submit.isPending ? t("submitting") : t("submit")}
          </button>
          <MutationStatus success={submit.isSuccess ? t("submitted") : null} error={serverErrors.motivation ? null : submit.error?.message} />
        </div>
      </form>
    </section>
  );
}
