"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { pick } from "@/app/_i18n/localized";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { DEPARTMENT_CODE_MAX, DEPARTMENT_NAME_MAX, type DepartmentNode, type OrganisationOptions } from "@/server/services/organisation/organisation.schemas";
import { DepartmentOptions, idOrNull, PersonOptions } from "./admin-options";
import { SubmitRow } from "./submit-row";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";

/** Edits one department: names in both languages, its parent (a loop is refused by the server), its head. */
export function AdminDepartmentForm({ department, options, locale }: { department: DepartmentNode; options: OrganisationOptions; locale: string }) {
  const t = useTranslations("adminDepartments");
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState({
    nameJa: department.name.ja,
    nameEn: department.name.en,
    parentId: department.parentId === null ? "" : String(department.parentId),
    headId: department.headId === null ? "" : String(department.headId),
  });
  const update = useMutation(trpc.organisation.updateDepartment.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(update.error);
  const prefix = `department-${department.id}`;
  return (
    <form
      noValidate
      aria-label={t("editOf", { name: pick(department.name, locale) })}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ departmentId: department.id, nameJa: values.nameJa, nameEn: values.nameEn, parentId: idOrNull(values.parentId), headId: idOrNull(values.headId) });
      }}
    >
      <div className="grid gap-3 md:grid-cols-2">
        <TextField id={`${prefix}-nameJa`} label={t("fields.nameJa")} error={errorFor("nameJa")} maxLength={DEPARTMENT_NAME_MAX} value={values.nameJa} onChange={(nameJa) => setValues({ ...values, nameJa })} />
        <TextField id={`${prefix}-nameEn`} label={t("fields.nameEn")} error={errorFor("nameEn")} maxLength={DEPARTMENT_NAME_MAX} value={values.nameEn} onChange={(nameEn) => setValues({ ...values, nameEn })} />
        <SelectField id={`${prefix}-parentId`} label={t("fields.parent")} error={errorFor("parentId")} value={values.parentId} onChange={(parentId) => setValues({ ...values, parentId })}>
          <option value="">{t("topLevel")}</option>
          <DepartmentOptions options={options} locale={locale} />
        </SelectField>
        <SelectField id={`${prefix}-headId`} label={t("fields.head")} error={errorFor("headId")} value={values.headId} onChange={(headId) => setValues({ ...values, headId })}>
          <PersonOptions options={options} locale={locale} />
        </SelectField>
      </div>
      <SubmitRow label={t("save")} pending={update.isPending} success={update.isSuccess ? t("saved") : null} error={update.error?.message} />
    </form>
  );
}

/** A new department, at the top or under a parent. */
export function AdminNewDepartmentForm({ options, locale }: { options: OrganisationOptions; locale: string }) {
  const t = useTranslations("adminDepartments");
  const trpc = useTRPC();
  const router = useRouter();
  const empty = { code: "", nameJa: "", nameEn: "", parentId: "" };
  const [values, setValues] = useState(empty);
  const create = useMutation(
    trpc.organisation.createDepartment.mutationOptions({
      onSuccess: () => {
        setValues(empty);
        router.refresh();
      },
    }),
  );
  const { errorFor } = useFieldErrors(create.error);
  return (
    <form
      noValidate
      aria-labelledby="new-department-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate({ code: values.code, nameJa: values.nameJa, nameEn: values.nameEn, parentId: idOrNull(values.parentId) });
      }}
    >
      <h2 id="new-department-heading" className="text-lg font-semibold">
        {t("newHeading")}
      </h2>
      <div className="grid gap-3 md:grid-cols-2">
        <TextField id="new-code" label={t("fields.code")} hint={t("codeHint")} error={errorFor("code")} maxLength={DEPARTMENT_CODE_MAX} value={values.code} onChange={(code) => setValues({ ...values, code })} />
        <SelectField id="new-parentId" label={t("fields.parent")} error={errorFor("parentId")} value={values.parentId} onChange={(parentId) => setValues({ ...values, parentId })}>
          <option value="">{t("topLevel")}</option>
          <DepartmentOptions options={options} locale={locale} />
        </SelectField>
        <TextField id="new-nameJa" label={t("fields.nameJa")} error={errorFor("nameJa")} maxLength={DEPARTMENT_NAME_MAX} value={values.nameJa} onChange={(nameJa) => setValues({ ...values, nameJa })} />
        <TextField id="new-nameEn" label={t("fields.nameEn")} error={errorFor("nameEn")} maxLength={DEPARTMENT_NAME_MAX} value={values.nameEn} onChange={(nameEn) => setValues({ ...values, nameEn })} />
      </div>
      <SubmitRow label={t("create")} pending={create.isPending} success={create.isSuccess ? t("created") : null} error={create.error?.message} />
    </form>
  );
}
