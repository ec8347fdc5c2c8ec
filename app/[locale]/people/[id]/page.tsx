import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { ProfileView } from "@/app/_components/profile-view";
import { titleFrom } from "@/app/_components/page-metadata";
import { requireActor } from "@/app/_components/require-actor";
import { RevokeSessionsButton } from "@/app/_components/revoke-sessions-button";
import { getServerCaller } from "@/app/_trpc/server";
import { isAdministrator } from "@/server/auth/policies";

export const generateMetadata = titleFrom("people", "profileTitle");

async function loadProfile(personId: number) {
  const caller = await getServerCaller();
  try {
    return await Promise.all([caller.person.byId({ personId }), caller.skill.levelGuide()]);
  } catch (error) {
    // "Not yours" and "does not exist" look the same: a 404.
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

/** A colleague's profile; restricted parts appear only for those the policy allows. */
export default async function PersonPage({ params }: PageProps<"/[locale]/people/[id]">) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  const personId = Number(id);
  if (!Number.isSafeInteger(personId) || personId <= 0) notFound();
  const [profile, levelGuide] = await loadProfile(personId);
  return (
    <div className="space-y-6">
      <ProfileView profile={profile} levelGuide={levelGuide} />
      {isAdministrator(actor) && actor.personId !== profile.id ? <RevokeSessionsButton personId={profile.id} /> : null}
    </div>
  );
}
