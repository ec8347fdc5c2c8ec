"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { type Bilingual, pick } from "@/app/_i18n/localized";
import { useTRPC } from "@/app/_trpc/react";
import { SKILL_ALIASES_MAX, SKILL_DESCRIPTION_MAX, TAXONOMY_NAME_MAX, type TaxonomyOverview } from "@/server/services/taxonomy/taxonomy.schemas";
import { CardSection } from "./card-section";
import { MutationStatus } from "./mutation-status";
import { SelectField } from "./select-field";
import { TextAreaField } from "./text-area-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";
import { formError, useRefreshOnSuccess } from "./use-refresh-on-success";

type Skill = TaxonomyOverview["skills"][number];
type Category = TaxonomyOverview["categories"][number];

const primaryButton = "rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
const dangerButton = "rounded bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 disabled:opacity-60";
const secondaryButton = "rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-60";
const cell = "border-b border-slate-200 px-2 py-1.5 align-top";

/** "name (category)" for a select, retired skills marked: a merge may take a retired skill too. */
function useSkillLabel(taxonomy: TaxonomyOverview, locale: string) {
  const t = useTranslations("adminTaxonomy");
  const categories = new Map(taxonomy.categories.map((category) => [category.id, category.name]));
  return (skill: Skill) => {
    const name = t("skillOption", { name: pick(skill.name, locale), category: pick(categories.get(skill.categoryId) ?? { ja: "", en: "" }, locale) });
    return skill.retired ? t("retiredOption", { name }) : name;
  };
}

function SkillOptions({ skills, label }: { skills: Skill[]; label: (skill: Skill) => string }) {
  const t = useTranslations("adminTaxonomy");
  return (
    <>
      <option value="">{t("choose")}</option>
      {skills.map((skill) => (
        <option key={skill.id} value={skill.id}>
          {label(skill)}
        </option>
      ))}
    </>
  );
}

function MergeSection({ taxonomy, locale }: { taxonomy: TaxonomyOverview; locale: string }) {
  const t = useTranslations("adminTaxonomy.merge");
  const trpc = useTRPC();
  const label = useSkillLabel(taxonomy, locale);
  const [from, setFrom] = useState("");
  const [into, setInto] = useState("");
  const [confirming, setConfirming] = useState(false);
  const merge = useMutation(trpc.taxonomy.mergeSkills.mutationOptions(useRefreshOnSuccess()));
  const { errorFor } = useFieldErrors(merge.error);
  const byId = new Map(taxonomy.skills.map((skill) => [String(skill.id), skill]));
  const [fromSkill, intoSkill] = [byId.get(from), byId.get(into)];
  return (
    <CardSection headingId="merge-heading" title={t("heading")} className="space-y-4">
      <p className="text-sm text-slate-700">{t("hint")}</p>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!confirming) {
            setConfirming(true);
            return;
          }
          setConfirming(false);
          merge.mutate({ fromSkillId: Number(from), intoSkillId: Number(into) }, { onSuccess: () => setFrom("") });
        }}
      >
        <div className="grid gap-4 md:grid-cols-2">
          <SelectField id="merge-from" label={t("from")} error={errorFor("fromSkillId")} value={from} onChange={(value) => (setFrom(value), setConfirming(false))}>
            <SkillOptions skills={taxonomy.skills} label={label} />
          </SelectField>
          <SelectField id="merge-into" label={t("into")} error={errorFor("intoSkillId")} value={into} onChange={(value) => (setInto(value), setConfirming(false))}>
            <SkillOptions skills={taxonomy.skills} label={label} />
          </SelectField>
        </div>
        {confirming && fromSkill && intoSkill ? (
          <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
            {t("confirm", { from: pick(fromSkill.name, locale), into: pick(intoSkill.name, locale) })}
          </p>
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={merge.isPending || !from || !into} className={confirming ? dangerButton : primaryButton}>
            {confirming ? t("confirmSubmit") : t("submit")}
          </button>
          <MutationStatus
            pending={merge.isPending ? t("pending") : null}
            success={merge.isSuccess ? t("done", merge.data) : null}
            error={merge.error && !errorFor("fromSkillId") && !errorFor("intoSkillId") ? merge.error.message : null}
          />
        </div>
      </form>
    </CardSection>
  );
}

function SkillsTable({ taxonomy, locale, onEdit }: { taxonomy: TaxonomyOverview; locale: string; onEdit: (skill: Skill) => void }) {
  const t = useTranslations("adminTaxonomy.skills");
  const trpc = useTRPC();
  const retire = useMutation(trpc.taxonomy.retireSkill.mutationOptions(useRefreshOnSuccess()));
  const categories = new Map(taxonomy.categories.map((category) => [category.id, category.name]));
  // One category at a time: the whole taxonomy is a few hundred rows.
  const [shown, setShown] = useState(String(taxonomy.categories[0]?.id ?? ""));
  const skills = taxonomy.skills.filter((skill) => String(skill.categoryId) === shown);
  return (
    <CardSection headingId="skills-heading" title={t("heading")} className="space-y-3">
      <p className="text-sm text-slate-700">{t("retiredNote")}</p>
      <SelectField id="skills-category" label={t("shownCategory")} value={shown} onChange={setShown} width="w-auto">
        {taxonomy.categories.map((category) => (
          <option key={category.id} value={category.id}>
            {pick(category.name, locale)}
          </option>
        ))}
      </SelectField>
      <MutationStatus error={retire.error?.message} />
      <div className="max-h-[32rem] overflow-auto" tabIndex={0} role="region" aria-labelledby="skills-caption">
        <table className="w-full border-collapse text-left text-sm">
          <caption id="skills-caption" className="sr-only">
            {t("caption", { count: skills.length, category: pick(categories.get(Number(shown)) ?? { ja: "", en: "" }, locale) })}
          </caption>
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              <th scope="col" className={cell}>
                {t("name")}
              </th>
              <th scope="col" className={cell}>
                {t("category")}
              </th>
              <th scope="col" className={cell}>
                {t("aliases")}
              </th>
              <th scope="col" className={cell}>
                {t("holders")}
              </th>
              <th scope="col" className={cell}>
                {t("status")}
              </th>
              <th scope="col" className={cell}>
                {t("actions")}
              </th>
            </tr>
          </thead>
          <tbody>
            {skills.map((skill) => {
              const name = pick(skill.name, locale);
              return (
                <tr key={skill.id} className={skill.retired ? "text-slate-600" : undefined}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <span className="font-semibold">{name}</span>
                    <span className="block text-xs text-slate-600">{pick({ ja: skill.name.en, en: skill.name.ja }, locale)}</span>
                  </th>
                  <td className={cell}>{pick(categories.get(skill.categoryId) ?? { ja: "", en: "" }, locale)}</td>
                  <td className={cell}>{skill.aliases.join(locale === "en" ? ", " : "、")}</td>
                  <td className={cell}>{t("holderCount", { count: skill.holders })}</td>
                  <td className={cell}>{skill.retired ? t("retired") : t("active")}</td>
                  <td className={`${cell} whitespace-nowrap`}>
                    <div className="flex gap-1">
                      <button type="button" className={secondaryButton} onClick={() => onEdit(skill)}>
                        {t("edit")}
                        <span className="sr-only"> {name}</span>
                      </button>
                      <button type="button" className={secondaryButton} disabled={retire.isPending} onClick={() => retire.mutate({ skillId: skill.id, retired: !skill.retired })}>
                        {skill.retired ? t("restore") : t("retire")}
                        <span className="sr-only"> {name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </CardSection>
  );
}

function SkillForm({ categories, skill, locale, onDone }: { categories: Category[]; skill: Skill | null; locale: string; onDone: () => void }) {
  const t = useTranslations("adminTaxonomy.form");
  const trpc = useTRPC();
  const [values, setValues] = useState({
    nameJa: skill?.name.ja ?? "",
    nameEn: skill?.name.en ?? "",
    categoryId: String(skill?.categoryId ?? ""),
    aliases: (skill?.aliases ?? []).join("\n"),
    descriptionJa: skill?.description.ja ?? "",
    descriptionEn: skill?.description.en ?? "",
  });
  const save = useMutation(trpc.taxonomy.saveSkill.mutationOptions(useRefreshOnSuccess()));
  const { errorFor, errorWithin } = useFieldErrors(save.error);
  const set = (field: keyof typeof values) => (value: string) => setValues({ ...values, [field]: value });
  const aliases = values.aliases
    .split("\n")
    .map((alias) => alias.trim())
    .filter((alias) => alias !== "");
  return (
    <CardSection headingId="skill-form-heading" title={skill ? t("editHeading", { name: pick(skill.name, locale) }) : t("addHeading")}>
      <form
        noValidate
        className="mt-4 space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({
            ...(skill ? { skillId: skill.id } : {}),
            nameJa: values.nameJa,
            nameEn: values.nameEn,
            categoryId: Number(values.categoryId),
            aliases,
            descriptionJa: values.descriptionJa,
            descriptionEn: values.descriptionEn,
          });
        }}
      >
        <div className="grid gap-4 md:grid-cols-2">
          <TextField id="skill-name-ja" label={t("nameJa")} error={errorFor("nameJa")} maxLength={TAXONOMY_NAME_MAX} value={values.nameJa} onChange={set("nameJa")} />
          <TextField id="skill-name-en" label={t("nameEn")} error={errorFor("nameEn")} maxLength={TAXONOMY_NAME_MAX} value={values.nameEn} onChange={set("nameEn")} />
        </div>
        <SelectField id="skill-category" label={t("category")} error={errorFor("categoryId")} value={values.categoryId} onChange={set("categoryId")}>
          <option value="">{"—"}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {pick(category.name, locale)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id="skill-aliases"
          label={t("aliases")}
          hint={t("aliasesHint")}
          error={errorWithin("aliases")}
          maxLength={SKILL_ALIASES_MAX * (TAXONOMY_NAME_MAX + 1)}
          rows={3}
          value={values.aliases}
          onChange={set("aliases")}
        />
        <div className="grid gap-4 md:grid-cols-2">
          <TextAreaField id="skill-description-ja" label={t("descriptionJa")} error={errorFor("descriptionJa")} maxLength={SKILL_DESCRIPTION_MAX} rows={3} value={values.descriptionJa} onChange={set("descriptionJa")} />
          <TextAreaField id="skill-description-en" label={t("descriptionEn")} error={errorFor("descriptionEn")} maxLength={SKILL_DESCRIPTION_MAX} rows={3} value={values.descriptionEn} onChange={set("descriptionEn")} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t("save")}
          </button>
          {skill ? (
            <button type="button" className={secondaryButton} onClick={onDone}>
              {t("newSkill")}
            </button>
          ) : null}
          <MutationStatus success={save.isSuccess ? t("saved") : null} error={formError(save.error)} />
        </div>
      </form>
    </CardSection>
  );
}

function CategoriesSection({ categories, locale }: { categories: Category[]; locale: string }) {
  const t = useTranslations("adminTaxonomy.categories");
  const tf = useTranslations("adminTaxonomy.form");
  const trpc = useTRPC();
  const [editing, setEditing] = useState("");
  const [values, setValues] = useState({ nameJa: "", nameEn: "", sortOrder: "0" });
  const save = useMutation(trpc.taxonomy.saveCategory.mutationOptions(useRefreshOnSuccess()));
  const { errorFor } = useFieldErrors(save.error);
  const choose = (id: string) => {
    setEditing(id);
    const category = categories.find((item) => String(item.id) === id);
    setValues(category ? { nameJa: category.name.ja, nameEn: category.name.en, sortOrder: String(category.sortOrder) } : { nameJa: "", nameEn: "", sortOrder: "0" });
  };
  return (
    <CardSection headingId="categories-heading" title={t("heading")} className="space-y-4">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={cell}>
              {tf("category")}
            </th>
            <th scope="col" className={cell}>
              {t("sortOrder")}
            </th>
            <th scope="col" className={cell}>
              {t("skillCount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((category) => (
            <tr key={category.id}>
              <th scope="row" className={`${cell} font-normal`}>
                {pick(category.name, locale)}
              </th>
              <td className={cell}>{category.sortOrder}</td>
              <td className={cell}>{category.skillCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ ...(editing ? { categoryId: Number(editing) } : {}), nameJa: values.nameJa, nameEn: values.nameEn, sortOrder: Number(values.sortOrder) });
        }}
      >
        <SelectField id="category-edit" label={t("edit")} value={editing} onChange={choose}>
          <option value="">{t("new")}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {pick(category.name, locale)}
            </option>
          ))}
        </SelectField>
        <div className="grid gap-4 md:grid-cols-3">
          <TextField id="category-name-ja" label={tf("nameJa")} error={errorFor("nameJa")} maxLength={TAXONOMY_NAME_MAX} value={values.nameJa} onChange={(value) => setValues({ ...values, nameJa: value })} />
          <TextField id="category-name-en" label={tf("nameEn")} error={errorFor("nameEn")} maxLength={TAXONOMY_NAME_MAX} value={values.nameEn} onChange={(value) => setValues({ ...values, nameEn: value })} />
          <TextField id="category-sort" label={t("sortOrder")} error={errorFor("sortOrder")} type="number" inputMode="numeric" value={values.sortOrder} onChange={(value) => setValues({ ...values, sortOrder: value })} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t("save")}
          </button>
          <MutationStatus success={save.isSuccess ? tf("saved") : null} error={formError(save.error)} />
        </div>
      </form>
    </CardSection>
  );
}

function AdjacencySection({ taxonomy, locale }: { taxonomy: TaxonomyOverview; locale: string }) {
  const t = useTranslations("adminTaxonomy.adjacency");
  const trpc = useTRPC();
  const label = useSkillLabel(taxonomy, locale);
  const refreshing = useRefreshOnSuccess();
  const [values, setValues] = useState({ skillId: "", otherSkillId: "", weight: "0.5" });
  const save = useMutation(trpc.taxonomy.setAdjacency.mutationOptions(refreshing));
  const remove = useMutation(trpc.taxonomy.removeAdjacency.mutationOptions(refreshing));
  const { errorFor } = useFieldErrors(save.error);
  const names = new Map<number, Bilingual>(taxonomy.skills.map((skill) => [skill.id, skill.name]));
  const nameOf = (id: number) => pick(names.get(id) ?? { ja: String(id), en: String(id) }, locale);
  const active = taxonomy.skills.filter((skill) => !skill.retired);
  // The pairs of the chosen skill only: the whole taxonomy has hundreds.
  const chosen = Number(values.skillId);
  const pairs = taxonomy.adjacency.filter((pair) => pair.skillA === chosen || pair.skillB === chosen);
  return (
    <CardSection headingId="adjacency-heading" title={t("heading")} className="space-y-4">
      <p className="text-sm text-slate-700">{t("hint")}</p>
      {!chosen ? (
        <p>{t("chooseFirst")}</p>
      ) : pairs.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="max-h-80 overflow-auto" tabIndex={0} role="region" aria-labelledby="adjacency-caption">
          <table className="w-full border-collapse text-left text-sm">
            <caption id="adjacency-caption" className="sr-only">
              {t("caption", { count: pairs.length, skill: nameOf(chosen) })}
            </caption>
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                <th scope="col" className={cell}>
                  {t("skill")}
                </th>
                <th scope="col" className={cell}>
                  {t("other")}
                </th>
                <th scope="col" className={cell}>
                  {t("weight")}
                </th>
                <td className={cell} />
              </tr>
            </thead>
            <tbody>
              {pairs.map((pair) => (
                <tr key={`${pair.skillA}-${pair.skillB}`}>
                  <td className={cell}>{nameOf(pair.skillA)}</td>
                  <td className={cell}>{nameOf(pair.skillB)}</td>
                  <td className={cell}>{pair.weight.toFixed(2)}</td>
                  <td className={cell}>
                    <button type="button" className={secondaryButton} disabled={remove.isPending} onClick={() => remove.mutate({ skillId: pair.skillA, otherSkillId: pair.skillB })}>
                      {t("remove", { a: nameOf(pair.skillA), b: nameOf(pair.skillB) })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MutationStatus error={remove.error?.message} />
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate({ skillId: Number(values.skillId), otherSkillId: Number(values.otherSkillId), weight: Number(values.weight) });
        }}
      >
        <div className="grid gap-4 md:grid-cols-3">
          <SelectField id="adjacency-skill" label={t("skill")} error={errorFor("skillId")} value={values.skillId} onChange={(value) => setValues({ ...values, skillId: value })}>
            <SkillOptions skills={active} label={label} />
          </SelectField>
          <SelectField id="adjacency-other" label={t("other")} error={errorFor("otherSkillId")} value={values.otherSkillId} onChange={(value) => setValues({ ...values, otherSkillId: value })}>
            <SkillOptions skills={active} label={label} />
          </SelectField>
          <TextField id="adjacency-weight" label={t("weight")} error={errorFor("weight")} type="number" step="0.05" min="0.01" max="1" inputMode="decimal" value={values.weight} onChange={(value) => setValues({ ...values, weight: value })} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={save.isPending} className={primaryButton}>
            {t("save")}
          </button>
          <MutationStatus error={formError(save.error)} />
        </div>
      </form>
    </CardSection>
  );
}

/**
 * The administrator's taxonomy editor: merge, the skill list (edit, retire), the skill form,
 * categories and adjacency. Each form sends one mutation; the server validates, audits and
 * answers in the page's language, and the page's data is read again after every change.
 */
export function TaxonomyEditor({ taxonomy, locale }: { taxonomy: TaxonomyOverview; locale: string }) {
  const [editing, setEditing] = useState<Skill | null>(null);
  return (
    <div className="space-y-6">
      <MergeSection taxonomy={taxonomy} locale={locale} />
      <SkillForm
        key={editing?.id ?? "new"}
        categories={taxonomy.categories}
        skill={editing}
        locale={locale}
        onDone={() => setEditing(null)}
      />
      <SkillsTable
        taxonomy={taxonomy}
        locale={locale}
        onEdit={(skill) => {
          setEditing(skill);
          document.getElementById("skill-form-heading")?.scrollIntoView();
        }}
      />
      <CategoriesSection categories={taxonomy.categories} locale={locale} />
      <AdjacencySection taxonomy={taxonomy} locale={locale} />
    </div>
  );
}
