import { useTranslations } from "next-intl";

const statusTone: Record<string, string> = {
  draft: "bg-amber-50 text-amber-900 ring-amber-300",
  open: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  closed: "bg-slate-100 text-slate-800 ring-slate-300",
  filled: "bg-slate-100 text-slate-800 ring-slate-300",
};

/** The kind of a posting (社内公募, 兼務, カジュアル面談…), as a badge. */
export function KindBadge({ kind }: { kind: string }) {
  const t = useTranslations("opportunities");
  return <span className="inline-block rounded bg-brand-50 px-2 py-0.5 text-sm font-semibold text-brand-800 ring-1 ring-brand-100">{t(`kind.${kind}`)}</span>;
}

/** Draft / open / closed / filled, in words (never colour alone). */
export function OpportunityStatusBadge({ status }: { status: string }) {
  const t = useTranslations("opportunities");
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-medium ring-1 ${statusTone[status] ?? statusTone.closed}`}>{t(`status.${status}`)}</span>;
}
