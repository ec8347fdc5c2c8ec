import { getTranslations } from "next-intl/server";
import { ProfileSettingsForm } from "@/app/_components/profile-settings-form";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { SkillsEditor } from "@/app/_components/skills-editor";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("profileEdit");

/** The owner edits their skill profile, tagline and directory visibility. */
export default async function EditProfilePage({ params }: PageProps<"/[locale]/profile">) {
  await signedInPage(params);
  const t = await getTranslations("profileEdit");
  const caller = await getServerCaller();
  const [profile, levelGuide] = await Promise.all([caller.me.profile(), caller.skill.levelGuide()]);
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <ProfileSettingsForm
        tagline={profile.tagline}
        showSkillsInDirectory={profile.restricted?.showSkillsInDirectory ?? true}
        openToScouting={profile.restricted?.openToScouting ?? false}
      />
      <SkillsEditor skills={profile.skills} guide={levelGuide} />
    </div>
  );
}
