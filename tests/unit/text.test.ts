import { describe, expect, it } from "vitest";
import { containsPattern, hiraganaToKatakana, normalizeSearchText } from "../../server/services/text/normalize";
import { yearsBetween } from "../../server/services/people/people.queries";
import { isWellFormedSessionToken, readCookie, sessionCookieName } from "../../server/auth/session-cookie";

describe("search text", () => {
  it("folds full-width and half-width forms and collapses spaces", () => {
    expect(normalizeSearchText("  ＳＡＴＯ　ｻﾄｳ  ")).toBe("SATO サトウ");
  });
  it("turns a hiragana reading into the stored katakana", () => {
    expect(hiraganaToKatakana("さとう ひな")).toBe("サトウ ヒナ");
    expect(hiraganaToKatakana("佐藤")).toBe("佐藤");
  });
  it("searches for a typed %, _ or backslash as itself, not as a LIKE wildcard", () => {
    expect(containsPattern("100%_達成\\")).toBe("%100\\%\\_達成\\\\%");
    expect(containsPattern("研修")).toBe("%研修%");
  });
});

describe("years at level", () => {
  it("counts whole tenths of a year, never negative", () => {
    expect(yearsBetween("2023-11-01", new Date("2026-11-01T00:00:00Z"))).toBe(3);
    expect(yearsBetween("2026-05-01", new Date("2026-11-01T00:00:00Z"))).toBe(0.5);
    expect(yearsBetween("2027-01-01", new Date("2026-11-01T00:00:00Z"))).toBe(0);
  });
});

describe("session cookie", () => {
  it("uses next-auth's secure name only over HTTPS", () => {
    expect(sessionCookieName("https://kakezan.example")).toBe("__Host-next-auth.session-token");
    expect(sessionCookieName("http://localhost:3000")).toBe("next-auth.session-token");
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
  });
  it("accepts only session tokens shaped like ours or next-auth's", () => {
    expect(isWellFormedSessionToken("a".repeat(64))).toBe(true);
    expect(isWellFormedSessionToken("3b241101-e2bb-4255-8caf-4136c566a962")).toBe(true);
    expect(isWellFormedSessionToken("x'; drop table people; --")).toBe(false);
    expect(isWellFormedSessionToken("\u0000".repeat(40))).toBe(false);
  });
  it("reads one cookie from a header", () => {
    expect(readCookie("a=1; next-auth.session-token=abc%3D; b=2", "next-auth.session-token")).toBe("abc=");
    expect(readCookie("a=1", "next-auth.session-token")).toBeNull();
    expect(readCookie(null, "a")).toBeNull();
    expect(readCookie("next-auth.session-token=%E0%A4%A", "next-auth.session-token")).toBeNull();
  });
});
