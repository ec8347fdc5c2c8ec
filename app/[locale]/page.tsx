import { getTranslations } from "next-intl/server";
import { ProfileView } from "@/app/_components/profile-view";
import { RemindersPanel } from "@/app/_components/reminders-panel";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("home");

/** Home: what needs attention, then the signed-in person's own profile. */
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  await signedInPage(params);
  const t = await getTranslations("home");
  const caller = await getServerCaller();
  const [profile, levelGuide, reminders] = await Promise.all([caller.me.profile(), caller.skill.levelGuide(), caller.me.reminders()]);
  return (
    <div className="space-y-6">
      <RemindersPanel reminders={reminders} />
      <div className="flex justify-end">
        <Link href="/profile" className="rounded border border-brand-700 px-3 py-1 text-brand-700 hover:bg-brand-50">
          {t("editProfile")}
        </Link>
      </div>
      <ProfileView profile={profile} levelGuide={levelGuide} />
    </div>
  );
}
