"use client";

import { useEffect, useRef, useState } from "react";
import { usePathname } from "@/app/_i18n/navigation";
import { NavLink } from "./nav-link";

export type NavItem = { href: string; label: string };
export type NavGroup = { id: string; label: string; links: NavItem[] };

const isCurrent = (href: string, pathname: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));

/**
 * The main menu: a few links everyone uses, then groups that open as disclosures (a button with
 * `aria-expanded` and the list it controls), so every page is two clicks away on a phone too. One
 * group is open at a time; Escape closes it and returns focus to its button, as do a click outside
 * and a link followed.
 */
export function MainNav({ label, links, groups }: { label: string; links: NavItem[]; groups: NavGroup[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const nav = useRef<HTMLElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(null);
      document.getElementById(`nav-${open}-button`)?.focus();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!nav.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener("keydown", onKeyDown);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("keydown", onKeyDown);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, [open]);

  return (
    <nav ref={nav} aria-label={label} className="relative">
      <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <NavLink href={link.href}>{link.label}</NavLink>
          </li>
        ))}
        {groups.map((group) => {
          const expanded = open === group.id;
          const holdsCurrent = group.links.some((link) => isCurrent(link.href, pathname));
          return (
            <li key={group.id} className="sm:relative">
              <button
                type="button"
                id={`nav-${group.id}-button`}
                aria-expanded={expanded}
                aria-controls={`nav-${group.id}`}
                onClick={() => setOpen(expanded ? null : group.id)}
                className={`flex items-center gap-1 rounded px-1 py-0.5 hover:text-brand-700 ${holdsCurrent ? "font-semibold text-brand-700" : "text-slate-700"}`}
              >
                {group.label}
                <span aria-hidden="true" className="text-xs">
                  {expanded ? "▴" : "▾"}
                </span>
              </button>
              <ul
                id={`nav-${group.id}`}
                hidden={!expanded}
                onClick={(event) => {
                  if ((event.target as HTMLElement).closest("a")) setOpen(null);
                }}
                className="absolute left-0 right-0 z-20 mt-1 space-y-1 rounded border border-slate-200 bg-white p-2 shadow-lg sm:right-auto sm:min-w-56"
              >
                {group.links.map((link) => (
                  <li key={link.href} className="[&>a]:block [&>a]:px-2 [&>a]:py-1">
                    {/* Not prefetched: opening a group would otherwise fetch every page it lists. */}
                    <NavLink href={link.href} prefetch={false}>
                      {link.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
