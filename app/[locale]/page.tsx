import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProfileView } from "@/app/_components/profile-view";
import { requireActor } from "@/app/_components/require-actor";
import { getServerCaller } from "@/app/_trpc/server";

export async function generateMetadata({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "home" });
  return { title: t("title") };
}

/** Home: the signed-in person's own profile. */
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireActor(locale);
  const caller = await getServerCaller();
  const [profile, levelGuide] = await Promise.all([caller.me.profile(), caller.skill.levelGuide()]);
  return <ProfileView profile={profile} levelGuide={levelGuide} />;
}
