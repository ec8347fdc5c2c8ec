import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { displayName, pick } from "@/app/_i18n/localized";
import { ScoutAnswer } from "@/app/_components/match-actions";
import { PageHeading } from "@/app/_components/page-heading";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { getServerCaller } from "@/app/_trpc/server";

export const generateMetadata = titleFrom("scouts");

const statusTone = {
  pending: "bg-amber-50 text-amber-900 ring-amber-300",
  accepted: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  declined: "bg-slate-100 text-slate-800 ring-slate-300",
} as const;

/** The scout inbox (社内FA): who invited me to what, and my answer. Only I see it. */
export default async function ScoutsPage({ params }: PageProps<"/[locale]/scouts">) {
  await signedInPage(params);
  const t = await getTranslations("scouts");
  const currentLocale = await getLocale();
  const format = await getFormatter();
  const invites = await (await getServerCaller()).scout.mine();

  return (
    <div className="space-y-6">
      <PageHeading title={t("title")} intro={t("intro")} />
      <div className="rounded-lg border border-brand-100 bg-brand-50 p-4">
        <p>{t("privacy")}</p>
        <Link href="/profile" className="mt-1 inline-block text-sm text-brand-700 underline">
          {t("settingsLink")}
        </Link>
      </div>
      {invites.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {invites.map((invite) => (
            <li key={invite.id}>
              <article aria-labelledby={`scout-${invite.id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-2 py-0.5 text-sm font-medium ring-1 ${statusTone[invite.status]}`}>
                    <span className="sr-only">{t("statusLabel")}: </span>
                    {t(`status.${invite.status}`)}
                  </span>
                </div>
                <h2 id={`scout-${invite.id}`} className="text-lg font-semibold">
                  <Link href={`/opportunities/${invite.opportunityId}`} className="text-brand-700 underline">
                    {invite.opportunityTitle}
                  </Link>
                </h2>
                <dl className="grid gap-x-8 gap-y-1 sm:grid-cols-3">
                  <div>
                    <dt className="text-sm text-slate-600">{t("department")}</dt>
                    <dd>{pick(invite.department, currentLocale)}</dd>
                  </div>
                  <div>
                    <dt className="text-sm text-slate-600">{t("from")}</dt>
                    <dd>{displayName(invite.from, currentLocale)}</dd>
                  </div>
                  <div>
                    <dt className="text-sm text-slate-600">{t("receivedOn")}</dt>
                    <dd>{format.dateTime(invite.createdAt, { dateStyle: "long" })}</dd>
                  </div>
                </dl>
                <div>
                  <h3 className="text-sm font-semibold text-slate-800">{t("message")}</h3>
                  <p className="mt-1 whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-3">{invite.message}</p>
                </div>
                {invite.status === "pending" ? (
                  <ScoutAnswer inviteId={invite.id} title={invite.opportunityTitle} />
                ) : invite.status === "accepted" && invite.response ? (
                  <p className="text-slate-800">
                    {t(`response.${invite.response}`)}
                    {invite.response === "application" ? (
                      <>
                        {" "}
                        <Link href="/applications" className="text-brand-700 underline">
                          {t("applicationsLink")}
                        </Link>
                      </>
                    ) : null}
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
