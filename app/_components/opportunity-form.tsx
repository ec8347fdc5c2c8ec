"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Link, useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import {
  type DepartmentChoice,
  type OpportunityDetail,
  opportunityKinds,
  opportunitySkillKinds,
  workplaces,
} from "@/server/services/opportunities/opportunity.schemas";
import type { AppRouter } from "@/server/trpc/root";
import { type Bilingual, pick } from "./localized";
import { SkillPicker } from "./skill-picker";

type Kind = (typeof opportunityKinds)[number];
type SkillKind = (typeof opportunitySkillKinds)[number];
type Workplace = (typeof workplaces)[number];

export type RoleGroup = { id: number; name: Bilingual; roles: { id: number; name: Bilingual }[] };
type SkillRow = { skillId: number; name: Bilingual; kind: SkillKind; level: number };

type Props = {
  /** The posting being edited; absent when posting a new one. */
  initial?: OpportunityDetail;
  departments: DepartmentChoice[];
  roleGroups: RoleGroup[];
  levelTitles: { level: number; title: Bilingual }[];
};

const inputClass = "w-full rounded border border-slate-400 bg-white px-3 py-2 disabled:bg-slate-100 disabled:text-slate-600";

/**
 * Posting or editing an opportunity. The server validates; its translated messages appear beside
 * each field. An edit carries the version it started from, so it cannot overwrite a newer one.
 */
export function OpportunityForm({ initial, departments, roleGroups, levelTitles }: Props) {
  const t = useTranslations("opportunities.form");
  const tKinds = useTranslations("opportunities");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<Kind>(initial?.kind ?? "transfer");
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [departmentId, setDepartmentId] = useState(String(initial?.departmentId ?? departments[0]?.id ?? ""));
  const [roleId, setRoleId] = useState(initial?.roleId ? String(initial.roleId) : "");
  const [timePercent, setTimePercent] = useState(String(initial?.timePercent ?? 20));
  const [startOn, setStartOn] = useState(initial?.startOn ?? "");
  const [endOn, setEndOn] = useState(initial?.endOn ?? "");
  const [slots, setSlots] = useState(String(initial?.slots ?? 1));
  const [location, setLocation] = useState(initial?.location ?? "");
  const [workplace, setWorkplace] = useState<Workplace>(initial?.workplace ?? "onsite");
  const [skills, setSkills] = useState<SkillRow[]>(
    initial?.skills.map((skill) => ({ skillId: skill.skillId, name: skill.name, kind: skill.kind, level: skill.level })) ?? [],
  );

  const onSaved = (id: number) => router.push(`/opportunities/${id}`);
  const create = useMutation(trpc.opportunity.create.mutationOptions({ onSuccess: (result) => onSaved(result.id) }));
  const update = useMutation(trpc.opportunity.update.mutationOptions({ onSuccess: () => initial && onSaved(initial.id) }));
  const mutation = initial ? update : create;
  const fieldErrors = mutation.error instanceof TRPCClientError ? ((mutation.error as TRPCClientError<AppRouter>).data?.fieldErrors ?? {}) : {};
  const fullTime = kind === "transfer";

  const fields = () => ({
    kind,
    title,
    description,
    departmentId: Number(departmentId),
    roleId: roleId ? Number(roleId) : null,
    // A transfer is the whole job; the server records 100 % whatever is sent.
    timePercent: fullTime ? 100 : Number(timePercent),
    startOn: startOn || null,
    endOn: endOn || null,
    slots: Number(slots),
    location,
    workplace,
    skills: skills.map(({ skillId, kind: skillKind, level }) => ({ skillId, kind: skillKind, level })),
  });

  /** Describes a field by its hint and, when the server refused it, its error. */
  const describedBy = (field: string, hint = false) =>
    [hint ? `${field}-hint` : null, fieldErrors[field] ? `${field}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorFor = (field: string) =>
    fieldErrors[field] ? (
      <p id={`${field}-error`} className="text-sm text-red-800">
        {fieldErrors[field]}
      </p>
    ) : null;

  return (
    <form
      noValidate
      className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        if (initial) update.mutate({ opportunityId: initial.id, expectedVersion: initial.version, ...fields() });
        else create.mutate(fields());
      }}
    >
      <fieldset>
        <legend className="font-medium">{t("kind")}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {opportunityKinds.map((value) => (
            <label key={value} className="flex cursor-pointer gap-2 rounded border border-slate-300 p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} className="mt-1.5" />
              <span>
                <span className="block font-medium">{tKinds(`kind.${value}`)}</span>
                <span className="block text-sm text-slate-700">{tKinds(`kindHint.${value}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {errorFor("kind")}
      </fieldset>

      <div className="flex flex-col gap-1">
        <label htmlFor="title" className="font-medium">
          {t("title")}
        </label>
        <input
          id="title"
          name="title"
          value={title}
          maxLength={120}
          required
          aria-invalid={fieldErrors.title ? true : undefined}
          aria-describedby={describedBy("title")}
          onChange={(event) => setTitle(event.target.value)}
          className={inputClass}
        />
        {errorFor("title")}
      </div>

      <div className="flex flex-col gap-1">
        <label htmlFor="description" className="font-medium">
          {t("description")}
        </label>
        <p id="description-hint" className="text-sm text-slate-600">
          {t("descriptionHint")}
        </p>
        <textarea
          id="description"
          name="description"
          rows={6}
          maxLength={5000}
          value={description}
          aria-invalid={fieldErrors.description ? true : undefined}
          aria-describedby={describedBy("description", true)}
          onChange={(event) => setDescription(event.target.value)}
          className={inputClass}
        />
        {errorFor("description")}
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="departmentId" className="font-medium">
            {t("department")}
          </label>
          <p id="departmentId-hint" className="text-sm text-slate-600">
            {departments.length > 1 ? t("departmentHintHr") : t("departmentHintManager")}
          </p>
          <select
            id="departmentId"
            name="departmentId"
            value={departmentId}
            aria-invalid={fieldErrors.departmentId ? true : undefined}
            aria-describedby={describedBy("departmentId", true)}
            onChange={(event) => setDepartmentId(event.target.value)}
            className={inputClass}
          >
            {initial && !departments.some((department) => department.id === initial.departmentId) ? (
              <option value={initial.departmentId}>{pick(initial.department, locale)}</option>
            ) : null}
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {pick(department.name, locale)}
              </option>
            ))}
          </select>
          {errorFor("departmentId")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="roleId" className="font-medium">
            {t("role")}
          </label>
          <p id="roleId-hint" className="text-sm text-slate-600">
            {t("roleHint")}
          </p>
          <select
            id="roleId"
            name="roleId"
            value={roleId}
            aria-invalid={fieldErrors.roleId ? true : undefined}
            aria-describedby={describedBy("roleId", true)}
            onChange={(event) => setRoleId(event.target.value)}
            className={inputClass}
          >
            <option value="">{t("noRole")}</option>
            {roleGroups.map((group) => (
              <optgroup key={group.id} label={pick(group.name, locale)}>
                {group.roles.map((role) => (
                  <option key={role.id} value={role.id}>
                    {pick(role.name, locale)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          {errorFor("roleId")}
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="timePercent" className="font-medium">
            {t("timePercent")}
          </label>
          <p id="timePercent-hint" className="text-sm text-slate-600">
            {fullTime ? t("timePercentTransfer") : t("timePercentHint")}
          </p>
          <input
            id="timePercent"
            name="timePercent"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            disabled={fullTime}
            value={fullTime ? "100" : timePercent}
            aria-invalid={fieldErrors.timePercent ? true : undefined}
            aria-describedby={describedBy("timePercent", true)}
            onChange={(event) => setTimePercent(event.target.value)}
            className={`${inputClass} max-w-32`}
          />
          {errorFor("timePercent")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="startOn" className="font-medium">
            {t("startOn")}
          </label>
          <p id="startOn-hint" className="text-sm text-slate-600">
            {t("optional")}
          </p>
          <input
            id="startOn"
            name="startOn"
            type="date"
            value={startOn}
            aria-invalid={fieldErrors.startOn ? true : undefined}
            aria-describedby={describedBy("startOn", true)}
            onChange={(event) => setStartOn(event.target.value)}
            className={inputClass}
          />
          {errorFor("startOn")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="endOn" className="font-medium">
            {t("endOn")}
          </label>
          <p id="endOn-hint" className="text-sm text-slate-600">
            {t("endOnHint")}
          </p>
          <input
            id="endOn"
            name="endOn"
            type="date"
            value={endOn}
            min={startOn || undefined}
            aria-invalid={fieldErrors.endOn ? true : undefined}
            aria-describedby={describedBy("endOn", true)}
            onChange={(event) => setEndOn(event.target.value)}
            className={inputClass}
          />
          {errorFor("endOn")}
        </div>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="slots" className="font-medium">
            {t("slots")}
          </label>
          <input
            id="slots"
            name="slots"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            value={slots}
            aria-invalid={fieldErrors.slots ? true : undefined}
            aria-describedby={describedBy("slots")}
            onChange={(event) => setSlots(event.target.value)}
            className={`${inputClass} max-w-32`}
          />
          {errorFor("slots")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="location" className="font-medium">
            {t("location")}
          </label>
          <input
            id="location"
            name="location"
            value={location}
            maxLength={100}
            aria-invalid={fieldErrors.location ? true : undefined}
            aria-describedby={describedBy("location")}
            onChange={(event) => setLocation(event.target.value)}
            className={inputClass}
          />
          {errorFor("location")}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="workplace" className="font-medium">
            {t("workplace")}
          </label>
          <select
            id="workplace"
            name="workplace"
            value={workplace}
            aria-describedby={describedBy("workplace")}
            onChange={(event) => setWorkplace(event.target.value as Workplace)}
            className={inputClass}
          >
            {workplaces.map((value) => (
              <option key={value} value={value}>
                {tKinds(`workplace.${value}`)}
              </option>
            ))}
          </select>
          {errorFor("workplace")}
        </div>
      </div>

      <fieldset className="space-y-3">
        <legend className="font-medium">{t("skills")}</legend>
        <p className="text-sm text-slate-600">{t("skillsHint")}</p>
        <SkillPicker
          label={t("addSkill")}
          exclude={skills.map((skill) => skill.skillId)}
          onPick={(hit) => setSkills([...skills, { skillId: hit.id, name: hit.name, kind: "required", level: 2 }])}
        />
        {errorFor("skills")}
        {skills.length === 0 ? (
          <p className="text-slate-600">{t("noSkills")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded border border-slate-200">
            {skills.map((skill, index) => {
              const name = pick(skill.name, locale);
              const change = (patch: Partial<SkillRow>) => setSkills(skills.map((row) => (row.skillId === skill.skillId ? { ...row, ...patch } : row)));
              return (
                <li key={skill.skillId} className="flex flex-wrap items-end gap-3 p-3">
                  <span className="min-w-40 flex-1 font-medium">{name}</span>
                  <label className="flex flex-col gap-1 text-sm">
                    <span>{t("skillKind", { name })}</span>
                    <select
                      value={skill.kind}
                      onChange={(event) => change({ kind: event.target.value as SkillKind })}
                      className="rounded border border-slate-400 bg-white px-2 py-1"
                    >
                      {opportunitySkillKinds.map((value) => (
                        <option key={value} value={value}>
                          {tKinds(`skillKind.${value}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className="flex flex-col gap-1 text-sm">
                    <span>{t("skillLevel", { name })}</span>
                    <select
                      value={skill.level}
                      aria-invalid={fieldErrors[`skills.${index}.level`] ? true : undefined}
                      onChange={(event) => change({ level: Number(event.target.value) })}
                      className="rounded border border-slate-400 bg-white px-2 py-1"
                    >
                      {[1, 2, 3, 4].map((level) => {
                        const entry = levelTitles.find((item) => item.level === level);
                        return (
                          <option key={level} value={level}>
                            {entry ? t("levelOption", { level, title: pick(entry.title, locale) }) : t("levelOnly", { level })}
                          </option>
                        );
                      })}
                    </select>
                  </label>
                  <button
                    type="button"
                    onClick={() => setSkills(skills.filter((row) => row.skillId !== skill.skillId))}
                    className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100"
                  >
                    {t("removeSkill", { name })}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={mutation.isPending || mutation.isSuccess} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {initial ? t("save") : t("create")}
        </button>
        <Link href={initial ? `/opportunities/${initial.id}` : "/opportunities"} className="text-brand-700 underline">
          {t("cancel")}
        </Link>
        <p aria-live="polite" className="text-sm">
          {mutation.error ? (
            <span role="alert" className="text-red-800">
              {mutation.error.message}
            </span>
          ) : null}
        </p>
      </div>
    </form>
  );
}
