"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import type { Profile } from "@/server/services/people/people.schemas";
import { EVIDENCE_MAX } from "@/server/services/profile/profile.schemas";
import { skillLevels } from "@/server/services/skills/skill.schemas";
import type { LevelGuideEntry } from "./level-badge";
import { pick } from "@/app/_i18n/localized";
import { SelectField } from "./select-field";
import { SkillPicker } from "./skill-picker";
import { TextAreaField } from "./text-area-field";
import { useFieldErrors } from "./use-field-errors";
import { CardSection } from "./card-section";

type OwnSkill = Profile["skills"][number];

/** One skill row: level with its meaning on screen, evidence, save and remove. */
function SkillRow({ skill, guide }: { skill: OwnSkill; guide: LevelGuideEntry[] }) {
  const t = useTranslations("profileEdit");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const id = useId();
  const [level, setLevel] = useState(skill.level);
  const [evidence, setEvidence] = useState(skill.evidence ?? "");
  const save = useMutation(trpc.profile.setSkill.mutationOptions({ onSuccess: () => router.refresh() }));
  const remove = useMutation(trpc.profile.removeSkill.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(save.error);
  const meaning = guide.find((entry) => entry.level === level);
  const name = pick(skill.name, locale);
  const changed = level !== skill.level || evidence !== (skill.evidence ?? "");
  return (
    <li className="py-4">
      <fieldset className="space-y-2">
        <legend className="font-semibold">
          {name} <span className="text-sm font-normal text-slate-600">{pick(skill.category, locale)}</span>
        </legend>
        <div className="flex flex-wrap items-center gap-3">
          <SelectField
            id={`${id}-level`}
            label={t("level")}
            error={errorFor("level")}
            compact
            className="flex items-center gap-2"
            width="w-auto"
            value={level}
            onChange={(value) => setLevel(Number(value))}
          >
            {skillLevels.map((value) => (
              <option key={value} value={value}>
                {t("levelOption", { level: value, title: pick(guide.find((entry) => entry.level === value)?.title ?? { ja: "", en: "" }, locale) })}
              </option>
            ))}
          </SelectField>
          {skill.verifiedAt ? <span className="rounded-full bg-emerald-50 px-2 text-sm text-emerald-800">{t("verifiedBadge")}</span> : null}
        </div>
        {meaning ? <p className="text-sm text-slate-700">{pick(meaning.description, locale)}</p> : null}
        {skill.verifiedAt && level !== skill.level ? <p className="text-sm text-amber-800">{t("levelChangeClearsVerification")}</p> : null}
        <TextAreaField
          id={`${id}-evidence`}
          label={t("evidence")}
          error={errorFor("evidence")}
          compact
          rows={2}
          maxLength={EVIDENCE_MAX}
          value={evidence}
          onChange={setEvidence}
        />
        <div className="flex gap-3">
          <button
            type="button"
            disabled={!changed || save.isPending}
            onClick={() => save.mutate({ skillId: skill.skillId, level, evidence })}
            className="rounded bg-brand-700 px-3 py-1 font-semibold text-white hover:bg-brand-800 disabled:opacity-50"
          >
            {t("saveSkill", { name })}
          </button>
          <button
            type="button"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ skillId: skill.skillId })}
            className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100"
          >
            {t("removeSkill", { name })}
          </button>
        </div>
        {save.error || remove.error ? (
          <p role="alert" className="text-sm text-red-800">
            {(save.error ?? remove.error)?.message}
          </p>
        ) : null}
      </fieldset>
    </li>
  );
}

/** The owner's skill profile editor: add from the taxonomy, set levels, evidence, remove. */
export function SkillsEditor({ skills, guide }: { skills: OwnSkill[]; guide: LevelGuideEntry[] }) {
  const t = useTranslations("profileEdit");
  const router = useRouter();
  const trpc = useTRPC();
  const add = useMutation(trpc.profile.setSkill.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <CardSection headingId="skills-editor-heading" title={t("skillsHeading")}>
      <div className="mt-4">
        <SkillPicker label={t("addSkill")} chosenIds={skills.map((skill) => skill.skillId)} onChoose={(hit) => add.mutate({ skillId: hit.id, level: 1 })} />
        {add.error ? (
          <p role="alert" className="text-sm text-red-800">
            {add.error.message}
          </p>
        ) : null}
      </div>
      {skills.length === 0 ? (
        <p className="mt-4 text-slate-600">{t("noSkills")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {skills.map((skill) => (
            <SkillRow key={`${skill.skillId}-${skill.level}-${skill.evidence}`} skill={skill} guide={guide} />
          ))}
        </ul>
      )}
    </CardSection>
  );
}
