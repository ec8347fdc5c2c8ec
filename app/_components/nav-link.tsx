"use client";

import { Link, usePathname } from "@/app/_i18n/navigation";

/** A navigation link that marks the current page for screen readers and sighted users alike. */
export function NavLink({ href, prefetch, children }: { href: string; prefetch?: false; children: React.ReactNode }) {
  const pathname = usePathname();
  const current = href === "/" ? pathname === "/" : pathname.startsWith(href);
  return (
    <Link
      href={href}
      prefetch={prefetch}
      aria-current={current ? "page" : undefined}
      className={`rounded px-1 py-0.5 hover:text-brand-700 ${current ? "font-semibold text-brand-700 underline underline-offset-4" : "text-slate-700"}`}
    >
      {children}
    </Link>
  );
}
