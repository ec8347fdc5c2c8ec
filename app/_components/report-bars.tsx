import type { ChartItem } from "./report-charts";

type Props = {
  items: ChartItem[];
  title: string;
  summaryId: string;
  /** A funnel centres each stage's bar and sizes it against the first stage. */
  funnel?: boolean;
  suppressedText: string;
};

/**
 * Horizontal bars (or funnel stages) in plain HTML and CSS: each bar carries its label and figure
 * in text, so the bar's colour and length only repeat what the words say.
 */
export function ReportBars({ items, title, summaryId, funnel = false, suppressedText }: Props) {
  const base = funnel ? (items.find((item) => item.value !== null)?.value ?? 0) : Math.max(0, ...items.map((item) => item.value ?? 0));
  return (
    <div role="img" aria-label={title} aria-describedby={summaryId} className="max-w-3xl space-y-1.5">
      {items.map((item) => {
        const share = base > 0 && item.value !== null ? Math.max(0, Math.min(1, item.value / base)) : 0;
        return (
          <div key={item.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr] items-center gap-3 text-sm">
            <span className="truncate text-slate-900">{item.label}</span>
            <span className={`flex items-center gap-2 ${funnel ? "justify-center" : ""}`}>
              {item.value === null ? (
                <span className="text-slate-700">＊ {suppressedText}</span>
              ) : (
                <>
                  <span className="block h-4 rounded-sm bg-brand-700" style={{ width: `${Math.max(share * 70, item.value > 0 ? 1 : 0)}%` }} />
                  <span className="tabular-nums text-slate-900">{item.text}</span>
                </>
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}
