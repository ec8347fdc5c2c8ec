import type { ReportTable } from "@/server/services/reports/report.schemas";
import { ReportBars } from "./report-bars";
import { chartItems, chartSummary, flowGraph, sankeyPicture } from "./report-charts";
import { reportContext } from "./report-context";
import { hasSuppressedCell } from "./report-format";
import { SuppressionNote } from "./report-headlines";
import { ReportSankey } from "./report-sankey";
import { ReportTableView } from "./report-table";

type Props = {
  table: ReportTable;
  /** Groups smaller than this are hidden: the note under a table with a hidden cell says so. */
  threshold: number;
  /** The table as a CSV file, with the page's filters. */
  csvHref: string;
};

/** One table of a report: its chart (drawn on the server) with a text summary, the table with the same numbers, and its CSV. */
export async function ReportTableSection({ table, threshold, csvHref }: Props) {
  const { t, format } = await reportContext();
  const name = t(`tables.${table.id}`);
  const headingId = `table-${table.id}`;
  const summaryId = `summary-${table.id}`;
  const noteId = `suppressed-${table.id}`;
  const suppressed = hasSuppressedCell(table);
  const chartTitle = table.chart ? t(`charts.${table.chart}`, { table: name }) : "";
  return (
    <section aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id={headingId} className="text-xl font-semibold">
        {name}
      </h2>
      {table.chart ? (
        <figure className="space-y-2">
          {table.chart === "sankey" ? (
            <ReportSankey picture={sankeyPicture(flowGraph(table, format))} title={chartTitle} summaryId={summaryId} />
          ) : (
            <ReportBars
              items={chartItems(table, format)}
              title={chartTitle}
              summaryId={summaryId} funnel={table.chart === "funnel"}
              suppressedText={t("suppressedCell")}
              targetText={(target) => t("target", { target })}
            />
          )}
          <figcaption id={summaryId} className="text-sm text-slate-700">
            {chartSummary(table.chart, table, format, t)}
          </figcaption>
        </figure>
      ) : null}
      <ReportTableView table={table} suppressionNoteId={suppressed ? noteId : undefined} />
      {suppressed ? <SuppressionNote id={noteId} threshold={threshold} /> : null}
      <p>
        <a href={csvHref} download className="text-brand-700 underline">
          {t("downloadCsv", { table: name })}
        </a>
      </p>
    </section>
  );
}
