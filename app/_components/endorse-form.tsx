"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { type Bilingual, pick } from "./localized";

type Suggested = { skillId: number; name: Bilingual; level: number };

/** The owner ticks the skills the person used and the level they showed; each becomes verified evidence. */
export function EndorseForm({ participationId, suggested, personName }: { participationId: number; suggested: Suggested[]; personName: string }) {
  const t = useTranslations("endorsements");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<Record<number, number | null>>(Object.fromEntries(suggested.map((skill) => [skill.skillId, skill.level])));
  const [note, setNote] = useState("");
  const endorse = useMutation(trpc.participation.endorse.mutationOptions({ onSuccess: () => router.refresh() }));
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
                  {[1, 2, 3, 4].filter((level) => level <= skill.level).map((level) => (
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
      <label className="flex flex-col gap-1">
        <span className="text-sm">{t("note")}</span>
        <input value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} className="w-full max-w-md rounded border border-slate-400 px-3 py-2" />
      </label>
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
