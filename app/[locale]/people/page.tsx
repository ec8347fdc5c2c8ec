import { getLocale, getTranslations } from "next-intl/server";
import { displayName, pick, secondaryName } from "@/app/_i18n/localized";
import { Pagination } from "@/app/_components/pagination";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { SearchField } from "@/app/_components/search-field";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";
import { PEOPLE_QUERY_MAX } from "@/server/services/people/people.schemas";
import { SKILL_QUERY_MAX } from "@/server/services/skills/skill.schemas";

const PAGE_SIZE = 20;

export const generateMetadata = titleFrom("people");

/** The directory: search colleagues by name or reading; works without JavaScript. */
export default async function PeoplePage({ params, searchParams }: PageProps<"/[locale]/people">) {
  await signedInPage(params);
  const t = await getTranslations("people");
  const currentLocale = await getLocale();
  const query = await searchParams;
  const q = typeof query.q === "string" ? query.q.slice(0, 100) : "";
  const skillText = typeof query.skill === "string" ? query.skill.trim().slice(0, 50) : "";
  const page = Math.max(1, Math.min(500, Number(query.page) || 1));
  const caller = await getServerCaller();
  // The skill box takes words, not ids: the best taxonomy match (name or alias) is the filter.
  const [skill] = skillText ? await caller.skill.search({ query: skillText, limit: 1 }) : [];
  const result =
    skillText && !skill
      ? { items: [], total: 0 }
      : await caller.person.search({ query: q, skillId: skill?.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <form role="search" method="get" className="flex flex-wrap items-end gap-2">
        <SearchField id="people-q" name="q" label={t("searchLabel")} defaultValue={q} maxLength={PEOPLE_QUERY_MAX} placeholder={t("searchPlaceholder")} width="w-72" />
        <SearchField
          id="people-skill"
          name="skill"
          label={t("skillLabel")}
          defaultValue={skillText}
          maxLength={SKILL_QUERY_MAX}
          placeholder={t("skillPlaceholder")}
          width="w-64"
        />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t("search")}
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700">
        {skill ? t("withSkill", { skill: pick(skill.name, currentLocale) }) : null}
        {skillText && !skill ? t("noSuchSkill", { text: skillText }) : null} {t("count", { count: result.total })}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {result.items.map((person) => (
          <li key={person.id} className="flex flex-wrap items-baseline gap-x-4 px-4 py-3">
            <Link href={`/people/${person.id}`} className="font-medium text-brand-700 underline">
              {displayName(person, currentLocale)}
            </Link>
            <span className="text-sm text-slate-600">{secondaryName(person, currentLocale)}</span>
            <span className="text-sm text-slate-700">
              {pick(person.department, currentLocale)} · {pick(person.role, currentLocale)}
            </span>
            {person.concurrentPosts.map((post) => (
              <span key={`${post.department.ja}-${post.role.ja}`} className="text-sm text-slate-700">
                {t("concurrentPost", { department: pick(post.department, currentLocale), role: pick(post.role, currentLocale) })}
              </span>
            ))}
            {person.tagline ? <span className="text-sm text-brand-800">{person.tagline}</span> : null}
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} pathname="/people" query={{ ...(q ? { q } : {}), ...(skillText ? { skill: skillText } : {}) }} />
    </div>
  );
}
