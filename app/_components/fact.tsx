import type { ReactNode } from "react";

/** One row of a list of facts (`<dl>`): the muted term, then its value. */
export function Fact({ term, className, children }: { term: ReactNode; className?: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-600">{term}</dt>
      <dd className={className}>{children}</dd>
    </>
  );
}
