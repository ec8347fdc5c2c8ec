"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Bilingual, pick } from "@/app/_i18n/localized";
import { Link } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import {
  CAREER_NAME_MAX,
  type CareerMapOutline,
  LEVEL_ITEM_MAX,
  LEVEL_ITEMS_MAX,
  PATH_NOTE_MAX,
  ROLE_DESCRIPTION_MAX,
} from "@/server/services/career-map/career-map-editor.schemas";
import { careerPathKinds, roleTracks } from "@/server/services/career-map/career-map.schemas";
import { CardSection } from "./card-section";
import { MutationStatus } from "./mutation-status";
import { SelectField } from "./select-field";
import { TextAreaField } from "./text-area-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";
import { formError, useRefreshOnSuccess } from "./use-refresh-on-success";

type Role = CareerMapOutline["roles"][number];
type Level = Role["levels"][number];

const primaryButton = "rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
const secondaryButton = "rounded border border-slate-400 px-3 py-1.5 hover:bg-slate-100 disabled:opacity-60";
const dangerButton = "rounded bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60";



function FamiliesSection({ outline, locale }: { outline: CareerMapOutline; locale: string }) {
  const t = useTranslations("adminCareerMap");
  const trpc = useTRPC();
  const refreshing = useRefreshOnSuccess();
  const [editing, setEditing] = useState("");
  const [values, setValues] = useState({ nameJa: "", nameEn: "" });
  const save = useMutation(trpc.careerMap.saveFamily.mutationOptions(refreshing));
  const retire = useMutation(trpc.careerMap.retireFamily.mutationOptions(refreshing));
  const { errorFor } = useFieldErrors(save.error);
  const family = outline.families.find((item) => String(item.id) === editing);
  return (
    <CardSection headingId="families-heading" title={t("families.heading")}>
      <form
        noValidate
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ ...(family ? { familyId: family.id } : {}), ...values });
        }}
      >
        <SelectField
          id="family-edit"
          label={t("families.edit")}
          value={editing}
          onChange={(value) => {
            setEditing(value);
            const chosen = outline.families.find((item) => String(item.id) === value);
            setValues({ nameJa: chosen?.name.ja ?? "", nameEn: chosen?.name.en ?? "" });
          }}
        >
          <option value="">{t("families.new")}</option>
          {outline.families.map((item) => (
            <option key={item.id} value={item.id}>
              {item.retired ? t("retiredOption", { name: pick(item.name, locale) }) : pick(item.name, locale)}
            </option>
          ))}
        </SelectField>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField id="family-name-ja" label={t("families.nameJa")} error={errorFor("nameJa")} maxLength={CAREER_NAME_MAX} value={values.nameJa} onChange={(value) => setValues({ ...values, nameJa: value })} />
          <TextField id="family-name-en" label={t("families.nameEn")} error={errorFor("nameEn")} maxLength={CAREER_NAME_MAX} value={values.nameEn} onChange={(value) => setValues({ ...values, nameEn: value })} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t("families.save")}
          </button>
          {family ? (
            <button type="button" className={secondaryButton} disabled={retire.isPending} onClick={() => retire.mutate({ id: family.id, retired: !family.retired })}>
              {family.retired ? t("families.restore") : t("families.retire")}
            </button>
          ) : null}
          <MutationStatus success={save.isSuccess ? t("saved") : null} error={formError(save.error) ?? retire.error?.message} />
        </div>
      </form>
    </CardSection>
  );
}

function RoleForm({ outline, role, locale }: { outline: CareerMapOutline; role: Role | null; locale: string }) {
  const t = useTranslations("adminCareerMap");
  const tm = useTranslations("careerMap");
  const trpc = useTRPC();
  const refreshing = useRefreshOnSuccess();
  const [values, setValues] = useState({
    familyId: String(role?.familyId ?? ""),
    track: role?.track ?? "specialist",
    nameJa: role?.name.ja ?? "",
    nameEn: role?.name.en ?? "",
    descriptionJa: role?.description.ja ?? "",
    descriptionEn: role?.description.en ?? "",
  });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const save = useMutation(trpc.careerMap.saveRole.mutationOptions(refreshing));
  const retire = useMutation(trpc.careerMap.retireRole.mutationOptions(refreshing));
  const remove = useMutation(trpc.careerMap.deleteRole.mutationOptions(refreshing));
  const { errorFor } = useFieldErrors(save.error);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });
  const families = outline.families.filter((family) => !family.retired || family.id === role?.familyId);
  return (
    <div className="space-y-4">
      {role ? (
        <div className="space-y-1 text-sm">
          <p>{t("roles.holders", { count: role.holders })}</p>
          {role.retired ? <p className="font-semibold text-amber-800">{t("roles.retired")}</p> : null}
          <p className="text-slate-700">{t("roles.retiredNote")}</p>
          <p>
            <Link href={`/career-map/${role.slug}`} className="text-brand-700 underline">
              {t("viewRole")}
            </Link>
          </p>
        </div>
      ) : null}
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const track = roleTracks.find((item) => item === values.track) ?? "specialist";
          save.mutate({ ...(role ? { roleId: role.id } : {}), ...values, track, familyId: Number(values.familyId) });
        }}
      >
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField id="role-family" label={t("roles.family")} error={errorFor("familyId")} value={values.familyId} onChange={set("familyId")}>
            <option value="">{t("choose")}</option>
            {families.map((family) => (
              <option key={family.id} value={family.id}>
                {pick(family.name, locale)}
              </option>
            ))}
          </SelectField>
          <SelectField id="role-track" label={t("roles.track")} error={errorFor("track")} value={values.track} onChange={set("track")}>
            {roleTracks.map((track) => (
              <option key={track} value={track}>
                {tm(`track.${track}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="role-name-ja" label={t("roles.nameJa")} error={errorFor("nameJa")} maxLength={CAREER_NAME_MAX} value={values.nameJa} onChange={set("nameJa")} />
          <TextField id="role-name-en" label={t("roles.nameEn")} error={errorFor("nameEn")} maxLength={CAREER_NAME_MAX} value={values.nameEn} onChange={set("nameEn")} />
          <TextAreaField id="role-description-ja" label={t("roles.descriptionJa")} error={errorFor("descriptionJa")} maxLength={ROLE_DESCRIPTION_MAX} rows={3} value={values.descriptionJa} onChange={set("descriptionJa")} />
          <TextAreaField id="role-description-en" label={t("roles.descriptionEn")} error={errorFor("descriptionEn")} maxLength={ROLE_DESCRIPTION_MAX} rows={3} value={values.descriptionEn} onChange={set("descriptionEn")} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t("roles.save")}
          </button>
          {role ? (
            <>
              <button type="button" className={secondaryButton} disabled={retire.isPending} onClick={() => retire.mutate({ id: role.id, retired: !role.retired })}>
                {role.retired ? t("roles.restore") : t("roles.retire")}
              </button>
              <button type="button" className={confirmingDelete ? dangerButton : secondaryButton} disabled={remove.isPending} onClick={() => (confirmingDelete ? (setConfirmingDelete(false), remove.mutate({ roleId: role.id })) : setConfirmingDelete(true))}>
                {confirmingDelete ? t("roles.deleteSubmit") : t("roles.delete")}
              </button>
            </>
          ) : null}
          <MutationStatus success={save.isSuccess ? t("saved") : remove.isSuccess ? t("roles.deleted") : null} error={formError(save.error) ?? retire.error?.message ?? remove.error?.message} />
        </div>
        {confirmingDelete ? (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            {t("roles.deleteConfirm")}
          </p>
        ) : null}
      </form>
    </div>
  );
}

function ItemsEditor({
  idPrefix,
  list,
  items,
  onChange,
  errorWithin,
}: {
  idPrefix: string;
  list: "keyExperiences" | "qualifications";
  items: Bilingual[]; onChange: (items: Bilingual[]) => void; errorWithin: (path: string) => string | undefined }) {
  const t = useTranslations("adminCareerMap.levels");
  const listName = t(list);
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{listName}</legend>
      {items.map((item, index) => (
        <div key={index} className="grid items-end gap-2 md:grid-cols-[1fr_1fr_auto]">
          <TextField
            id={`${idPrefix}-${index}-ja`}
            compact
            label={t("itemJa", { list: listName, n: index + 1 })}
            error={errorWithin(`${list}.${index}`)}
            maxLength={LEVEL_ITEM_MAX}
            value={item.ja}
            onChange={(value) => onChange(items.map((other, at) => (at === index ? { ...other, ja: value } : other)))}
          />
          <TextField
            id={`${idPrefix}-${index}-en`}
            compact
            label={t("itemEn", { list: listName, n: index + 1 })}
            maxLength={LEVEL_ITEM_MAX}
            value={item.en}
            onChange={(value) => onChange(items.map((other, at) => (at === index ? { ...other, en: value } : other)))}
          />
          <button type="button" className={secondaryButton} onClick={() => onChange(items.filter((_, at) => at !== index))}>
            {t("removeItem", { list: listName, n: index + 1 })}
          </button>
        </div>
      ))}
      {items.length < LEVEL_ITEMS_MAX ? (
        <button type="button" className={secondaryButton} onClick={() => onChange([...items, { ja: "", en: "" }])}>
          {t("addItem", { list: listName })}
        </button>
      ) : null}
    </fieldset>
  );
}

function LevelForm({ roleId, level }: { roleId: number; level: Level }) {
  const t = useTranslations("adminCareerMap");
  const trpc = useTRPC();
  const [standardYears, setStandardYears] = useState(String(level.standardYears));
  const [keyExperiences, setKeyExperiences] = useState(level.keyExperiences);
  const [qualifications, setQualifications] = useState(level.qualifications);
  const save = useMutation(trpc.careerMap.saveLevel.mutationOptions(useRefreshOnSuccess()));
  const { errorFor, errorWithin } = useFieldErrors(save.error);
  const prefix = `level-${level.level}`;
  return (
    <section aria-labelledby={`${prefix}-heading`} className="space-y-3 rounded border border-slate-200 p-4">
      <h4 id={`${prefix}-heading`} className="font-semibold">
        {t("levels.level", { level: level.level })}
      </h4>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ roleId, level: level.level, standardYears: Number(standardYears), keyExperiences, qualifications });
        }}
      >
        <TextField
          id={`${prefix}-years`}
          label={t("levels.standardYears")}
          hint={t("levels.standardYearsHint")}
          error={errorFor("standardYears")}
          type="number"
          step="0.1"
          min="0"
          inputMode="decimal"
          width="w-32"
          value={standardYears}
          onChange={setStandardYears}
        />
        <ItemsEditor idPrefix={`${prefix}-experience`} list="keyExperiences" items={keyExperiences} onChange={setKeyExperiences} errorWithin={errorWithin} />
        <ItemsEditor idPrefix={`${prefix}-qualification`} list="qualifications" items={qualifications} onChange={setQualifications} errorWithin={errorWithin} />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t("levels.save", { level: level.level })}
          </button>
          <MutationStatus success={save.isSuccess ? t("saved") : null} error={formError(save.error)} />
        </div>
      </form>
    </section>
  );
}

function PathsEditor({ outline, role, locale }: { outline: CareerMapOutline; role: Role; locale: string }) {
  const t = useTranslations("adminCareerMap.paths");
  const tm = useTranslations("careerMap");
  const trpc = useTRPC();
  const refreshing = useRefreshOnSuccess();
  const [values, setValues] = useState({ toRoleId: "", kind: "promotion", noteJa: "", noteEn: "" });
  const save = useMutation(trpc.careerMap.savePath.mutationOptions(refreshing));
  const remove = useMutation(trpc.careerMap.deletePath.mutationOptions(refreshing));
  const { errorFor } = useFieldErrors(save.error);
  const names = new Map(outline.roles.map((item) => [item.id, pick(item.name, locale)]));
  const out = outline.paths.filter((path) => path.fromRoleId === role.id);
  return (
    <section aria-labelledby="paths-heading" className="space-y-3">
      <h3 id="paths-heading" className="font-semibold">
        {t("heading")}
      </h3>
      {out.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-1">
          {out.map((path) => (
            <li key={path.id} className="flex flex-wrap items-center gap-2">
              <span>
                → {names.get(path.toRoleId)}（{tm(`kind.${path.kind}`)}）
              </span>
              <button type="button" className={secondaryButton} disabled={remove.isPending} onClick={() => remove.mutate({ pathId: path.id })}>
                {t("remove", { role: names.get(path.toRoleId) ?? "" })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const kind = careerPathKinds.find((item) => item === values.kind) ?? "promotion";
          save.mutate({ fromRoleId: role.id, toRoleId: Number(values.toRoleId), kind, noteJa: values.noteJa, noteEn: values.noteEn }, { onSuccess: () => setValues({ ...values, toRoleId: "", noteJa: "", noteEn: "" }) });
        }}
      >
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField id="path-to" label={t("to")} error={errorFor("toRoleId")} value={values.toRoleId} onChange={(value) => setValues({ ...values, toRoleId: value })}>
            <option value="">{"—"}</option>
            {outline.roles
              .filter((item) => !item.retired && item.id !== role.id)
              .map((item) => (
                <option key={item.id} value={item.id}>
                  {pick(item.name, locale)}
                </option>
              ))}
          </SelectField>
          <SelectField id="path-kind" label={t("kind")} error={errorFor("kind")} value={values.kind} onChange={(value) => setValues({ ...values, kind: value })}>
            {careerPathKinds.map((kind) => (
              <option key={kind} value={kind}>
                {tm(`kind.${kind}`)}
              </option>
            ))}
          </SelectField>
          <TextField id="path-note-ja" label={t("noteJa")} error={errorFor("noteJa")} maxLength={PATH_NOTE_MAX} value={values.noteJa} onChange={(value) => setValues({ ...values, noteJa: value })} />
          <TextField id="path-note-en" label={t("noteEn")} error={errorFor("noteEn")} maxLength={PATH_NOTE_MAX} value={values.noteEn} onChange={(value) => setValues({ ...values, noteEn: value })} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t("add")}
          </button>
          <MutationStatus error={formError(save.error) ?? remove.error?.message} />
        </div>
      </form>
    </section>
  );
}

/**
 * The administrator's career-map editor: job families, then one role at a time — its names,
 * track and family, its four levels, and the paths out of it. Every change is one mutation; the
 * server validates, audits and answers in the page's language; the page reads its data again.
 */
export function CareerMapEditor({ outline, locale }: { outline: CareerMapOutline; locale: string }) {
  const t = useTranslations("adminCareerMap");
  const [selected, setSelected] = useState("");
  const role = outline.roles.find((item) => String(item.id) === selected) ?? null;
  return (
    <div className="space-y-6">
      <FamiliesSection outline={outline} locale={locale} />
      <CardSection headingId="roles-heading" title={t("roles.heading")} className="space-y-4">
        <SelectField id="role-select" label={t("roles.select")} value={selected} onChange={setSelected} className="mt-4">
          <option value="">{t("roles.new")}</option>
          {outline.families.map((family) => (
            <optgroup key={family.id} label={pick(family.name, locale)}>
              {outline.roles
                .filter((item) => item.familyId === family.id)
                .map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.retired ? t("retiredOption", { name: pick(item.name, locale) }) : pick(item.name, locale)}
                  </option>
                ))}
            </optgroup>
          ))}
        </SelectField>
        <RoleForm key={`role-${selected}`} outline={outline} role={role} locale={locale} />
        {role ? (
          <>
            <section aria-labelledby="levels-heading" className="space-y-3">
              <h3 id="levels-heading" className="font-semibold">
                {t("levels.heading")}
              </h3>
              {role.levels.map((level) => (
                <LevelForm key={`${role.id}-${level.level}`} roleId={role.id} level={level} />
              ))}
            </section>
            <PathsEditor outline={outline} role={role} locale={locale} />
          </>
        ) : null}
      </CardSection>
    </div>
  );
}
