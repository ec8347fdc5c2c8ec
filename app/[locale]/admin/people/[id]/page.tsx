import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AdminAccessForm } from "@/app/_components/admin-access-form";
import { AdminMembershipsEditor } from "@/app/_components/admin-memberships-editor";
import { AdminPersonForm } from "@/app/_components/admin-person-form";
import { AdminPostForm } from "@/app/_components/admin-post-form";
import { PageHeading } from "@/app/_components/page-heading";
import { japanToday } from "@/app/_i18n/dates";
import { displayName } from "@/app/_i18n/localized";
import { Link } from "@/app/_i18n/navigation";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { orNotFound } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canAdministerOrganisation } from "@/server/auth/policies";

export const generateMetadata = titleFrom("adminPeople", "personTitle");

/** Administrators: one person's identity, post, concurrent posts, rights and whether they are active. */
export default async function AdminPersonPage({ params }: PageProps<"/[locale]/admin/people/[id]">) {
  const { actor, locale, id } = await signedInPage(params);
  if (!canAdministerOrganisation(actor)) notFound();
  const t = await getTranslations("adminPeople");
  const caller = await getServerCaller();
  const [person, options] = await Promise.all([orNotFound(caller.organisation.person({ personId: Number(id) })), caller.organisation.options()]);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/people" className="text-brand-700 underline">
          {t("backToList")}
        </Link>
      </p>
      <PageHeading title={displayName(person, locale)} intro={person.active ? t("personIntro") : t("inactiveSince", { date: person.leftOn ?? "—" })} />
      {/* After a save the page refreshes under the forms without remounting them, so each keeps its "saved" line. */}
      <AdminPersonForm person={person} options={options} locale={locale} />
      {person.active ? <AdminPostForm person={person} options={options} locale={locale} /> : null}
      <AdminMembershipsEditor person={person} options={options} locale={locale} today={japanToday()} />
      <AdminAccessForm person={person} />
    </div>
  );
}
