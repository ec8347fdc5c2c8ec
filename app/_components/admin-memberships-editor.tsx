"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { pick } from "@/app/_i18n/localized";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import type { AdminPerson, MembershipView, OrganisationOptions } from "@/server/services/organisation/organisation.schemas";
import { DepartmentOptions, RoleOptions } from "./admin-options";
import { MutationStatus } from "./mutation-status";
import { SubmitRow } from "./submit-row";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";

/** Concurrent posts (兼務): the list with an end date for each open one, and a form to add one. */
export function AdminMembershipsEditor({ person, options, locale, today }: { person: AdminPerson; options: OrganisationOptions; locale: string; today: string }) {
  const t = useTranslations("adminPeople");
  const trpc = useTRPC();
  const router = useRouter();
  const firstOther = options.departments.find((department) => department.id !== person.departmentId);
  const [post, setPost] = useState({ departmentId: String(firstOther?.id ?? ""), roleId: String(options.roles[0]?.id ?? ""), timePercent: "20", startOn: today, endOn: "" });
  const add = useMutation(
    trpc.organisation.addMembership.mutationOptions({
      onSuccess: () => {
        setPost({ ...post, endOn: "" });
        router.refresh();
      },
    }),
  );
  const { errorFor } = useFieldErrors(add.error);
  return (
    <section aria-labelledby="memberships-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="memberships-heading" className="text-lg font-semibold">
        {t("membershipsHeading")}
      </h2>
      <p className="text-sm text-slate-700">{t("membershipsIntro")}</p>
      {person.memberships.length === 0 ? (
        <p className="text-slate-700">{t("noMemberships")}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {person.memberships.map((membership) => (
            <MembershipRow key={membership.id} membership={membership} locale={locale} today={today} />
          ))}
        </ul>
      )}
      {person.active ? (
        <form
          noValidate
          aria-labelledby="add-membership-heading"
          className="space-y-3 border-t border-slate-200 pt-4"
          onSubmit={(event) => {
            event.preventDefault();
            add.mutate({
              personId: person.id,
              departmentId: Number(post.departmentId),
              roleId: Number(post.roleId),
              timePercent: Number(post.timePercent),
              startOn: post.startOn,
              endOn: post.endOn === "" ? null : post.endOn,
            });
          }}
        >
          <h3 id="add-membership-heading" className="font-semibold">
            {t("addMembership")}
          </h3>
          <div className="grid gap-4 md:grid-cols-2">
            <SelectField id="membership-departmentId" label={t("fields.department")} error={errorFor("departmentId")} value={post.departmentId} onChange={(value) => setPost({ ...post, departmentId: value })}>
              <DepartmentOptions options={options} locale={locale} />
            </SelectField>
            <SelectField id="membership-roleId" label={t("fields.role")} error={errorFor("roleId")} value={post.roleId} onChange={(value) => setPost({ ...post, roleId: value })}>
              <RoleOptions options={options} locale={locale} />
            </SelectField>
            <TextField
              id="membership-timePercent"
              label={t("fields.timePercent")}
              error={errorFor("timePercent")}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              width="w-28"
              value={post.timePercent}
              onChange={(value) => setPost({ ...post, timePercent: value })}
            />
            <TextField id="membership-startOn" label={t("fields.startOn")} error={errorFor("startOn")} type="date" width="w-48" value={post.startOn} onChange={(value) => setPost({ ...post, startOn: value })} />
            <TextField id="membership-endOn" label={t("fields.endOn")} hint={t("endOnHint")} error={errorFor("endOn")} type="date" width="w-48" value={post.endOn} onChange={(value) => setPost({ ...post, endOn: value })} />
          </div>
          <SubmitRow label={t("addMembership")} pending={add.isPending} success={add.isSuccess ? t("saved") : null} error={add.error?.message} />
        </form>
      ) : null}
    </section>
  );
}

/** One concurrent post; an open one can be given its last day. */
function MembershipRow({ membership, locale, today }: { membership: MembershipView; locale: string; today: string }) {
  const t = useTranslations("adminPeople");
  const trpc = useTRPC();
  const router = useRouter();
  const [endOn, setEndOn] = useState(today);
  const end = useMutation(trpc.organisation.endMembership.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(end.error);
  const label = `${pick(membership.department, locale)} · ${pick(membership.role, locale)}`;
  return (
    <li className="flex flex-wrap items-end gap-x-4 gap-y-2 py-3">
      <div className="grow">
        <p className="font-medium">
          <span className="mr-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-800">{t("concurrent")}</span>
          {label}
        </p>
        <p className="text-sm text-slate-700">{t("membershipFacts", { percent: membership.timePercent, start: membership.startOn, end: membership.endOn ?? "—" })}</p>
      </div>
      {membership.endOn === null ? (
        <form
          noValidate
          className="flex items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            end.mutate({ membershipId: membership.id, endOn });
          }}
        >
          <TextField id={`end-${membership.id}`} label={t("lastDayOf", { post: label })} error={errorFor("endOn")} type="date" width="w-44" compact value={endOn} onChange={setEndOn} />
          <button type="submit" disabled={end.isPending} className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50 disabled:opacity-60">
            {t("endMembership")}
          </button>
          <MutationStatus error={end.error?.message} />
        </form>
      ) : null}
    </li>
  );
}
