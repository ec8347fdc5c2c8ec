import type { ReactNode } from "react";

type Props = {
  /** The heading's id; the section is named by its heading for screen-reader landmarks. */
  headingId: string;
  title: ReactNode;
  /** Extra classes, e.g. spacing between the section's children. */
  className?: string;
  children: ReactNode;
};

/** A white card of a page with its own second-level heading. */
export function CardSection({ headingId, title, className, children }: Props) {
  return (
    <section aria-labelledby={headingId} className={`${className ? `${className} ` : ""}rounded-lg border border-slate-200 bg-white p-6 shadow-sm`}>
      <h2 id={headingId} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
