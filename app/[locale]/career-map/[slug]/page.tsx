import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CareerGapPanel } from "@/app/_components/career-gap-panel";
import { type Bilingual, pick } from "@/app/_i18n/localized";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { orNotFound, orNull } from "@/app/_trpc/or-not-found";
import { getRequestContext, getServerCaller } from "@/app/_trpc/server";
import { CardSection } from "@/app/_components/card-section";

/** The role, once per request (metadata and page share it); "not a slug at all" is a 404 too. */
const loadRole = cache(async (slug: string) => orNotFound((await getServerCaller()).careerMap.role({ slug })));

export async function generateMetadata({ params }: PageProps<"/[locale]/career-map/[slug]">) {
  const { locale, slug } = await params;
  const t = await getTranslations({ locale, namespace: "careerMap" });
  // Signed out: the page redirects to sign-in; the title must not ask for the role first.
  if (!(await getRequestContext()).actor) return { title: t("title") };
  const role = await loadRole(slug);
  return { title: `${pick(role.name, locale)} · ${t("title")}` };
}

/** The columns of the levels table, in order. */
const levelColumns = ["level", "standardYears", "keyExperiences", "qualifications", "skills"] as const;

function Items({ items, empty, locale }: { items: Bilingual[]; empty: string; locale: string }) {
  if (items.length === 0) return <span className="text-slate-600">{empty}</span>;
  return (
    <ul className="list-disc space-y-0.5 pl-4">
      {items.map((item) => (
        <li key={item.en}>{pick(item, locale)}</li>
      ))}
    </ul>
  );
}

/** A role of the career map: its levels 1–4, the viewer's own gap to it, and the paths in and out. */
export default async function CareerRolePage({ params, searchParams }: PageProps<"/[locale]/career-map/[slug]">) {
  // Not decoded: a slug is plain ASCII, so anything percent-encoded fails validation → 404.
  const { slug } = await signedInPage(params);
  const t = await getTranslations("careerMap");
  const currentLocale = await getLocale();
  const caller = await getServerCaller();

  const role = await loadRole(slug);
  const query = await searchParams;
  const asked = Number(query.level);
  // A level the role does not have (or no level) falls back to the default rule.
  const level = role.levels.some((row) => row.level === asked) ? asked : undefined;
  const [gap, levelGuide] = await Promise.all([
    orNull(caller.careerMap.gap({ roleSlug: role.slug, level })),
    caller.skill.levelGuide(),
  ]);
  const here = gap && gap.current.role.id === role.id ? gap.current.level : null;
  const name = pick(role.name, currentLocale);

  return (
    <div className="space-y-6">
      <Link href="/career-map" className="text-brand-700 underline">
        ← {t("role.backToMap")}
      </Link>

      <section aria-labelledby="role-name" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 id="role-name" className="text-2xl font-bold">
          {name}
        </h1>
        <dl className="mt-2 flex flex-wrap gap-x-8 gap-y-1 text-sm">
          <div className="flex gap-2">
            <dt className="text-slate-600">{t("role.family")}</dt>
            <dd>{pick(role.family.name, currentLocale)}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="text-slate-600">{t("role.track")}</dt>
            <dd>{t(`track.${role.track}`)}</dd>
          </div>
        </dl>
        {here !== null || gap?.target.isWillTarget ? (
          <p className="mt-3 flex flex-wrap gap-2">
            {here !== null ? <strong className="rounded-full bg-brand-700 px-3 py-0.5 text-sm text-white">{t("role.youAreHere", { level: here })}</strong> : null}
            {gap?.target.isWillTarget ? <strong className="rounded-full bg-amber-100 px-3 py-0.5 text-sm text-amber-900">★ {t("role.willTarget")}</strong> : null}
          </p>
        ) : null}
        {pick(role.description, currentLocale) ? <p className="mt-3 text-slate-800">{pick(role.description, currentLocale)}</p> : null}
      </section>

      <CardSection headingId="levels-heading" title={t("role.levelsHeading")}>
        {role.levels.length === 0 ? (
          <p className="mt-2 text-slate-600">{t("role.noLevels")}</p>
        ) : (
          <>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-brand-700 underline">{t("role.levelGuide")}</summary>
              <dl className="mt-2 space-y-1">
                {levelGuide.map((entry) => (
                  <div key={entry.level}>
                    <dt className="font-semibold">{pick(entry.title, currentLocale)}</dt>
                    <dd className="text-slate-700">{pick(entry.description, currentLocale)}</dd>
                  </div>
                ))}
              </dl>
            </details>
            {/* Scrolls sideways on narrow screens; focusable so a keyboard can scroll it too. */}
            <div role="region" aria-label={t("role.levelsCaption", { role: name })} tabIndex={0} className="mt-4 overflow-x-auto">
              <table className="w-full min-w-[52rem] table-fixed border-collapse text-left text-sm">
                <caption className="sr-only">{t("role.levelsCaption", { role: name })}</caption>
                <colgroup>
                  <col className="w-36" />
                  <col className="w-20" />
                  <col />
                  <col className="w-52" />
                  <col className="w-60" />
                </colgroup>
                <thead>
                  <tr className="border-b border-slate-300 text-slate-700">
                    {levelColumns.map((column, index) => (
                      <th key={column} scope="col" className={index < levelColumns.length - 1 ? "py-2 pr-3" : "py-2"}>
                        {t(`role.${column}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {role.levels.map((row) => {
                    const guide = levelGuide.find((entry) => entry.level === row.level);
                    const isHere = here === row.level;
                    return (
                      <tr key={row.level} className={`border-b border-slate-100 align-top ${isHere ? "bg-brand-50" : ""}`}>
                        <th scope="row" className="py-3 pr-3 font-semibold">
                          {guide ? pick(guide.title, currentLocale) : t("gap.levelOption", { level: row.level })}
                          {isHere ? <strong className="mt-1 block w-fit rounded-full bg-brand-700 px-2 text-xs text-white">{t("youAreHere")}</strong> : null}
                        </th>
                        <td className="py-3 pr-3 whitespace-nowrap">{t("role.years", { years: row.standardYears })}</td>
                        <td className="py-3 pr-3">
                          <Items items={row.keyExperiences} empty={t("role.none")} locale={currentLocale} />
                        </td>
                        <td className="py-3 pr-3">
                          <Items items={row.qualifications} empty={t("role.none")} locale={currentLocale} />
                        </td>
                        <td className="py-3">
                          {row.skills.length === 0 ? (
                            <span className="text-slate-600">{t("role.none")}</span>
                          ) : (
                            <ul className="space-y-0.5">
                              {row.skills.map((skill) => (
                                <li key={skill.skillId}>
                                  {pick(skill.name, currentLocale)}{" "}
                                  <span className="whitespace-nowrap rounded bg-brand-50 px-1.5 font-semibold text-brand-800">
                                    {t("gap.levelOption", { level: skill.level })}
                                  </span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </CardSection>

      {gap ? (
        <CareerGapPanel gap={gap} roleSlug={role.slug} levelGuide={levelGuide} />
      ) : (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">{t("gap.unavailable")}</p>
      )}

      <CardSection headingId="paths-heading" title={t("role.paths")}>
        <div className="mt-3 grid gap-6 md:grid-cols-2">
          {(
            [
              ["pathsIn", role.pathsIn, "pathFromRole"],
              ["pathsOut", role.pathsOut, "pathToRole"],
            ] as const
          ).map(([heading, paths, line]) => (
            <div key={heading}>
              <h3 className="font-semibold">{t(`role.${heading}`)}</h3>
              {paths.length === 0 ? (
                <p className="mt-1 text-slate-600">{t("role.noPaths")}</p>
              ) : (
                <ul className="mt-2 space-y-3">
                  {paths.map((path) => (
                    <li key={path.id}>
                      <span className="flex flex-wrap items-baseline gap-x-2">
                        <span>
                          {t.rich(`role.${line}`, {
                            role: pick(path.role.name, currentLocale),
                            family: pick(path.role.family, currentLocale),
                            link: (chunks) => (
                              <Link href={`/career-map/${path.role.slug}`} className="font-medium text-brand-700 underline">
                                {chunks}
                              </Link>
                            ),
                          })}
                        </span>
                        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700">{t(`kind.${path.kind}`)}</span>
                      </span>
                      {pick(path.note, currentLocale) ? <p className="mt-0.5 text-sm text-slate-700">{pick(path.note, currentLocale)}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </div>
      </CardSection>
    </div>
  );
}
