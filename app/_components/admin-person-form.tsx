"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { EMAIL_MAX, EMPLOYEE_NUMBER_MAX, NAME_MAX, type AdminPerson, type OrganisationOptions } from "@/server/services/organisation/organisation.schemas";
import { DepartmentOptions, idOrNull, LevelOptions, PersonOptions, RoleOptions } from "./admin-options";
import { SubmitRow } from "./submit-row";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";

const textFields = [
  ["employeeNumber", EMPLOYEE_NUMBER_MAX],
  ["familyName", NAME_MAX],
  ["givenName", NAME_MAX],
  ["familyNameKana", NAME_MAX],
  ["givenNameKana", NAME_MAX],
  ["businessName", NAME_MAX],
  ["romanizedName", NAME_MAX],
  ["email", EMAIL_MAX],
] as const;
type TextFieldName = (typeof textFields)[number][0];

/**
 * A person's identity (numbers, names and readings, e-mail, hire date). Creating also places them
 * in their first post; an existing person's post changes through the post form, which records the move.
 */
export function AdminPersonForm({ person, options, locale }: { person: AdminPerson | null; options: OrganisationOptions; locale: string }) {
  const t = useTranslations("adminPeople");
  const trpc = useTRPC();
  const router = useRouter();
  const [values, setValues] = useState<Record<TextFieldName | "hiredOn", string>>({
    employeeNumber: person?.employeeNumber ?? "",
    familyName: person?.familyName ?? "",
    givenName: person?.givenName ?? "",
    familyNameKana: person?.familyNameKana ?? "",
    givenNameKana: person?.givenNameKana ?? "",
    businessName: person?.businessName ?? "",
    romanizedName: person?.romanizedName ?? "",
    email: person?.email ?? "",
    hiredOn: person?.hiredOn ?? "",
  });
  const [post, setPost] = useState({ departmentId: String(options.departments[0]?.id ?? ""), roleId: String(options.roles[0]?.id ?? ""), level: "1", managerId: "" });
  const create = useMutation(trpc.organisation.createPerson.mutationOptions({ onSuccess: ({ id }) => router.push(`/admin/people/${id}`) }));
  const update = useMutation(trpc.organisation.updatePerson.mutationOptions({ onSuccess: () => router.refresh() }));
  const mutation = person ? update : create;
  const { errorFor } = useFieldErrors(mutation.error);

  return (
    <form
      noValidate
      aria-labelledby="person-form-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (person) update.mutate({ ...values, personId: person.id });
        else create.mutate({ ...values, departmentId: Number(post.departmentId), roleId: Number(post.roleId), level: Number(post.level), managerId: idOrNull(post.managerId) });
      }}
    >
      <h2 id="person-form-heading" className="text-lg font-semibold">
        {t("detailsHeading")}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        {textFields.map(([field, maxLength]) => (
          <TextField
            key={field}
            id={field}
            name={field}
            label={t(`fields.${field}`)}
            hint={field === "familyNameKana" || field === "givenNameKana" ? t("kanaHint") : field === "businessName" ? t("businessNameHint") : undefined}
            error={errorFor(field)}
            type={field === "email" ? "email" : "text"}
            maxLength={maxLength}
            value={values[field]}
            onChange={(value) => setValues({ ...values, [field]: value })}
          />
        ))}
        <TextField id="hiredOn" name="hiredOn" label={t("fields.hiredOn")} error={errorFor("hiredOn")} type="date" width="w-48" value={values.hiredOn} onChange={(value) => setValues({ ...values, hiredOn: value })} />
      </div>
      {person ? null : (
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 font-semibold">{t("firstPost")}</legend>
          <SelectField id="new-departmentId" label={t("fields.department")} error={errorFor("departmentId")} value={post.departmentId} onChange={(value) => setPost({ ...post, departmentId: value })}>
            <DepartmentOptions options={options} locale={locale} />
          </SelectField>
          <SelectField id="new-roleId" label={t("fields.role")} error={errorFor("roleId")} value={post.roleId} onChange={(value) => setPost({ ...post, roleId: value })}>
            <RoleOptions options={options} locale={locale} />
          </SelectField>
          <SelectField id="new-level" label={t("fields.level")} error={errorFor("level")} width="w-24" value={post.level} onChange={(value) => setPost({ ...post, level: value })}>
            <LevelOptions />
          </SelectField>
          <SelectField id="new-managerId" label={t("fields.manager")} error={errorFor("managerId")} value={post.managerId} onChange={(value) => setPost({ ...post, managerId: value })}>
            <PersonOptions options={options} locale={locale} />
          </SelectField>
        </fieldset>
      )}
      <SubmitRow label={person ? t("save") : t("create")} pending={mutation.isPending} success={update.isSuccess ? t("saved") : null} error={mutation.error?.message} />
    </form>
  );
}
