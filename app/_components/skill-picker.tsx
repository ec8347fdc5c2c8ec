"use client";

import { keepPreviousData, skipToken, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type Ref, useEffect, useId, useRef, useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { SKILL_QUERY_MAX, type SkillHit } from "@/server/services/skills/skill.schemas";
import { normalizeSearchText } from "@/server/services/text/normalize";
import { comboboxKeyAction } from "./combobox-keys";
import { pick } from "@/app/_i18n/localized";

const SEARCH_DEBOUNCE_MS = 200;
const SEARCH_LIMIT = 10;

type Props = {
  label: string;
  onChoose: (skill: SkillHit) => void;
  /** Skills already chosen: listed as added, and not chosen twice. */
  chosenIds?: readonly number[];
  id?: string;
  disabled?: boolean;
  /** Ids outside the picker that describe it (the hint and error of its fieldset). */
  describedBy?: string;
  invalid?: boolean;
  inputRef?: Ref<HTMLInputElement>;
};

/**
 * The one skill search (ARIA combobox with a listbox popup) over the taxonomy: Japanese, English
 * and aliases. It never searches while an IME composition is open — the half-typed reading would
 * fire a query per keystroke and the candidate window's Enter would pick a result — and searches
 * ~200 ms after the last change or on `compositionend`, with the text NFKC-normalised.
 */
export function SkillPicker({ label, onChoose, chosenIds = [], id, disabled, describedBy, invalid, inputRef }: Props) {
  const t = useTranslations("skillPicker");
  const locale = useLocale();
  const trpc = useTRPC();
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const listboxId = `${inputId}-listbox`;
  const [text, setText] = useState("");
  const [term, setTerm] = useState("");
  const [open, setOpen] = useState(false);
  // The active option belongs to one result list: a new search starts with none active.
  const [active, setActive] = useState<{ term: string; index: number }>({ term: "", index: -1 });
  const composing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const search = useQuery(
    trpc.skill.search.queryOptions(term ? { query: term, limit: SEARCH_LIMIT } : skipToken, { placeholderData: keepPreviousData, staleTime: 60_000 }),
  );
  const hits = term ? (search.data ?? []) : [];
  const activeIndex = active.term === term && active.index < hits.length ? active.index : -1;
  const showPopup = open && term !== "" && (hits.length > 0 || search.isFetched);
  const expanded = showPopup && hits.length > 0;

  function schedule(value: string) {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTerm(normalizeSearchText(value)), SEARCH_DEBOUNCE_MS);
  }

  function choose(index: number) {
    const hit = hits[index];
    if (!hit || chosenIds.includes(hit.id)) return;
    onChoose(hit);
    clearTimeout(timer.current);
    setText("");
    setTerm("");
    setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    // Keys pressed inside the IME belong to the IME (Enter confirms the conversion).
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    const action = comboboxKeyAction(event.key, { open: showPopup, activeIndex, optionCount: hits.length });
    if (action.kind === "pass") return;
    event.preventDefault();
    if (action.kind === "move") {
      setOpen(true);
      setActive({ term, index: action.activeIndex });
    } else if (action.kind === "choose") choose(action.activeIndex);
    else if (action.kind === "close") setOpen(false);
  }

  const status = !term
    ? ""
    : search.isFetching && hits.length === 0
      ? t("searching")
      : search.isError
        ? t("searchFailed")
        : search.isFetched
          ? t("results", { count: hits.length })
          : "";

  return (
    <div className="relative">
      <label id={`${inputId}-label`} htmlFor={inputId} className="font-medium">
        {label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="text"
        role="combobox"
        autoComplete="off"
        maxLength={SKILL_QUERY_MAX}
        value={text}
        disabled={disabled}
        placeholder={t("placeholder")}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={activeIndex >= 0 ? `${listboxId}-${hits[activeIndex]!.id}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          if (composing.current || (event.nativeEvent as InputEvent).isComposing) return;
          schedule(event.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
          clearTimeout(timer.current);
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          schedule(event.currentTarget.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        className="mt-1 block w-full max-w-md rounded border border-slate-400 bg-white px-3 py-2 disabled:bg-slate-100"
      />
      <p aria-live="polite" className="sr-only">
        {status}
      </p>
      {/* Rendered only while open: a closed list would share the field's name and confuse "find by label". */}
      {expanded ? (
        <ul
          id={listboxId}
          role="listbox"
          aria-labelledby={`${inputId}-label`}
          className="absolute left-0 z-20 mt-1 max-h-80 w-full max-w-md overflow-auto rounded border border-slate-300 bg-white py-1 shadow-lg"
        >
          {hits.map((hit, index) => {
            const chosen = chosenIds.includes(hit.id);
            const other = locale === "en" ? hit.name.ja : hit.name.en;
            return (
              <li
                key={hit.id}
                id={`${listboxId}-${hit.id}`}
                role="option"
                aria-selected={index === activeIndex}
                aria-disabled={chosen || undefined}
                // Keep focus in the input: the option is picked on click, not on focus.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(index)}
                className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? "bg-brand-100" : "hover:bg-slate-100"} ${chosen ? "cursor-default text-slate-500" : ""}`}
              >
                <span className="font-medium">{pick(hit.name, locale)}</span>
                {chosen ? <span className="ml-2 text-sm">({t("added")})</span> : null}
                <span className="block text-sm text-slate-600">
                  {other} · {pick(hit.category, locale)}
                  {hit.matchedAlias ? ` · ${t("alias", { alias: hit.matchedAlias })}` : null}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {showPopup && hits.length === 0 ? (
        <p className="absolute left-0 z-20 mt-1 w-full max-w-md rounded border border-slate-300 bg-white px-3 py-2 text-slate-700 shadow-lg">{status}</p>
      ) : null}
    </div>
  );
}
