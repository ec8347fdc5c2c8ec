"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { VERIFICATION_NOTE_MAX } from "@/server/services/profile/profile.schemas";
import { skillLevels } from "@/server/services/skills/skill.schemas";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";

/** The manager confirms a report's level, or corrects it with a note. */
export function VerifySkillControl({ personId, skillId, level, skillName }: { personId: number; skillId: number; level: number; skillName: string }) {
  const t = useTranslations("team");
  const router = useRouter();
  const trpc = useTRPC();
  const id = useId();
  const [correcting, setCorrecting] = useState(false);
  const [newLevel, setNewLevel] = useState(level);
  const [note, setNote] = useState("");
  const verify = useMutation(trpc.profile.verifySkill.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(verify.error);
  return (
    <div className="mt-2 flex flex-wrap items-end gap-3">
      {!correcting ? (
        <>
          <button type="button" disabled={verify.isPending} onClick={() => verify.mutate({ personId, skillId })} className="rounded bg-emerald-700 px-3 py-1 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60">
            {t("verify", { name: skillName, level })}
          </button>
          <button type="button" onClick={() => setCorrecting(true)} className="rounded border border-slate-400 px-3 py-1 text-sm hover:bg-slate-100">
            {t("correct", { name: skillName })}
          </button>
        </>
      ) : (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(event) => {
            event.preventDefault();
            verify.mutate({ personId, skillId, level: newLevel, note });
          }}
        >
          <SelectField id={`${id}-level`} label={t("correctedLevel")} error={errorFor("level")} compact width="w-auto" value={newLevel} onChange={(value) => setNewLevel(Number(value))}>
            {skillLevels.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </SelectField>
          <TextField id={`${id}-note`} label={t("correctionNote")} error={errorFor("note")} compact width="w-64" maxLength={VERIFICATION_NOTE_MAX} value={note} onChange={setNote} />
          <button type="submit" disabled={verify.isPending} className="rounded bg-brand-700 px-3 py-1 text-sm font-semibold text-white disabled:opacity-60">
            {t("saveCorrection")}
          </button>
          <button type="button" onClick={() => setCorrecting(false)} className="rounded border border-slate-400 px-3 py-1 text-sm">
            {t("cancel")}
          </button>
        </form>
      )}
      {verify.error ? (
        <p role="alert" className="w-full text-sm text-red-800">
          {verify.error.message}
        </p>
      ) : null}
    </div>
  );
}
