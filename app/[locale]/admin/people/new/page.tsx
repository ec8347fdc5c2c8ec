import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AdminPersonForm } from "@/app/_components/admin-person-form";
import { PageHeading } from "@/app/_components/page-heading";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canAdministerOrganisation } from "@/server/auth/policies";

export const generateMetadata = titleFrom("adminPeople", "newTitle");

/** Administrators: a new person in their first post. */
export default async function NewPersonPage({ params }: PageProps<"/[locale]/admin/people/new">) {
  const { actor, locale } = await signedInPage(params);
  if (!canAdministerOrganisation(actor)) notFound();
  const t = await getTranslations("adminPeople");
  const options = await (await getServerCaller()).organisation.options();
  return (
    <div className="space-y-6">
      <PageHeading title={t("newTitle")} intro={t("newIntro")} />
      <AdminPersonForm person={null} options={options} locale={locale} />
    </div>
  );
}
