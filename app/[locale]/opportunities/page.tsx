import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { japanDay } from "@/app/_i18n/dates";
import { pick } from "@/app/_i18n/localized";
import { KindBadge, OpportunityStatusBadge } from "@/app/_components/opportunity-badges";
import { Pagination } from "@/app/_components/pagination";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { SearchField } from "@/app/_components/search-field";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";
import { isHrStaff } from "@/server/auth/policies";
import {
  LOCATION_MAX,
  OPPORTUNITY_QUERY_MAX,
  opportunityKinds,
  type OpportunitySummary,
  TIME_PERCENT_RANGE,
} from "@/server/services/opportunities/opportunity.schemas";
import { SKILL_QUERY_MAX } from "@/server/services/skills/skill.schemas";

const PAGE_SIZE = 20;

type Kind = (typeof opportunityKinds)[number];

export const generateMetadata = titleFrom("opportunities");

const text = (value: string | string[] | undefined, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "");
const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
/** A whole number in range, or undefined: a hand-edited URL never reaches the server as junk. */
const whole = (value: string | string[] | undefined, min: number, max: number) => {
  const number = Number(text(value, 10));
  return text(value, 10) && Number.isInteger(number) && number >= min && number <= max ? number : undefined;
};

/** Browse and search postings; the form is a plain GET, so it works without JavaScript. */
export default async function OpportunitiesPage({ params, searchParams }: PageProps<"/[locale]/opportunities">) {
  const { actor } = await signedInPage(params);
  const t = await getTranslations("opportunities");
  const currentLocale = await getLocale();
  const format = await getFormatter();
  const query = await searchParams;
  const q = text(query.q, 100);
  const kinds = list(query.kind).filter((kind): kind is Kind => (opportunityKinds as readonly string[]).includes(kind));
  const departmentId = whole(query.department, 1, 2_147_483_647);
  const skillText = text(query.skill, 50);
  const maxTimePercent = whole(query.maxTime, 1, 100);
  const location = text(query.location, 100);
  const page = whole(query.page, 1, 1000) ?? 1;

  const caller = await getServerCaller();
  // The skill box takes words, not ids: the best taxonomy match (name or alias) is the filter.
  const [[skill], departments] = await Promise.all([
    skillText ? caller.skill.search({ query: skillText, limit: 1 }) : Promise.resolve([]),
    caller.opportunity.departments({ purpose: "browse" }),
  ]);
  const result =
    skillText && !skill
      ? { items: [], total: 0 }
      : await caller.opportunity.list({
          query: q,
          kinds,
          departmentId,
          skillId: skill?.id,
          maxTimePercent,
          location: location || undefined,
          page,
          pageSize: PAGE_SIZE,
        });
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const filters = {
    ...(q ? { q } : {}),
    ...(kinds.length ? { kind: kinds } : {}),
    ...(departmentId ? { department: String(departmentId) } : {}),
    ...(skillText ? { skill: skillText } : {}),
    ...(maxTimePercent ? { maxTime: String(maxTimePercent) } : {}),
    ...(location ? { location } : {}),
  };
  const mayPost = actor.isManager || isHrStaff(actor);
  const dates = (item: OpportunitySummary) => {
    const from = item.startOn ? format.dateTime(japanDay(item.startOn), { dateStyle: "medium" }) : null;
    const to = item.endOn ? format.dateTime(japanDay(item.endOn), { dateStyle: "medium" }) : null;
    if (from && to) return t("dateRange", { from, to });
    if (from) return t("dateFrom", { from });
    if (to) return t("dateTo", { to });
    return t("datesOpen");
  };

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeading title={t("title")} intro={t("intro")} />
        {mayPost ? (
          <Link href="/opportunities/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("post")}
          </Link>
        ) : null}
      </div>

      <form role="search" aria-label={t("searchLabel")} method="get" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor="opportunity-q" className="font-medium">
            {t("filters.query")}
          </label>
          <p id="opportunity-q-hint" className="text-sm text-slate-600">
            {t("filters.queryHint")}
          </p>
          <input
            id="opportunity-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={OPPORTUNITY_QUERY_MAX}
            aria-describedby="opportunity-q-hint"
            className="w-full max-w-xl rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <fieldset>
          <legend className="font-medium">{t("filters.kind")}</legend>
          <div className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
            {opportunityKinds.map((kind) => (
              <label key={kind} className="flex items-center gap-2">
                <input type="checkbox" name="kind" value={kind} defaultChecked={kinds.includes(kind)} className="h-4 w-4" />
                {t(`kind.${kind}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="flex flex-col gap-1">
            <label htmlFor="opportunity-department" className="text-sm font-medium">
              {t("filters.department")}
            </label>
            <select
              id="opportunity-department"
              name="department"
              defaultValue={departmentId ? String(departmentId) : ""}
              className="w-full rounded border border-slate-400 bg-white px-3 py-2"
            >
              <option value="">{t("filters.anyDepartment")}</option>
              {departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {pick(department.name, currentLocale)}
                </option>
              ))}
            </select>
          </div>
          <SearchField id="opportunity-skill" name="skill" label={t("filters.skill")} defaultValue={skillText} maxLength={SKILL_QUERY_MAX} />
          <SearchField
            id="opportunity-max-time"
            name="maxTime"
            type="number"
            inputMode="numeric"
            label={t("filters.maxTime")}
            {...TIME_PERCENT_RANGE}
            defaultValue={maxTimePercent ?? ""}
          />
          <SearchField id="opportunity-location" name="location" label={t("filters.location")} defaultValue={location} maxLength={LOCATION_MAX} />
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("filters.submit")}
          </button>
          {Object.keys(filters).length > 0 ? (
            <Link href="/opportunities" className="text-brand-700 underline">
              {t("filters.clear")}
            </Link>
          ) : null}
        </div>
      </form>

      <p aria-live="polite" className="text-sm text-slate-700">
        {skill ? `${t("withSkill", { skill: pick(skill.name, currentLocale) })} ` : null}
        {skillText && !skill ? `${t("noSuchSkill", { text: skillText })} ` : null}
        {t("count", { count: result.total })}
      </p>

      {result.items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-3">
          {result.items.map((item) => (
            <li key={item.id}>
              <article aria-labelledby={`opportunity-${item.id}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <KindBadge kind={item.kind} />
                  {item.status !== "open" ? <OpportunityStatusBadge status={item.status} /> : null}
                </div>
                <h2 id={`opportunity-${item.id}`} className="mt-2 text-lg font-semibold">
                  <Link href={`/opportunities/${item.id}`} className="text-brand-700 underline">
                    {item.title}
                  </Link>
                </h2>
                <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
                  <div className="flex gap-2">
                    <dt className="text-slate-600">{t("fields.department")}</dt>
                    <dd>{pick(item.department, currentLocale)}</dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="text-slate-600">{t("fields.role")}</dt>
                    <dd>{item.role ? pick(item.role, currentLocale) : t("noRole")}</dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="text-slate-600">{t("fields.timePercent")}</dt>
                    <dd>{t("percent", { value: item.timePercent })}</dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="text-slate-600">{t("fields.dates")}</dt>
                    <dd>{dates(item)}</dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="text-slate-600">{t("fields.location")}</dt>
                    <dd>
                      {item.location ? `${item.location} · ` : null}
                      {t(`workplace.${item.workplace}`)}
                    </dd>
                  </div>
                  <div className="flex gap-2">
                    <dt className="text-slate-600">{t("fields.slots")}</dt>
                    <dd>{t("slotsValue", { count: item.slots })}</dd>
                  </div>
                </dl>
              </article>
            </li>
          ))}
        </ul>
      )}

      <Pagination page={page} pages={pages} pathname="/opportunities" query={filters} />
    </div>
  );
}
