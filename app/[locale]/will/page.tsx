import { getTranslations, setRequestLocale } from "next-intl/server";
import { titleFrom } from "@/app/_components/page-metadata";
import { requireActor } from "@/app/_components/require-actor";
import { type RoleGroup, WillEditor } from "@/app/_components/will-editor";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("will");

/** The signed-in person's own Will: the editor, and every saved version below it (theirs only). */
export default async function WillPage({ params }: PageProps<"/[locale]/will">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireActor(locale);
  const t = await getTranslations("will");
  const caller = await getServerCaller();
  const [will, history, careerMap] = await Promise.all([caller.will.mine(), caller.will.history(), caller.careerMap.map()]);
  // Only what the picker needs: roles grouped by job family, in the map's order.
  const roleGroups: RoleGroup[] = careerMap.families
    .map((family) => ({
      id: family.id,
      name: family.name,
      roles: careerMap.roles.filter((role) => role.familyId === family.id).map((role) => ({ id: role.id, slug: role.slug, name: role.name })),
    }))
    .filter((group) => group.roles.length > 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 id="will-heading" className="text-2xl font-bold">
          {t("title")}
        </h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
      </div>
      <WillEditor initialWill={will} initialHistory={history} roleGroups={roleGroups} />
    </div>
  );
}
