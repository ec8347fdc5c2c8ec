"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { ENDORSEMENT_NOTE_MAX } from "@/server/services/participations/participation.schemas";
import { skillLevels } from "@/server/services/skills/skill.schemas";
import { type Bilingual, pick } from "@/app/_i18n/localized";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";

type Suggested = { skillId: number; name: Bilingual; level: number };

/** The owner ticks the skills the person used and the level they showed; each becomes verified evidence. */
export function EndorseForm({ participationId, suggested, personName }: { participationId: number; suggested: Suggested[]; personName: string }) {
  const t = useTranslations("endorsements");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<Record<number, number | null>>(Object.fromEntries(suggested.map((skill) => [skill.skillId, skill.level])));
  const id = useId();
  const [note, setNote] = useState("");
  const endorse = useMutation(trpc.participation.endorse.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(endorse.error);
  const skills = Object.entries(chosen).flatMap(([skillId, level]) => (level ? [{ skillId: Number(skillId), level }] : []));
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        endorse.mutate({ participationId, skills, note });
      }}
    >
      <fieldset>
        <legend className="font-medium">{t("skillsUsed", { name: personName })}</legend>
        <ul className="mt-2 space-y-2">
          {suggested.map((skill) => (
            <li key={skill.skillId} className="flex flex-wrap items-center gap-3">
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={chosen[skill.skillId] !== null}
                  onChange={(event) => setChosen({ ...chosen, [skill.skillId]: event.target.checked ? skill.level : null })}
                />
                {pick(skill.name, locale)}
              </label>
              <label className="flex items-center gap-1 text-sm">
                {t("level")}
                <select
                  value={chosen[skill.skillId] ?? skill.level}
                  disabled={chosen[skill.skillId] === null}
                  onChange={(event) => setChosen({ ...chosen, [skill.skillId]: Number(event.target.value) })}
                  className="rounded border border-slate-400 px-2 py-1"
                >
                  {skillLevels.filter((level) => level <= skill.level).map((level) => (
                    <option key={level} value={level}>
                      {level}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextField id={`${id}-note`} label={t("note")} error={errorFor("note")} compact className="flex max-w-md flex-col gap-1" maxLength={ENDORSEMENT_NOTE_MAX} value={note} onChange={setNote} />
      <button type="submit" disabled={skills.length === 0 || endorse.isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("endorse")}
      </button>
      {endorse.error ? (
        <p role="alert" className="text-sm text-red-800">
          {endorse.error.message}
        </p>
      ) : null}
    </form>
  );
}
