import { getTranslations } from "next-intl/server";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { type RoleGroup, WillEditor } from "@/app/_components/will-editor";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("will");

/** The signed-in person's own Will: the editor, and every saved version below it (theirs only). */
export default async function WillPage({ params }: PageProps<"/[locale]/will">) {
  await signedInPage(params);
  const t = await getTranslations("will");
  const caller = await getServerCaller();
  const [will, history, careerMap] = await Promise.all([caller.will.mine(), caller.will.history(), caller.careerMap.map()]);
  // Only what the picker needs: roles grouped by job family, in the map's order.
  const roleGroups: RoleGroup[] = careerMap.families
    .map((family) => ({
      id: family.id,
      name: family.name,
      // A retired role stays only where this Will already targets it.
      roles: careerMap.roles
        .filter((role) => role.familyId === family.id && (!role.retired || will.targetRoles.some((target) => target.id === role.id)))
        .map((role) => ({ id: role.id, slug: role.slug, name: role.name })),
    }))
    .filter((group) => group.roles.length > 0);
  return (
    <div className="space-y-6">
      <PageHeading headingId="will-heading" title={t("title")} intro={t("intro")} />
      <WillEditor initialWill={will} initialHistory={history} roleGroups={roleGroups} />
    </div>
  );
}
