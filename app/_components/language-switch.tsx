"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/app/_i18n/navigation";
import { routing } from "@/app/_i18n/routing";

/** Switches between 日本語 and English on the same page (next-intl remembers the choice in a cookie). */
export function LanguageSwitch() {
  const t = useTranslations("language");
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return (
    <nav aria-label={t("label")}>
      <ul className="flex gap-2 text-sm">
        {routing.locales.map((target) => (
          <li key={target}>
            {target === locale ? (
              <span aria-current="true" className="rounded bg-slate-100 px-2 py-1 font-semibold" lang={target}>
                {t(target)}
              </span>
            ) : (
              <Link href={search ? `${pathname}?${search}` : pathname} locale={target} lang={target} className="rounded px-2 py-1 text-brand-700 underline hover:bg-brand-50">
                {t(target)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
