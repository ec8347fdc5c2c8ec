import { ProfileView } from "@/app/_components/profile-view";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { RevokeSessionsButton } from "@/app/_components/revoke-sessions-button";
import { idFromPath, orNotFound } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";
import { isAdministrator } from "@/server/auth/policies";

export const generateMetadata = titleFrom("people", "profileTitle");

/** A colleague's profile; restricted parts appear only for those the policy allows. */
export default async function PersonPage({ params }: PageProps<"/[locale]/people/[id]">) {
  const { id, actor } = await signedInPage(params);
  const personId = idFromPath(id);
  const caller = await getServerCaller();
  // "Not yours" and "does not exist" look the same: a 404.
  const [profile, levelGuide] = await orNotFound(Promise.all([caller.person.byId({ personId }), caller.skill.levelGuide()]));
  return (
    <div className="space-y-6">
      <ProfileView profile={profile} levelGuide={levelGuide} />
      {isAdministrator(actor) && actor.personId !== profile.id ? <RevokeSessionsButton personId={profile.id} /> : null}
    </div>
  );
}
