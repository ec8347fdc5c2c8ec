import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConversationForm } from "@/app/_components/conversation-form";
import { ConversationList } from "@/app/_components/conversation-list";
import { displayName, pick } from "@/app/_i18n/localized";
import { ProfileView } from "@/app/_components/profile-view";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { VerifySkillControl } from "@/app/_components/verify-skill-control";
import { idFromPath, orNull } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("team", "memberTitle");

/** A direct report, as their manager works with them: verification and career conversations. */
export default async function TeamMemberPage({ params }: PageProps<"/[locale]/team/[id]">) {
  const { id, actor } = await signedInPage(params);
  const personId = idFromPath(id);
  const t = await getTranslations("team");
  const currentLocale = await getLocale();
  const caller = await getServerCaller();
  const loaded = await orNull(Promise.all([caller.person.byId({ personId }), caller.skill.levelGuide(), caller.conversation.list({ personId }), caller.me.profile()]));
  // Only the direct manager works with a report here; anyone else gets a plain 404.
  if (!loaded || loaded[0].manager?.id !== actor.personId) notFound();
  const [profile, levelGuide, conversations, me] = loaded;
  const name = displayName(profile, currentLocale);
  return (
    <div className="space-y-8">
      <ProfileView
        profile={profile}
        levelGuide={levelGuide}
        skillActions={(skill) =>
          skill.verifiedAt ? null : <VerifySkillControl personId={profile.id} skillId={skill.skillId} level={skill.level} skillName={pick(skill.name, currentLocale)} />
        }
      />
      <section aria-labelledby="conversations-heading" className="space-y-4">
        <h2 id="conversations-heading" className="text-lg font-semibold">
          {t("conversationsWith", { name })}
        </h2>
        <ConversationForm personId={profile.id} personName={name} managerId={me.id} managerName={displayName(me, currentLocale)} />
        <ConversationList conversations={conversations} viewerId={actor.personId} />
      </section>
    </div>
  );
}
