import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AdminImport } from "@/app/_components/admin-import";
import { PageHeading } from "@/app/_components/page-heading";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canImportPeople } from "@/server/auth/policies";

export const generateMetadata = titleFrom("adminImport");

/** Administrators: import people, posts and skills from an HR system's CSV or Excel export. */
export default async function AdminImportPage({ params }: PageProps<"/[locale]/admin/import">) {
  const { actor } = await signedInPage(params);
  if (!canImportPeople(actor)) notFound();
  const t = await getTranslations("adminImport");
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <AdminImport />
    </div>
  );
}
