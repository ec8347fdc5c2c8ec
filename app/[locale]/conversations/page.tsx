import { getTranslations, setRequestLocale } from "next-intl/server";
import { ConversationList } from "@/app/_components/conversation-list";
import { titleFrom } from "@/app/_components/page-metadata";
import { requireActor } from "@/app/_components/require-actor";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("conversations");

/**
 * The signed-in person's own career conversations. The server never returns a manager's private
 * notes to the report, so this page has none to show.
 */
export default async function ConversationsPage({ params }: PageProps<"/[locale]/conversations">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requireActor(locale);
  const t = await getTranslations("conversations");
  const conversations = await (await getServerCaller()).conversation.list({ personId: actor.personId });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
      </div>
      <ConversationList conversations={conversations} viewerId={actor.personId} headingLevel={2} />
    </div>
  );
}
