import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProfileSettingsForm } from "@/app/_components/profile-settings-form";
import { titleFrom } from "@/app/_components/page-metadata";
import { requireActor } from "@/app/_components/require-actor";
import { SkillsEditor } from "@/app/_components/skills-editor";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("profileEdit");

/** The owner edits their skill profile, tagline and directory visibility. */
export default async function EditProfilePage({ params }: PageProps<"/[locale]/profile">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireActor(locale);
  const t = await getTranslations("profileEdit");
  const caller = await getServerCaller();
  const [profile, levelGuide] = await Promise.all([caller.me.profile(), caller.skill.levelGuide()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
      </div>
      <ProfileSettingsForm
        tagline={profile.tagline}
        showSkillsInDirectory={profile.restricted?.showSkillsInDirectory ?? true}
        openToScouting={profile.restricted?.openToScouting ?? false}
      />
      <SkillsEditor skills={profile.skills} guide={levelGuide} />
    </div>
  );
}
