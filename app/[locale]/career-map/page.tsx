import { getLocale, getTranslations } from "next-intl/server";
import type { PictureRole } from "@/app/_components/career-map-picture";
import { CareerMapPictureLazy } from "@/app/_components/career-map-picture-lazy";
import { pathKinds, pathStyles } from "@/app/_components/career-map-styles";
import { pick } from "@/app/_i18n/localized";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";
import { roleTracks } from "@/server/services/career-map/career-map.schemas";

export const generateMetadata = titleFrom("careerMap");

function LegendLine({ kind }: { kind: keyof typeof pathStyles }) {
  const look = pathStyles[kind];
  return (
    <svg width="40" height="12" aria-hidden="true" className="shrink-0">
      <line x1="2" y1="6" x2="38" y2="6" stroke={look.stroke} strokeWidth={look.width} strokeDasharray={look.dash} strokeLinecap="round" />
    </svg>
  );
}

/**
 * The career map: a picture of roles by job family and the paths between them, and — always
 * beside it — the same roles and paths as a list of links for keyboard and screen-reader users.
 */
export default async function CareerMapPage({ params }: PageProps<"/[locale]/career-map">) {
  await signedInPage(params);
  const t = await getTranslations("careerMap");
  const currentLocale = await getLocale();
  const map = await (await getServerCaller()).careerMap.map();

  const { viewer } = map;
  const willTargets = new Set(viewer.willTargetRoleIds);
  const roleById = new Map(map.roles.map((role) => [role.id, role]));
  const currentRole = roleById.get(viewer.roleId);
  const pictureRoles: PictureRole[] = map.roles.map((role) => ({
    id: role.id,
    slug: role.slug,
    name: pick(role.name, currentLocale),
    trackLabel: t(`track.${role.track}`),
    isCurrent: role.id === viewer.roleId,
    isWillTarget: willTargets.has(role.id),
  }));
  const targetNames = viewer.willTargetRoleIds.flatMap((id) => {
    const role = roleById.get(id);
    return role ? [pick(role.name, currentLocale)] : [];
  });

  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")}>
        <ul className="mt-3 space-y-1">
          {currentRole ? (
            <li className="font-semibold text-brand-800">{t("position", { role: pick(currentRole.name, currentLocale), level: viewer.level })}</li>
          ) : null}
          <li className="text-slate-700">
            {targetNames.length > 0 ? t("willTargets", { roles: targetNames.join(currentLocale === "en" ? ", " : "、") }) : t("noWillTargets")}
          </li>
        </ul>
      </PageHeading>

      <figure className="space-y-3">
        <CareerMapPictureLazy
          layout={map.layout}
          families={map.families.map((family) => ({ id: family.id, name: pick(family.name, currentLocale) }))}
          roles={pictureRoles}
          paths={map.paths.map(({ id, fromRoleId, toRoleId, kind }) => ({ id, fromRoleId, toRoleId, kind }))}
          currentLevel={viewer.level}
        />
        <figcaption className="space-y-2 text-sm text-slate-700">
          <p>
            {t("pictureNote")}{" "}
            <a href="#career-map-list" className="text-brand-700 underline">
              {t("skipToList")}
            </a>
          </p>
          <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
            <span className="font-semibold">{t("legend")}:</span>
            {pathKinds.map((kind) => (
              <span key={kind} className="flex items-center gap-1.5">
                <LegendLine kind={kind} />
                {t(`kind.${kind}`)}
              </span>
            ))}
            <span className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3.5 w-6 rounded-sm border-2 border-brand-700 bg-brand-700" />
              {t("youAreHere")}
            </span>
            <span className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3.5 w-6 rounded-sm border-2 border-dashed border-amber-600 bg-amber-50" />★ {t("willTarget")}
            </span>
          </div>
          <p className="text-xs text-slate-600">
            {t.rich("credits", {
              flow: (chunks) => (
                <a href="https://reactflow.dev" className="underline">
                  {chunks}
                </a>
              ),
              elk: (chunks) => (
                <a href="https://eclipse.dev/elk/" className="underline">
                  {chunks}
                </a>
              ),
            })}
          </p>
        </figcaption>
      </figure>

      <section id="career-map-list" aria-labelledby="career-map-list-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="career-map-list-heading" className="text-lg font-semibold">
          {t("listHeading")}
        </h2>
        <div className="mt-4 grid gap-8 md:grid-cols-2">
          {map.families.map((family) => {
            const familyRoles = map.roles.filter((role) => role.familyId === family.id);
            if (familyRoles.length === 0) return null;
            return (
              <section key={family.id} aria-labelledby={`family-${family.id}`}>
                <h3 id={`family-${family.id}`} className="font-semibold text-slate-900">
                  {pick(family.name, currentLocale)}
                </h3>
                {roleTracks.map((track) => {
                  const trackRoles = familyRoles.filter((role) => role.track === track);
                  if (trackRoles.length === 0) return null;
                  return (
                    <div key={track} className="mt-2">
                      <h4 className="text-sm font-semibold text-slate-600">{t(`track.${track}`)}</h4>
                      <ul className="mt-1 space-y-2">
                        {trackRoles.map((role) => {
                          const out = map.paths.filter((path) => path.fromRoleId === role.id);
                          const isCurrent = role.id === viewer.roleId;
                          return (
                            <li key={role.id}>
                              <span className="flex flex-wrap items-baseline gap-x-2">
                                <Link href={`/career-map/${role.slug}`} className="font-medium text-brand-700 underline">
                                  {pick(role.name, currentLocale)}
                                </Link>
                                {isCurrent ? (
                                  <strong className="rounded-full bg-brand-700 px-2 text-xs text-white">{t("youAreHereLevel", { level: viewer.level })}</strong>
                                ) : null}
                                {willTargets.has(role.id) ? (
                                  <strong className="rounded-full bg-amber-100 px-2 text-xs text-amber-900">★ {t("willTarget")}</strong>
                                ) : null}
                              </span>
                              {out.length > 0 ? (
                                <ul aria-label={t("pathsFrom", { role: pick(role.name, currentLocale) })} className="ml-4 mt-1 space-y-0.5 text-sm text-slate-700">
                                  {out.map((path) => {
                                    const to = roleById.get(path.toRoleId);
                                    if (!to) return null;
                                    return (
                                      <li key={path.id}>
                                        {t.rich("pathOut", {
                                          kind: t(`kind.${path.kind}`),
                                          role: pick(to.name, currentLocale),
                                          link: (chunks) => (
                                            <Link href={`/career-map/${to.slug}`} className="text-brand-700 underline">
                                              {chunks}
                                            </Link>
                                          ),
                                        })}
                                      </li>
                                    );
                                  })}
                                </ul>
                              ) : null}
                            </li>
                          );
                        })}
                      </ul>
                    </div>
                  );
                })}
              </section>
            );
          })}
        </div>
      </section>
    </div>
  );
}
