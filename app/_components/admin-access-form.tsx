"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { type AdminPerson, REASON_MAX } from "@/server/services/organisation/organisation.schemas";
import { CheckboxField } from "./checkbox-field";
import { MutationStatus } from "./mutation-status";
import { SubmitRow } from "./submit-row";
import { TextAreaField } from "./text-area-field";
import { useFieldErrors } from "./use-field-errors";

/** HR and admin rights, and whether the person is active (leaving ends their sessions at once). */
export function AdminAccessForm({ person }: { person: AdminPerson }) {
  const t = useTranslations("adminPeople");
  const trpc = useTRPC();
  const router = useRouter();
  const [rights, setRights] = useState({ isHr: person.isHr, isAdmin: person.isAdmin });
  const [reason, setReason] = useState("");
  const onSuccess = () => router.refresh();
  const access = useMutation(trpc.organisation.setAccess.mutationOptions({ onSuccess }));
  const deactivate = useMutation(trpc.organisation.deactivate.mutationOptions({ onSuccess }));
  const reactivate = useMutation(trpc.organisation.reactivate.mutationOptions({ onSuccess }));
  const { errorFor } = useFieldErrors(deactivate.error);
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <form
        noValidate
        aria-labelledby="access-heading"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          access.mutate({ personId: person.id, ...rights });
        }}
      >
        <h2 id="access-heading" className="text-lg font-semibold">
          {t("accessHeading")}
        </h2>
        <CheckboxField id="isHr" label={t("fields.isHr")} checked={rights.isHr} onChange={(isHr) => setRights({ ...rights, isHr })} />
        <CheckboxField id="isAdmin" label={t("fields.isAdmin")} checked={rights.isAdmin} onChange={(isAdmin) => setRights({ ...rights, isAdmin })} />
        <SubmitRow label={t("saveAccess")} pending={access.isPending} success={access.isSuccess ? t("saved") : null} error={access.error?.message} />
      </form>
      {person.active ? (
        <form
          noValidate
          aria-labelledby="deactivate-heading"
          className="space-y-3 border-t border-slate-200 pt-4"
          onSubmit={(event) => {
            event.preventDefault();
            deactivate.mutate({ personId: person.id, reason });
          }}
        >
          <h2 id="deactivate-heading" className="text-lg font-semibold">
            {t("deactivateHeading")}
          </h2>
          <p className="text-sm text-slate-700">{t("deactivateIntro")}</p>
          <TextAreaField id="deactivate-reason" label={t("fields.reason")} error={errorFor("reason")} maxLength={REASON_MAX} value={reason} onChange={setReason} />
          <SubmitRow label={t("deactivate")} pending={deactivate.isPending} error={deactivate.error?.message} tone="danger" />
        </form>
      ) : (
        <div className="space-y-3 border-t border-slate-200 pt-4">
          <p>{t("inactiveSince", { date: person.leftOn ?? "—" })}</p>
          <div className="flex items-center gap-4">
            <button
              type="button"
              disabled={reactivate.isPending}
              onClick={() => reactivate.mutate({ personId: person.id })}
              className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t("reactivate")}
            </button>
            <MutationStatus error={reactivate.error?.message} />
          </div>
        </div>
      )}
    </div>
  );
}
