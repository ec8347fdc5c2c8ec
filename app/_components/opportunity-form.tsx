"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Link, useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import {
  type DepartmentChoice,
  LOCATION_MAX,
  OPPORTUNITY_DESCRIPTION_MAX,
  OPPORTUNITY_TITLE_MAX,
  type OpportunityDetail,
  opportunityKinds,
  opportunitySkillKinds,
  SLOTS_RANGE,
  TIME_PERCENT_RANGE,
  workplaces,
} from "@/server/services/opportunities/opportunity.schemas";
import { skillLevels } from "@/server/services/skills/skill.schemas";
import { describedBy, errorId, FieldError } from "./field";
import { type Bilingual, pick } from "@/app/_i18n/localized";
import { SelectField } from "./select-field";
import { SkillPicker } from "./skill-picker";
import { TextAreaField } from "./text-area-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";
import { MutationStatus } from "./mutation-status";

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
  const { errorFor } = useFieldErrors(mutation.error);
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
      <fieldset aria-describedby={describedBy(errorFor("kind") && errorId("kind"))}>
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
        <FieldError id={errorId("kind")} error={errorFor("kind")} />
      </fieldset>

      <TextField id="title" name="title" label={t("title")} error={errorFor("title")} required maxLength={OPPORTUNITY_TITLE_MAX} value={title} onChange={setTitle} />

      <TextAreaField
        id="description"
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        error={errorFor("description")}
        rows={6}
        maxLength={OPPORTUNITY_DESCRIPTION_MAX}
        value={description}
        onChange={setDescription}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="departmentId"
          name="departmentId"
          label={t("department")}
          hint={departments.length > 1 ? t("departmentHintHr") : t("departmentHintManager")}
          error={errorFor("departmentId")}
          value={departmentId}
          onChange={setDepartmentId}
        >
          {initial && !departments.some((department) => department.id === initial.departmentId) ? (
            <option value={initial.departmentId}>{pick(initial.department, locale)}</option>
          ) : null}
          {departments.map((department) => (
            <option key={department.id} value={department.id}>
              {pick(department.name, locale)}
            </option>
          ))}
        </SelectField>
        <SelectField id="roleId" name="roleId" label={t("role")} hint={t("roleHint")} error={errorFor("roleId")} value={roleId} onChange={setRoleId}>
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
        </SelectField>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id="timePercent"
          name="timePercent"
          label={t("timePercent")}
          hint={fullTime ? t("timePercentTransfer") : t("timePercentHint")}
          error={errorFor("timePercent")}
          type="number"
          inputMode="numeric"
          {...TIME_PERCENT_RANGE}
          disabled={fullTime}
          value={fullTime ? "100" : timePercent}
          onChange={setTimePercent}
          width="w-full max-w-32"
        />
        <TextField id="startOn" name="startOn" label={t("startOn")} hint={t("optional")} error={errorFor("startOn")} type="date" value={startOn} onChange={setStartOn} />
        <TextField
          id="endOn"
          name="endOn"
          label={t("endOn")}
          hint={t("endOnHint")}
          error={errorFor("endOn")}
          type="date"
          min={startOn || undefined}
          value={endOn}
          onChange={setEndOn}
        />
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id="slots"
          name="slots"
          label={t("slots")}
          error={errorFor("slots")}
          type="number"
          inputMode="numeric"
          {...SLOTS_RANGE}
          value={slots}
          onChange={setSlots}
          width="w-full max-w-32"
        />
        <TextField id="location" name="location" label={t("location")} error={errorFor("location")} maxLength={LOCATION_MAX} value={location} onChange={setLocation} />
        <SelectField id="workplace" name="workplace" label={t("workplace")} error={errorFor("workplace")} value={workplace} onChange={(value) => setWorkplace(value as Workplace)}>
          {workplaces.map((value) => (
            <option key={value} value={value}>
              {tKinds(`workplace.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>

      <fieldset className="space-y-3" aria-describedby={describedBy("skills-hint", errorFor("skills") && errorId("skills"))}>
        <legend className="font-medium">{t("skills")}</legend>
        <p id="skills-hint" className="text-sm text-slate-600">
          {t("skillsHint")}
        </p>
        <SkillPicker
          label={t("addSkill")}
          chosenIds={skills.map((skill) => skill.skillId)}
          onChoose={(hit) => setSkills([...skills, { skillId: hit.id, name: hit.name, kind: "required", level: 2 }])}
        />
        <FieldError id={errorId("skills")} error={errorFor("skills")} />
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
                  <SelectField
                    id={`skill-${skill.skillId}-kind`}
                    label={t("skillKind", { name })}
                    error={errorFor(`skills.${index}.kind`)}
                    compact
                    width="w-auto"
                    value={skill.kind}
                    onChange={(value) => change({ kind: value as SkillKind })}
                  >
                    {opportunitySkillKinds.map((value) => (
                      <option key={value} value={value}>
                        {tKinds(`skillKind.${value}`)}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField
                    id={`skill-${skill.skillId}-level`}
                    label={t("skillLevel", { name })}
                    error={errorFor(`skills.${index}.level`)}
                    compact
                    width="w-auto"
                    value={skill.level}
                    onChange={(value) => change({ level: Number(value) })}
                  >
                    {skillLevels.map((level) => {
                      const entry = levelTitles.find((item) => item.level === level);
                      return (
                        <option key={level} value={level}>
                          {entry ? t("levelOption", { level, title: pick(entry.title, locale) }) : t("levelOnly", { level })}
                        </option>
                      );
                    })}
                  </SelectField>
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
        <MutationStatus error={mutation.error?.message} />
      </div>
    </form>
  );
}
