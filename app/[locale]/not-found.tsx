import { getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("body")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
