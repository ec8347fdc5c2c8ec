import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ScimTokenPanel } from "@/app/_components/scim-token-panel";
import { PageHeading } from "@/app/_components/page-heading";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { getServerCaller } from "@/app/_trpc/server";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { canManageScimTokens } from "@/server/auth/policies";

export const generateMetadata = titleFrom("adminScim");

/** Administrators: the identity provider's SCIM tokens — created and rotated with the secret shown once, revoked. */
export default async function AdminScimPage({ params }: PageProps<"/[locale]/admin/scim">) {
  const { actor } = await signedInPage(params);
  if (!canManageScimTokens(actor)) notFound();
  const t = await getTranslations("adminScim");
  const format = await getFormatter();
  const when = (date: Date | null) => (date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Tokyo" }) : null);
  const tokens = await (await getServerCaller()).scim.tokens();
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <ScimTokenPanel
        tokens={tokens.map((token) => ({ id: token.id, name: token.name, createdBy: token.createdBy, createdAt: when(token.createdAt)!, lastUsedAt: when(token.lastUsedAt), revokedAt: when(token.revokedAt) }))}
      />
    </div>
  );
}
