"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import type { SkillHit } from "@/server/services/skills/skill.schemas";
import { pick } from "./localized";

/**
 * Search-as-you-type over the skill taxonomy (Japanese, English, aliases). Waits while an IME
 * composition is in progress, so typing 苦情 does not fire a search for every kana.
 */
export function SkillPicker({ label, onPick, exclude = [] }: { label: string; onPick: (skill: SkillHit) => void; exclude?: number[] }) {
  const t = useTranslations("skillPicker");
  const locale = useLocale();
  const trpc = useTRPC();
  const inputId = useId();
  const listId = useId();
  const [text, setText] = useState("");
  const [composing, setComposing] = useState(false);
  const [query, setQuery] = useState("");

  useEffect(() => {
    if (composing) return;
    const timer = setTimeout(() => setQuery(text.trim()), 200);
    return () => clearTimeout(timer);
  }, [text, composing]);

  const search = useQuery({ ...trpc.skill.search.queryOptions({ query, limit: 8 }), enabled: query.length > 0 });
  const hits = (search.data ?? []).filter((hit) => !exclude.includes(hit.id));

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="font-medium">
        {label}
      </label>
      <input
        id={inputId}
        type="search"
        value={text}
        maxLength={50}
        autoComplete="off"
        aria-controls={listId}
        placeholder={t("placeholder")}
        onChange={(event) => setText(event.target.value)}
        onCompositionStart={() => setComposing(true)}
        onCompositionEnd={(event) => {
          setComposing(false);
          setText(event.currentTarget.value);
        }}
        className="w-full max-w-md rounded border border-slate-400 px-3 py-2"
      />
      <div id={listId} aria-live="polite" className="min-h-6">
        {query && search.isSuccess && hits.length === 0 ? <p className="text-sm text-slate-600">{t("noResults")}</p> : null}
        {hits.length > 0 ? (
          <ul className="mt-1 max-w-md divide-y divide-slate-100 rounded border border-slate-200 bg-white">
            {hits.map((hit) => (
              <li key={hit.id}>
                <button
                  type="button"
                  onClick={() => {
                    onPick(hit);
                    setText("");
                    setQuery("");
                  }}
                  className="flex w-full flex-wrap items-baseline gap-x-2 px-3 py-2 text-left hover:bg-brand-50 focus:bg-brand-50"
                >
                  <span className="font-medium">{pick(hit.name, locale)}</span>
                  <span className="text-sm text-slate-600">{pick(hit.category, locale)}</span>
                  {hit.matchedAlias ? <span className="text-sm text-slate-600">{t("alias", { alias: hit.matchedAlias })}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
