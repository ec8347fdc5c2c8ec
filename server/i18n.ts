import { createTranslator } from "next-intl";
import en from "../messages/en.json";
import ja from "../messages/ja.json";

export const locales = ["ja", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ja";

export type Messages = typeof ja;
const catalog: Record<Locale, Messages> = { ja, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function messagesFor(locale: Locale): Messages {
  return catalog[locale];
}

/** A translator for server code outside React (tRPC error messages, e-mail). */
export function serverTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalog[locale] });
}
