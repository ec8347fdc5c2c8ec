import type { ReactNode } from "react";

/** A page's title and the sentence under it that says what the page is for; `children` follow them. */
export function PageHeading({ title, intro, headingId, children }: { title: string; intro: string; headingId?: string; children?: ReactNode }) {
  return (
    <div>
      <h1 id={headingId} className="text-2xl font-bold">
        {title}
      </h1>
      <p className="mt-2 text-slate-700">{intro}</p>
      {children}
    </div>
  );
}
