import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import type { Reminders } from "@/server/services/team/team.schemas";

/** What needs attention now; renders nothing when all is in order. */
export async function RemindersPanel({ reminders }: { reminders: Reminders }) {
  const t = await getTranslations("reminders");
  const format = await getFormatter();
  const items: { key: string; text: string; href: string; action: string }[] = [];
  if (reminders.profileStale) {
    items.push({
      key: "stale",
      text: reminders.profileReviewedAt
        ? t("profileStale", { date: format.dateTime(reminders.profileReviewedAt, { dateStyle: "medium" }), days: reminders.stalenessDays })
        : t("profileNeverReviewed"),
      href: "/profile",
      action: t("reviewProfile"),
    });
  }
  if (reminders.ownConversationOverdueSince) {
    items.push({
      key: "own-conversation",
      text: t("ownConversationOverdue", { date: format.dateTime(new Date(reminders.ownConversationOverdueSince), { dateStyle: "medium" }) }),
      href: "/conversations",
      action: t("openConversations"),
    });
  }
  if (reminders.reportsWithOverdueConversation > 0) {
    items.push({ key: "team-conversations", text: t("teamConversationsOverdue", { count: reminders.reportsWithOverdueConversation }), href: "/team", action: t("openTeam") });
  }
  if (reminders.pendingVerifications > 0) {
    items.push({ key: "verifications", text: t("pendingVerifications", { count: reminders.pendingVerifications }), href: "/team", action: t("openTeam") });
  }
  if (reminders.reportsPastStandardYears > 0) {
    items.push({ key: "standard-years", text: t("pastStandardYears", { count: reminders.reportsPastStandardYears }), href: "/team", action: t("openTeam") });
  }
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="reminders-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="reminders-heading" className="font-semibold text-amber-900">
        {t("heading")}
      </h2>
      <ul className="mt-2 space-y-1">
        {items.map((item) => (
          <li key={item.key} className="flex flex-wrap gap-x-3">
            <span>{item.text}</span>
            <Link href={item.href} className="text-brand-700 underline">
              {item.action}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
