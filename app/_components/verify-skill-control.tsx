"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";

/** The manager confirms a report's level, or corrects it with a note. */
export function VerifySkillControl({ personId, skillId, level, skillName }: { personId: number; skillId: number; level: number; skillName: string }) {
  const t = useTranslations("team");
  const router = useRouter();
  const trpc = useTRPC();
  const noteId = useId();
  const [correcting, setCorrecting] = useState(false);
  const [newLevel, setNewLevel] = useState(level);
  const [note, setNote] = useState("");
  const verify = useMutation(trpc.profile.verifySkill.mutationOptions({ onSuccess: () => router.refresh() }));
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
          <label className="flex flex-col text-sm">
            {t("correctedLevel")}
            <select value={newLevel} onChange={(event) => setNewLevel(Number(event.target.value))} className="rounded border border-slate-400 px-2 py-1">
              {[1, 2, 3, 4].map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor={noteId} className="flex flex-col text-sm">
            {t("correctionNote")}
            <input id={noteId} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} className="w-64 rounded border border-slate-400 px-2 py-1" />
          </label>
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
