"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { type AdminPerson, type OrganisationMoveKind, organisationMoveKinds, type OrganisationOptions } from "@/server/services/organisation/organisation.schemas";
import { DepartmentOptions, idOrNull, LevelOptions, PersonOptions, RoleOptions } from "./admin-options";
import { SubmitRow } from "./submit-row";
import { SelectField } from "./select-field";
import { useFieldErrors } from "./use-field-errors";

/** The primary post: department, role, level and manager change together, recorded in the moves ledger with a kind. */
export function AdminPostForm({ person, options, locale }: { person: AdminPerson; options: OrganisationOptions; locale: string }) {
  const t = useTranslations("adminPeople");
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<OrganisationMoveKind>("transfer");
  const [post, setPost] = useState({ departmentId: String(person.departmentId), roleId: String(person.roleId), level: String(person.level), managerId: person.managerId === null ? "" : String(person.managerId) });
  const change = useMutation(trpc.organisation.changePost.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(change.error);
  return (
    <form
      noValidate
      aria-labelledby="post-form-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({ personId: person.id, kind, departmentId: Number(post.departmentId), roleId: Number(post.roleId), level: Number(post.level), managerId: idOrNull(post.managerId) });
      }}
    >
      <h2 id="post-form-heading" className="text-lg font-semibold">
        {t("postHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("postIntro")}</p>
      <div className="grid gap-4 md:grid-cols-2">
        <SelectField id="post-departmentId" label={t("fields.department")} error={errorFor("departmentId")} value={post.departmentId} onChange={(value) => setPost({ ...post, departmentId: value })}>
          <DepartmentOptions options={options} locale={locale} />
        </SelectField>
        <SelectField id="post-roleId" label={t("fields.role")} error={errorFor("roleId")} value={post.roleId} onChange={(value) => setPost({ ...post, roleId: value })}>
          <RoleOptions options={options} locale={locale} />
        </SelectField>
        <SelectField id="post-level" label={t("fields.level")} error={errorFor("level")} width="w-24" value={post.level} onChange={(value) => setPost({ ...post, level: value })}>
          <LevelOptions />
        </SelectField>
        <SelectField id="post-managerId" label={t("fields.manager")} error={errorFor("managerId")} value={post.managerId} onChange={(value) => setPost({ ...post, managerId: value })}>
          <PersonOptions options={options} locale={locale} except={person.id} />
        </SelectField>
        <SelectField
          id="post-kind"
          label={t("fields.kind")}
          hint={t("kindHint")}
          error={errorFor("kind")}
          value={kind}
          onChange={(value) => {
            const chosen = organisationMoveKinds.find((candidate) => candidate === value);
            if (chosen) setKind(chosen);
          }}
        >
          {organisationMoveKinds.map((candidate) => (
            <option key={candidate} value={candidate}>
              {t(`kinds.${candidate}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <SubmitRow label={t("changePost")} pending={change.isPending} success={change.isSuccess ? t("saved") : null} error={change.error?.message} />
    </form>
  );
}
