import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { reportFormatter } from "./report-format";

/** The `reports` messages and the number formats of the page's language, for a report component. */
export async function reportContext() {
  const t = await getTranslations("reports");
  const locale = await getLocale();
  return { t, locale, format: reportFormatter(locale, t) };
}
