import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PageHeading } from "@/app/_components/page-heading";
import { Pagination } from "@/app/_components/pagination";
import { SearchField } from "@/app/_components/search-field";
import { displayName } from "@/app/_i18n/localized";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { auditScopeOf } from "@/server/auth/policies";
import { auditChange, auditValueText } from "@/server/services/audit/audit.format";
import { auditEntityTypes, type AuditFilters, auditFiltersSchema } from "@/server/services/audit/audit.schemas";
import { settingsSchema } from "@/server/services/settings/settings.schemas";

export const generateMetadata = titleFrom("audit");

const filterNames = ["actor", "entityType", "entityId", "action", "fromDate", "toDate"] as const;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
}

/** Admins: the whole audit trail; HR: the workflow's part. Filtered by the URL, newest first, paged. */
export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const { actor, locale } = await signedInPage(params);
  if (!auditScopeOf(actor)) notFound();
  const t = await getTranslations("audit");
  const tFields = await getTranslations("fields");
  const format = await getFormatter();
  const search = await searchParams;
  const typed = Object.fromEntries(filterNames.map((name) => [name, first(search[name])]));
  const parsed = auditFiltersSchema.safeParse(Object.fromEntries(Object.entries(typed).filter(([, value]) => value !== "")));
  const filters: AuditFilters = parsed.success ? parsed.data : {};
  const page = Math.max(1, Math.min(100_000, Number.parseInt(first(search.page), 10) || 1));
  const result = await (await getServerCaller()).audit.list({ filters, page });
  const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  const csvHref = `/api/audit?${new URLSearchParams({ ...query, locale }).toString()}`;
  const entityLabels = new Map<string, string>(auditEntityTypes.map((type) => [type, t(`entityTypes.${type}`)]));
  const settingLabels = new Map<string, string>(settingsSchema.keyof().options.map((key) => [key, tFields(key)]));
  const entityLabel = (type: string) => entityLabels.get(type) ?? type;
  const subjectLabel = (type: string, id: string) => {
    const setting = type === "setting" ? settingLabels.get(id) : undefined;
    return setting ? `${setting} (${id})` : `${entityLabel(type)} #${id}`;
  };

  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t(`intro.${auditScopeOf(actor)!}`)} />
      <form role="search" aria-label={t("filters.label")} method="get" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <SearchField id="audit-actor" name="actor" label={t("filters.actor")} defaultValue={typed.actor} maxLength={100} />
          <div className="flex flex-col gap-1">
            <label htmlFor="audit-entity-type" className="text-sm font-medium">
              {t("filters.entityType")}
            </label>
            <select id="audit-entity-type" name="entityType" defaultValue={typed.entityType} className="w-full rounded border border-slate-400 bg-white px-3 py-2">
              <option value="">{t("filters.anyEntityType")}</option>
              {result.entityTypes.map((type) => (
                <option key={type} value={type}>
                  {entityLabel(type)}
                </option>
              ))}
            </select>
          </div>
          <SearchField id="audit-entity-id" name="entityId" label={t("filters.entityId")} defaultValue={typed.entityId} maxLength={40} />
          <SearchField id="audit-action" name="action" label={t("filters.action")} defaultValue={typed.action} placeholder="application." maxLength={80} />
          <SearchField id="audit-from" name="fromDate" type="date" label={t("filters.fromDate")} defaultValue={typed.fromDate} />
          <SearchField id="audit-to" name="toDate" type="date" label={t("filters.toDate")} defaultValue={typed.toDate} />
        </div>
        {parsed.success ? null : (
          <p role="alert" className="text-sm text-red-800">
            {t("filters.invalid")}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("filters.submit")}
          </button>
          <a href={csvHref} className="text-brand-700 underline" download>
            {t("csv")}
          </a>
        </div>
      </form>
      <p aria-live="polite" className="text-sm text-slate-700">
        {t("count", { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="p-2">{t("columns.at")}</th>
                <th scope="col" className="p-2">{t("columns.actor")}</th>
                <th scope="col" className="p-2">{t("columns.action")}</th>
                <th scope="col" className="p-2">{t("columns.entity")}</th>
                <th scope="col" className="p-2">{t("columns.change")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((entry) => {
                const change = auditChange(entry.data);
                return (
                  <tr key={entry.id} className="border-b border-slate-200 align-top">
                    <td className="whitespace-nowrap p-2">
                      <time dateTime={entry.at.toISOString()}>{format.dateTime(entry.at, { dateStyle: "medium", timeStyle: "medium", timeZone: "Asia/Tokyo" })}</time>
                    </td>
                    <td className="p-2">{entry.actor ? displayName(entry.actor, locale) : t("system")}</td>
                    <td className="p-2 font-mono">{entry.action}</td>
                    <td className="p-2">{subjectLabel(entry.entityType, entry.entityId)}</td>
                    <td className="p-2">
                      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                        {change.hasChange ? (
                          <>
                            <dt className="font-medium text-slate-600">{t("before")}</dt>
                            <dd className="break-words">{auditValueText(change.before) || "—"}</dd>
                            <dt className="font-medium text-slate-600">{t("after")}</dt>
                            <dd className="break-words">{auditValueText(change.after) || "—"}</dd>
                          </>
                        ) : null}
                        {change.details.map(([key, value]) => (
                          <div key={key} className="contents">
                            <dt className="font-medium text-slate-600">{key}</dt>
                            <dd className="break-words">{auditValueText(value)}</dd>
                          </div>
                        ))}
                      </dl>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={result.page} pages={result.pages} pathname="/admin/audit" query={query} />
    </div>
  );
}
