import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";

type Href = { pathname: string; query: Record<string, string | string[]> };

/** Previous / next links for a paged list that keeps its filters in the URL (works without JavaScript). */
export async function Pagination({ page, pages, pathname, query }: { page: number; pages: number } & Href) {
  if (pages <= 1) return null;
  const t = await getTranslations("pagination");
  const href = (target: number): Href => ({ pathname, query: { ...query, page: String(target) } });
  return (
    <nav aria-label={t("label")} className="flex items-center gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} className="text-brand-700 underline">
          {t("previous")}
        </Link>
      ) : null}
      <span className="text-sm">{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className="text-brand-700 underline">
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
