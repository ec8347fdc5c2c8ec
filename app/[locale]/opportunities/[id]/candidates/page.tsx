import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { displayName } from "@/app/_i18n/localized";
import { InviteForm } from "@/app/_components/match-actions";
import { CandidateMatch, MatchScore } from "@/app/_components/match-explanation";
import { Pagination } from "@/app/_components/pagination";
import { titleFrom } from "@/app/_i18n/page-metadata";
import { signedInPage } from "@/app/_trpc/signed-in-page";
import { Link } from "@/app/_i18n/navigation";
import { idFromPath, orNotFound } from "@/app/_trpc/or-not-found";
import { getServerCaller } from "@/app/_trpc/server";

const PAGE_SIZE = 50;
const MAX_PAGE = 100;

export const generateMetadata = titleFrom("candidates");

/** A page number from the URL, or 1: a hand-edited URL never reaches the server as junk. */
function pageFrom(value: string | string[] | undefined): number {
  const number = typeof value === "string" ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= MAX_PAGE ? number : 1;
}

async function load(opportunityId: number, page: number) {
  const caller = await getServerCaller();
  // The candidates first: for anyone but the posting's hiring manager and HR they are NOT_FOUND.
  const candidates = await orNotFound(caller.matching.candidates({ opportunityId, page }));
  const opportunity = await orNotFound(caller.opportunity.byId({ opportunityId }));
  return { candidates, opportunity };
}

/**
 * A posting's suggested candidates, for its hiring manager and HR: judged on skills first, so each
 * is "Candidate #rank" until they accept an invitation or apply, shown as banded facts. Any hidden
 * candidate can be invited alike; the invitation reaches only those who accept scouting.
 */
export default async function CandidatesPage({ params, searchParams }: PageProps<"/[locale]/opportunities/[id]/candidates">) {
  const { id } = await signedInPage(params);
  const opportunityId = idFromPath(id);
  const page = pageFrom((await searchParams).page);
  const { candidates, opportunity } = await load(opportunityId, page);
  const t = await getTranslations("candidates");
  const currentLocale = await getLocale();
  const format = await getFormatter();
  const pages = Math.min(MAX_PAGE, Math.max(1, Math.ceil(candidates.total / PAGE_SIZE)));

  return (
    <div className="space-y-6">
      <p>
        <Link href={`/opportunities/${opportunityId}`} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-lg">{t("posting", { title: opportunity.title })}</p>
        <p className="mt-2 text-slate-700">{t("intro")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("consent")}</p>
        <p className="mt-2 text-sm text-slate-700">
          {t("count", { count: candidates.total })} ·{" "}
          {candidates.computedAt ? t("computedAt", { date: format.dateTime(candidates.computedAt, { dateStyle: "long", timeStyle: "short" }) }) : t("notComputed")}
        </p>
      </div>

      {candidates.items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-4">
          {candidates.items.map((candidate) => {
            const label = candidate.person ? displayName(candidate.person, currentLocale) : t("candidate", { rank: candidate.rank });
            const headingId = `candidate-${candidate.rank}`;
            return (
              <li key={candidate.candidateKey}>
                <article aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
                  <div className="space-y-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <MatchScore total={candidate.facts.total} />
                      {candidate.invited ? (
                        <span className="rounded bg-emerald-50 px-2 py-0.5 text-sm font-medium text-emerald-900 ring-1 ring-emerald-300">{t("invited")}</span>
                      ) : candidate.person ? (
                        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300">{t("applied")}</span>
                      ) : null}
                    </div>
                    <h2 id={headingId} className="text-lg font-semibold">
                      {label}
                    </h2>
                    {candidate.person ? <p className="text-sm text-slate-600">{t("rank", { rank: candidate.rank })}</p> : null}
                  </div>
                  {/* Whether a hidden candidate accepts scouting is not served, nor told by inviting: invitations are sealed. */}
                  {candidate.invited || candidate.person ? null : (
                    <InviteForm opportunityId={opportunityId} candidateKey={candidate.candidateKey} candidateLabel={label} />
                  )}
                  <CandidateMatch facts={candidate.facts} />
                </article>
              </li>
            );
          })}
        </ol>
      )}

      <Pagination page={page} pages={pages} pathname={`/opportunities/${opportunityId}/candidates`} query={{}} />
    </div>
  );
}
