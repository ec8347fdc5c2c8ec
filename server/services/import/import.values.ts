import { hiraganaToKatakana } from "../text/normalize";

/*
 * Cell values as Japanese HR systems export them, normalised to what Kakezan stores. Each returns
 * null for a value it cannot read; the row validator turns that into the row's error.
 */

/** Full-width digits, letters and spaces folded (NFKC), ends trimmed. */
export function cleanCell(value: string): string {
  return value.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/** The first year of each era (令和 1 = 2019) and the day it began. */
const eras: Record<string, { start: number; from: string }> = {
  令和: { start: 2018, from: "2019-05-01" },
  R: { start: 2018, from: "2019-05-01" },
  平成: { start: 1988, from: "1989-01-08" },
  H: { start: 1988, from: "1989-01-08" },
  昭和: { start: 1925, from: "1926-12-25" },
  S: { start: 1925, from: "1926-12-25" },
};

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar day as `yyyy-mm-dd`: `yyyy/mm/dd`, `yyyy-mm-dd`, `yyyy年m月d日`, `YYYYMMDD`, or an era
 * date (令和6年4月1日, R6.4.1, 令和元年5月1日). Dates a calendar does not have are refused.
 */
export function parseDate(raw: string): string | null {
  const value = cleanCell(raw);
  let match = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?(?:\s.*)?$/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(令和|平成|昭和|[RHS])\s*(元|\d{1,2})[.年/](\d{1,2})[.月/](\d{1,2})日?$/i.exec(value);
  if (match) {
    const era = eras[match[1]!.toUpperCase()] ?? eras[match[1]!];
    if (!era) return null;
    const year = era.start + (match[2] === "元" ? 1 : Number(match[2]));
    const date = isoDate(year, Number(match[3]), Number(match[4]));
    return date !== null && date >= era.from ? date : null;
  }
  return null;
}

const KANA = /^[\p{Script=Katakana}ー・ ]+$/u;

/** A reading in full- or half-width katakana or in hiragana, stored in full-width katakana. */
export function normaliseKana(raw: string): string | null {
  const value = hiraganaToKatakana(cleanCell(raw)).replace(/\u3000/g, " ");
  return value !== "" && KANA.test(value) ? value : null;
}

/** A whole name (`山田 太郎`, `山田　太郎`) split at its first space into family and given name. */
export function splitName(raw: string): { family: string; given: string } | null {
  const parts = cleanCell(raw).split(" ");
  if (parts.length < 2 || parts[0] === "") return null;
  return { family: parts[0]!, given: parts.slice(1).join(" ") };
}

/** A department path (`本社/営業部/第一課`, also with `＞`, `>` or `\`) as its names from the top. */
export function splitDepartmentPath(raw: string): string[] {
  return cleanCell(raw)
    .split(/\s*[/>\\＞／]\s*/)
    .filter((part) => part !== "");
}

/** Several values in one cell (concurrent posts, skills): separated by newlines, `;` or `、`. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[\n;；、]/)
    .map(cleanCell)
    .filter((part) => part !== "");
}

/** 主務 / 兼務 (or primary / concurrent) in a post-kind column; null: neither. */
export function postKind(raw: string): "primary" | "concurrent" | null {
  const value = cleanCell(raw).toLowerCase();
  if (value === "" || ["主務", "主", "本務", "primary", "main"].includes(value)) return "primary";
  if (["兼務", "兼", "concurrent", "secondary"].includes(value)) return "concurrent";
  return null;
}

/** An employment status that means the person has left (退職); anything else is employed. */
export function hasLeft(raw: string): boolean {
  return ["退職", "退職済", "退職済み", "left", "retired", "inactive", "terminated"].includes(cleanCell(raw).toLowerCase());
}

/** A whole number in a cell (`3`, `３`, `L3`, `G3`, `3等級`); null: none. */
export function parseLevel(raw: string): number | null {
  const match = /^(?:L|G|Lv\.?|等級)?\s*(\d+)\s*(?:等級|級)?$/i.exec(cleanCell(raw));
  return match ? Number(match[1]) : null;
}
