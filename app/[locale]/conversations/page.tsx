import { getTranslations } from "next-intl/server";
import { ConversationList } from "@/app/_components/conversation-list";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { PageHeading } from "@/app/_components/page-heading";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("conversations");

/**
 * The signed-in person's own career conversations. The server never returns a manager's private
 * notes to the report, so this page has none to show.
 */
export default async function ConversationsPage({ params }: PageProps<"/[locale]/conversations">) {
  const { actor } = await signedInPage(params);
  const t = await getTranslations("conversations");
  const conversations = await (await getServerCaller()).conversation.list({ personId: actor.personId });
  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <ConversationList conversations={conversations} viewerId={actor.personId} headingLevel={2} />
    </div>
  );
}
