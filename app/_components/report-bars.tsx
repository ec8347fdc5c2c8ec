import type { ChartItem } from "./report-charts";

type Props = {
  items: ChartItem[];
  title: string;
  summaryId: string;
  /** A funnel centres each stage's bar and sizes it against the first stage. */
  funnel?: boolean;
  suppressedText: string;
  /** "target 30%": the words beside a bar with a target, whose dashed mark shows where it is. */
  targetText: (target: string) => string;
};

/**
 * Horizontal bars (or funnel stages) in plain HTML and CSS: each bar carries its label and figure
 * in text, so the bar's colour and length only repeat what the words say.
 */
export function ReportBars({ items, title, summaryId, funnel = false, suppressedText, targetText }: Props) {
  const base = funnel ? (items.find((item) => item.value !== null)?.value ?? 0) : Math.max(0, ...items.map((item) => Math.max(item.value ?? 0, item.target ?? 0)));
  const widthOf = (value: number) => (base > 0 ? Math.max(0, Math.min(1, value / base)) * 100 : 0);
  return (
    <div role="img" aria-label={title} aria-describedby={summaryId} className="max-w-3xl space-y-1.5">
      {items.map((item) => {
        return (
          <div key={item.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr] items-center gap-3 text-sm">
            <span className="truncate text-slate-900">{item.label}</span>
            <span className="flex items-center gap-2">
              {item.value === null ? (
                <span className="text-slate-700">＊ {suppressedText}</span>
              ) : (
                <>
                  <span className={`relative flex h-4 w-[70%] ${funnel ? "justify-center" : ""}`}>
                    <span className="block h-4 rounded-sm bg-brand-700" style={{ width: `${Math.max(widthOf(item.value), item.value > 0 ? 1 : 0)}%` }} />
                    {item.target !== null ? (
                      <span className="absolute -top-1 h-6 border-l-2 border-dashed border-slate-900" style={{ left: `${widthOf(item.target)}%` }} />
                    ) : null}
                  </span>
                  <span className="whitespace-nowrap tabular-nums text-slate-900">
                    {item.text}
                    {item.targetText ? ` (${targetText(item.targetText)})` : null}
                  </span>
                </>
              )}
            </span>
          </div>
        );
      })}
    </div>
  );
}
