"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { TAGLINE_MAX } from "@/server/services/profile/profile.schemas";
import { CheckboxField } from "./checkbox-field";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";
import { MutationStatus } from "./mutation-status";
import { CardSection } from "./card-section";

/** Tagline, directory visibility, the scouting opt-in (社内FA), and "my profile is up to date". */
export function ProfileSettingsForm({ tagline, showSkillsInDirectory, openToScouting }: { tagline: string; showSkillsInDirectory: boolean; openToScouting: boolean }) {
  const t = useTranslations("profileEdit");
  const router = useRouter();
  const trpc = useTRPC();
  const [text, setText] = useState(tagline);
  const [show, setShow] = useState(showSkillsInDirectory);
  const [scouting, setScouting] = useState(openToScouting);
  const update = useMutation(trpc.profile.update.mutationOptions({ onSuccess: () => router.refresh() }));
  const reviewed = useMutation(trpc.profile.markReviewed.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(update.error);
  return (
    <CardSection headingId="profile-settings-heading" title={t("settingsHeading")} className="space-y-4">
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate({ tagline: text, showSkillsInDirectory: show, openToScouting: scouting });
        }}
      >
        <TextField
          id="profile-tagline"
          label={t("tagline")}
          hint={t("taglineHint")}
          error={errorFor("tagline")}
          className="flex max-w-md flex-col gap-1"
          maxLength={TAGLINE_MAX}
          value={text}
          onChange={setText}
        />
        <CheckboxField
          id="profile-show-skills"
          label={t("showSkillsInDirectory")}
          hint={t("showSkillsInDirectoryHint")}
          error={errorFor("showSkillsInDirectory")}
          checked={show}
          onChange={setShow}
        />
        <CheckboxField
          id="profile-open-to-scouting"
          label={t("openToScouting")}
          hint={t("openToScoutingHint")}
          error={errorFor("openToScouting")}
          checked={scouting}
          onChange={setScouting}
        />
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" disabled={update.isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("saveSettings")}
          </button>
          <button type="button" disabled={reviewed.isPending} onClick={() => reviewed.mutate()} className="rounded border border-slate-400 px-4 py-2 hover:bg-slate-100">
            {t("markReviewed")}
          </button>
          <MutationStatus success={update.isSuccess || reviewed.isSuccess ? t("saved") : null} error={update.error?.message} />
        </div>
      </form>
    </CardSection>
  );
}
