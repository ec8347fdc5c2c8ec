import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/app/_i18n/navigation";
import { Fact } from "./fact";

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
      <Fact term={t("applicant")}>
        <Link href={`/people/${personId}`} className="text-brand-700 underline">
          {name}
        </Link>
      </Fact>
      <Fact term={t("opportunity")}>
        <Link href={`/opportunities/${opportunityId}`} className="text-brand-700 underline">
          {opportunityTitle}
        </Link>
      </Fact>
      <Fact term={t("appliedOn")}>{format.dateTime(appliedAt, { dateStyle: "long" })}</Fact>
    </>
  );
}
