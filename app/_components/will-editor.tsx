"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import {
  MAX_DESIRED_SKILLS,
  MAX_TARGET_ROLES,
  WILL_STATEMENT_MAX,
  willHorizons,
  willOpennessValues,
  type willVersionSchema,
  type WillView,
} from "@/server/services/will/will.schemas";
import type { z } from "zod";
import { CheckboxField } from "./checkbox-field";
import { describedBy, errorId, FieldError } from "./field";
import { type Bilingual, pick } from "@/app/_i18n/localized";
import { SelectField } from "./select-field";
import { SkillPicker } from "./skill-picker";
import { TextAreaField } from "./text-area-field";
import { useFieldErrors } from "./use-field-errors";
import { MutationStatus } from "./mutation-status";

export type RoleChoice = { id: number; slug: string; name: Bilingual };
/** Career-map roles of one job family, in map order. */
export type RoleGroup = { id: number; name: Bilingual; roles: RoleChoice[] };
type WillVersion = z.infer<typeof willVersionSchema>;
type ChosenSkill = { id: number; name: Bilingual };
type Audience = { shareWithManager: boolean; shareWithHr: boolean; shareWithMatching: boolean };

const audienceFlags = [
  { field: "shareWithManager", key: "manager" },
  { field: "shareWithHr", key: "hr" },
  { field: "shareWithMatching", key: "matching" },
] as const;

/** A chosen item with a button that removes it; the button names what it removes. */
function Chip({ label, removeLabel, onRemove }: { label: string; removeLabel: string; onRemove: () => void }) {
  return (
    <li className="inline-flex items-center gap-1 rounded-full border border-brand-600 bg-brand-50 py-0.5 pl-3 pr-1 text-sm text-brand-800">
      <span>{label}</span>
      <button
        type="button"
        onClick={onRemove}
        aria-label={removeLabel}
        className="inline-flex h-6 w-6 items-center justify-center rounded-full text-base leading-none hover:bg-brand-100"
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/** One saved version, collapsed: its date, statement, horizon, openness, targets and audience. */
/** One choice of a few, as radio buttons under a legend; its error is named by the fieldset. */
function RadioChoice<Value extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  error,
}: {
  name: string;
  legend: string;
  options: { value: Value; label: string }[];
  value: Value;
  onChange: (value: Value) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={describedBy(error && errorId(name))}>
      <legend className="font-medium">{legend}</legend>
      <div className="mt-2 space-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} className="h-4 w-4" />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={errorId(name)} error={error} />
    </fieldset>
  );
}

function HistoryEntry({ version, roleNames }: { version: WillVersion; roleNames: Map<number, Bilingual> }) {
  const t = useTranslations("will");
  const locale = useLocale();
  const format = useFormatter();
  const audience = audienceFlags.filter((flag) => version[flag.field]).map((flag) => t(`audience.short.${flag.key}`));
  const roles = version.targetRoleIds.flatMap((id) => {
    const name = roleNames.get(id);
    return name ? [pick(name, locale)] : [];
  });
  return (
    <li>
      <details className="rounded border border-slate-200 bg-white">
        <summary className="cursor-pointer px-4 py-2">
          <span className="font-semibold">{t("history.version", { version: version.version })}</span>{" "}
          <span className="ml-3 text-sm text-slate-600">
            {t("history.savedAt", { date: format.dateTime(version.savedAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </span>
        </summary>
        <dl className="grid gap-x-6 gap-y-2 border-t border-slate-100 px-4 py-3 sm:grid-cols-[max-content_1fr]">
          <dt className="text-sm text-slate-600">{t("history.statement")}</dt>
          <dd className="whitespace-pre-wrap break-words">{version.statement || t("history.emptyStatement")}</dd>
          <dt className="text-sm text-slate-600">{t("horizon.legend")}</dt>
          <dd>{t(`horizon.${version.horizon}`)}</dd>
          <dt className="text-sm text-slate-600">{t("openness.legend")}</dt>
          <dd>{t(`openness.${version.openness}`)}</dd>
          <dt className="text-sm text-slate-600">{t("history.targetRoles")}</dt>
          <dd>{roles.length > 0 ? format.list(roles, { type: "conjunction" }) : t("history.none")}</dd>
          <dt className="text-sm text-slate-600">{t("history.desiredSkills")}</dt>
          <dd>{version.desiredSkillIds.length > 0 ? t("history.skillCount", { count: version.desiredSkillIds.length }) : t("history.none")}</dd>
          <dt className="text-sm text-slate-600">{t("history.audience")}</dt>
          <dd>{audience.length > 0 ? format.list(audience, { type: "conjunction" }) : t("history.private")}</dd>
        </dl>
      </details>
    </li>
  );
}

type Props = { initialWill: WillView; initialHistory: WillVersion[]; roleGroups: RoleGroup[] };

/**
 * The Will editor: statement, target roles from the career map, skills to grow, horizon, openness
 * and audience (private unless the person ticks someone). Saves against the version it loaded, so a
 * save over a newer version (another tab) is refused rather than silently overwriting it.
 */
export function WillEditor({ initialWill, initialHistory, roleGroups }: Props) {
  const t = useTranslations("will");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const statementRef = useRef<HTMLTextAreaElement>(null);
  const roleSelectRef = useRef<HTMLSelectElement>(null);
  const skillInputRef = useRef<HTMLInputElement>(null);

  const [version, setVersion] = useState(initialWill.version);
  const [statement, setStatement] = useState(initialWill.statement);
  const [targetRoleIds, setTargetRoleIds] = useState(initialWill.targetRoles.map((role) => role.id));
  const [desiredSkills, setDesiredSkills] = useState<ChosenSkill[]>(initialWill.desiredSkills);
  const [horizon, setHorizon] = useState(initialWill.horizon);
  const [openness, setOpenness] = useState(initialWill.openness);
  const [audience, setAudience] = useState<Audience>({
    shareWithManager: initialWill.shareWithManager,
    shareWithHr: initialWill.shareWithHr,
    shareWithMatching: initialWill.shareWithMatching,
  });
  const [pendingRole, setPendingRole] = useState("");
  const [reloading, setReloading] = useState(false);

  const history = useQuery(trpc.will.history.queryOptions(undefined, { initialData: initialHistory }));

  function load(will: WillView) {
    setVersion(will.version);
    setStatement(will.statement);
    setTargetRoleIds(will.targetRoles.map((role) => role.id));
    setDesiredSkills(will.desiredSkills);
    setHorizon(will.horizon);
    setOpenness(will.openness);
    setAudience({ shareWithManager: will.shareWithManager, shareWithHr: will.shareWithHr, shareWithMatching: will.shareWithMatching });
  }

  const save = useMutation(
    trpc.will.save.mutationOptions({
      onSuccess: (saved) => {
        load(saved);
        void queryClient.invalidateQueries({ queryKey: trpc.will.history.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.will.mine.queryKey() });
      },
    }),
  );

  async function reloadLatest() {
    setReloading(true);
    try {
      const latest = await queryClient.fetchQuery({ ...trpc.will.mine.queryOptions(), staleTime: 0 });
      load(latest);
      save.reset();
      void queryClient.invalidateQueries({ queryKey: trpc.will.history.queryKey() });
      statementRef.current?.focus();
    } finally {
      setReloading(false);
    }
  }

  // A refused item of a list (`targetRoleIds.2`) has no control of its own: show it beside the list.
  const { errorWithin } = useFieldErrors(save.error);
  const conflict = save.error?.data?.code === "CONFLICT";

  const roleNames = new Map(roleGroups.flatMap((group) => group.roles.map((role) => [role.id, role.name] as const)));
  const rolesFull = targetRoleIds.length >= MAX_TARGET_ROLES;
  const skillsFull = desiredSkills.length >= MAX_DESIRED_SKILLS;
  const sharedWith = audienceFlags.filter((flag) => audience[flag.field]).map((flag) => t(`audience.short.${flag.key}`));

  const rolesError = errorWithin("targetRoleIds");
  const skillsError = errorWithin("desiredSkillIds");

  function addRole() {
    const id = Number(pendingRole);
    if (!id || rolesFull || targetRoleIds.includes(id)) return;
    setTargetRoleIds([...targetRoleIds, id]);
    setPendingRole("");
  }

  return (
    <div className="space-y-10">
      <form
        noValidate
        aria-labelledby="will-heading"
        className="space-y-8 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            statement,
            targetRoleIds,
            desiredSkillIds: desiredSkills.map((skill) => skill.id),
            horizon,
            openness,
            ...audience,
            expectedVersion: version,
          });
        }}
      >
        <p id="will-version" className="text-sm text-slate-600">
          {version > 0 ? t("version", { version }) : t("notSavedYet")}
        </p>

        <TextAreaField
          ref={statementRef}
          id="will-statement"
          name="statement"
          label={t("statement.label")}
          hint={t("statement.hint")}
          error={errorWithin("statement")}
          rows={7}
          maxLength={WILL_STATEMENT_MAX}
          value={statement}
          onChange={setStatement}
        />

        <fieldset className="space-y-3" aria-describedby={describedBy("will-roles-hint", rolesError && errorId("will-role-select"))}>
          <legend className="font-medium">{t("targetRoles.legend")}</legend>
          <p id="will-roles-hint" className="text-sm text-slate-600">
            {rolesFull ? t("targetRoles.full", { max: MAX_TARGET_ROLES }) : t("targetRoles.hint", { max: MAX_TARGET_ROLES })}
          </p>
          <div className="min-h-9">
            {targetRoleIds.length > 0 ? (
              <ul aria-label={t("targetRoles.legend")} className="flex flex-wrap gap-2">
                {targetRoleIds.map((id) => {
                  const name = pick(roleNames.get(id) ?? { ja: String(id), en: String(id) }, locale);
                  return (
                    <Chip
                      key={id}
                      label={name}
                      removeLabel={t("remove", { name })}
                      onRemove={() => {
                        setTargetRoleIds(targetRoleIds.filter((roleId) => roleId !== id));
                        roleSelectRef.current?.focus();
                      }}
                    />
                  );
                })}
              </ul>
            ) : (
              <p className="py-1 text-sm text-slate-500">{t("targetRoles.none")}</p>
            )}
          </div>
          <div className="flex flex-wrap items-end gap-2">
            <SelectField
              ref={roleSelectRef}
              id="will-role-select"
              label={t("targetRoles.select")}
              error={rolesError}
              compact
              value={pendingRole}
              disabled={rolesFull}
              width="w-80 max-w-full"
              onChange={setPendingRole}
              onKeyDown={(event) => {
                if (event.key === "Enter") {
                  event.preventDefault();
                  addRole();
                }
              }}
            >
              <option value="">{t("targetRoles.placeholder")}</option>
              {roleGroups.map((group) => (
                <optgroup key={group.id} label={pick(group.name, locale)}>
                  {group.roles.map((role) => (
                    <option key={role.id} value={role.id} disabled={targetRoleIds.includes(role.id)}>
                      {pick(role.name, locale)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <button
              type="button"
              onClick={addRole}
              disabled={!pendingRole || rolesFull}
              className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-50"
            >
              {t("targetRoles.add")}
            </button>
          </div>
        </fieldset>

        <fieldset className="space-y-3" aria-describedby={describedBy("will-skills-hint", skillsError && errorId("desiredSkillIds"))}>
          <legend className="font-medium">{t("skills.legend")}</legend>
          <p id="will-skills-hint" className="text-sm text-slate-600">
            {skillsFull ? t("skills.full", { max: MAX_DESIRED_SKILLS }) : t("skills.hint", { max: MAX_DESIRED_SKILLS })}
          </p>
          <div className="min-h-9">
            {desiredSkills.length > 0 ? (
              <ul aria-label={t("skills.legend")} className="flex flex-wrap gap-2">
                {desiredSkills.map((skill) => {
                  const name = pick(skill.name, locale);
                  return (
                    <Chip
                      key={skill.id}
                      label={name}
                      removeLabel={t("remove", { name })}
                      onRemove={() => {
                        setDesiredSkills(desiredSkills.filter((chosen) => chosen.id !== skill.id));
                        // The input is disabled while the list is full; it is enabled again after this render.
                        requestAnimationFrame(() => skillInputRef.current?.focus());
                      }}
                    />
                  );
                })}
              </ul>
            ) : (
              <p className="py-1 text-sm text-slate-500">{t("skills.none")}</p>
            )}
          </div>
          <SkillPicker
            id="will-skill-search"
            label={t("skills.search")}
            chosenIds={desiredSkills.map((skill) => skill.id)}
            disabled={skillsFull}
            describedBy={describedBy("will-skills-hint", skillsError && errorId("desiredSkillIds"))}
            invalid={Boolean(skillsError)}
            onChoose={(skill) =>
              setDesiredSkills((current) => (current.some((chosen) => chosen.id === skill.id) ? current : [...current, { id: skill.id, name: skill.name }]))
            }
            inputRef={skillInputRef}
          />
          <FieldError id={errorId("desiredSkillIds")} error={skillsError} />
        </fieldset>

        <div className="grid gap-8 sm:grid-cols-2">
          <RadioChoice
            name="horizon"
            legend={t("horizon.legend")}
            options={willHorizons.map((value) => ({ value, label: t(`horizon.${value}`) }))}
            value={horizon}
            onChange={setHorizon}
            error={errorWithin("horizon")}
          />
          <RadioChoice
            name="openness"
            legend={t("openness.legend")}
            options={willOpennessValues.map((value) => ({ value, label: t(`openness.${value}`) }))}
            value={openness}
            onChange={setOpenness}
            error={errorWithin("openness")}
          />
        </div>

        <fieldset aria-describedby="will-audience-explain will-audience-now">
          <legend className="font-medium">{t("audience.legend")}</legend>
          <p id="will-audience-explain" className="text-sm text-slate-600">
            {t("audience.explain")}
          </p>
          <div className="mt-2 space-y-1">
            {audienceFlags.map((flag) => (
              <CheckboxField
                key={flag.field}
                id={`will-${flag.field}`}
                name={flag.field}
                label={t(`audience.${flag.key}`)}
                checked={audience[flag.field]}
                onChange={(checked) => setAudience({ ...audience, [flag.field]: checked })}
              />
            ))}
          </div>
          <p id="will-audience-now" className="mt-2 text-sm font-medium text-slate-800">
            {sharedWith.length > 0 ? t("audience.shared", { audience: format.list(sharedWith, { type: "conjunction" }) }) : t("audience.private")}
          </p>
        </fieldset>

        <div className="flex flex-wrap items-center gap-4 border-t border-slate-100 pt-6">
          <button
            type="submit"
            disabled={save.isPending || reloading}
            className="rounded bg-brand-700 px-5 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {t("save")}
          </button>
          <MutationStatus
            className="min-h-7 text-sm"
            pending={save.isPending ? t("saving") : null}
            success={save.isSuccess ? <span className="font-medium text-emerald-800">{t("saved", { version: save.data.version })}</span> : null}
            error={save.error?.message}
          />
          {conflict ? (
            <div className="flex w-full flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 px-4 py-3">
              <button
                type="button"
                onClick={() => void reloadLatest()}
                disabled={reloading}
                aria-describedby="will-reload-hint"
                className="rounded border border-amber-700 px-3 py-1 font-semibold text-amber-900 hover:bg-amber-100 disabled:opacity-60"
              >
                {t("reload")}
              </button>
              <p id="will-reload-hint" className="text-sm text-amber-900">
                {t("reloadHint")}
              </p>
            </div>
          ) : null}
        </div>
      </form>

      <section aria-labelledby="will-history-heading" className="space-y-3">
        <h2 id="will-history-heading" className="text-lg font-semibold">
          {t("history.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("history.intro")}</p>
        {history.data.length === 0 ? (
          <p className="text-slate-600">{t("history.empty")}</p>
        ) : (
          <ol className="space-y-2">
            {history.data.map((entry) => (
              <HistoryEntry key={entry.version} version={entry} roleNames={roleNames} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
