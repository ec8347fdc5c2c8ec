import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";

/** Who applied to what, and when: the first rows of every application card (release inbox, HR queue). */
export async function ApplicationFacts({
  name,
  personId,
  opportunityId,
  opportunityTitle,
  appliedAt,
}: {
  name: string;
  personId: number;
  opportunityId: number;
  opportunityTitle: string;
  appliedAt: Date;
}) {
  const t = await getTranslations("applicationFacts");
  const format = await getFormatter();
  return (
    <>
      <dt className="text-slate-600">{t("applicant")}</dt>
      <dd>
        <Link href={`/people/${personId}`} className="text-brand-700 underline">
          {name}
        </Link>
      </dd>
      <dt className="text-slate-600">{t("opportunity")}</dt>
      <dd>
        <Link href={`/opportunities/${opportunityId}`} className="text-brand-700 underline">
          {opportunityTitle}
        </Link>
      </dd>
      <dt className="text-slate-600">{t("appliedOn")}</dt>
      <dd>{format.dateTime(appliedAt, { dateStyle: "long" })}</dd>
    </>
  );
}
