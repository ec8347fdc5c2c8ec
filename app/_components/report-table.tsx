import { Link } from "@/app/_i18n/navigation";
import type { Cell, ReportTable } from "@/server/services/reports/report.schemas";
import { reportContext } from "./report-context";
import { shownColumns, type ReportFormatter } from "./report-format";

type Props = {
  table: ReportTable;
  /** The id of the note that explains the suppression mark, when a cell of this table is suppressed. */
  suppressionNoteId?: string;
};

/** A report table as an accessible HTML table: a caption, header cells with scope, figures right-aligned. */
export async function ReportTableView({ table, suppressionNoteId }: Props) {
  const { t, format } = await reportContext();
  const columns = shownColumns(table);
  return (
    <table className="w-full border-collapse text-sm" aria-describedby={suppressionNoteId}>
      <caption className="mb-2 text-left text-base font-semibold">{t(`tables.${table.id}`)}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300">
          <th scope="col" className="px-2 py-1.5 text-left font-semibold">
            {t(`rowHeaders.${table.id}`)}
          </th>
          {columns.map((column) => (
            <th key={column.id} scope="col" className={`px-2 py-1.5 font-semibold ${column.kind === "label" ? "text-left" : "text-right"}`}>
              {t(`columns.${column.id}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-200">
            <th scope="row" className="px-2 py-1.5 text-left font-normal">
              {row.href ? (
                <Link href={row.href} className="text-brand-700 underline">
                  {format.label(row.label)}
                </Link>
              ) : (
                format.label(row.label)
              )}
            </th>
            {columns.map((column) => (
              <ReportCell key={column.id} cell={row.cells[column.id]} format={format} suppressedText={t("suppressedCell")} />
            ))}
          </tr>
        ))}
        {table.rows.length === 0 ? (
          <tr>
            <td colSpan={columns.length + 1} className="px-2 py-3 text-slate-700">
              {t("emptyTable")}
            </td>
          </tr>
        ) : null}
      </tbody>
      {table.total ? (
        <tfoot>
          <tr className="border-t-2 border-slate-300 font-semibold">
            <th scope="row" className="px-2 py-1.5 text-left">
              {t("total")}
            </th>
            {columns.map((column) => (
              <ReportCell key={column.id} cell={table.total?.[column.id]} format={format} suppressedText={t("suppressedCell")} />
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** One cell: its figure, a rate's counts under it, or the suppression mark with words for screen readers. */
function ReportCell({ cell, format, suppressedText }: { cell: Cell | undefined; format: ReportFormatter; suppressedText: string }) {
  if (!cell) return <td className="px-2 py-1.5" />;
  const text = format.cell(cell);
  const ratio = format.ratio(cell);
  return (
    <td className={`px-2 py-1.5 tabular-nums ${cell.kind === "label" ? "text-left" : "text-right"}`}>
      {text === null ? (
        <>
          <span aria-hidden="true" title={suppressedText}>
            ＊
          </span>
          <span className="sr-only">{suppressedText}</span>
        </>
      ) : (
        text
      )}
      {ratio ? <span className="block text-xs text-slate-600">{ratio}</span> : null}
    </td>
  );
}
