import type { Headline } from "@/server/services/reports/report.schemas";
import { reportContext } from "./report-context";

/** True when a headline is hidden: the page then explains the mark. */
export function hasSuppressedHeadline(headlines: Headline[]): boolean {
  return headlines.some((headline) => headline.cell.kind !== "label" && headline.cell.value === null);
}

/** What the mark of a hidden figure means. */
export async function SuppressionNote({ threshold, id }: { threshold: number; id?: string }) {
  const { t } = await reportContext();
  return (
    <p id={id} className="text-sm text-slate-700">
      {t("suppressionNote", { threshold })}
    </p>
  );
}

/** A report's headline figures, each with its formula on a short line under the number. */
export async function ReportHeadlines({ headlines, labelledBy }: { headlines: Headline[]; labelledBy?: string }) {
  const { t, format } = await reportContext();
  if (headlines.length === 0) return null;
  return (
    <dl aria-labelledby={labelledBy} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {headlines.map((headline) => {
        const text = format.cell(headline.cell);
        const ratio = format.ratio(headline.cell);
        return (
          <div key={headline.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm font-medium text-slate-700">{t(`headlines.${headline.id}`)}</dt>
            <dd className="my-1 text-2xl font-bold tabular-nums text-slate-900">
              {text ?? (
                <>
                  <span aria-hidden="true">＊</span>
                  <span className="sr-only">{t("suppressedCell")}</span>
                </>
              )}
              {ratio ? <span className="ml-2 text-sm font-normal text-slate-700">({ratio})</span> : null}
            </dd>
            <dd className="text-sm text-slate-700">{t(`formulas.${headline.formula}`)}</dd>
          </div>
        );
      })}
    </dl>
  );
}
