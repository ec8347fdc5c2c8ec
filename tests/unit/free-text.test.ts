import { describe, expect, it } from "vitest";
import { freeText } from "../../server/services/common/values.schemas";

describe("free text", () => {
  it.each([
    ["Japanese with an astral kanji", "𠮷野家で働きたい"],
    ["emoji, a ZWJ sequence and a flag", "😀 🧑‍🤝‍🧑 🇯🇵"],
    ["combining marks, right-to-left and full-width text", "e\u0301 שלום ＡＢＣ"],
    ["other control characters", "a\tb\r\nc\u001b"],
    ["an empty text", ""],
  ])("accepts %s", (_, value) => {
    expect(freeText.safeParse(value).success).toBe(true);
  });

  it.each([
    ["a NUL", "a\u0000b"],
    ["a lone high surrogate", "a\ud800b"],
    ["a lone low surrogate", "\udc00"],
    ["a high surrogate at the end", "😀\ud83d"],
    ["a reversed pair", "\ude00\ud83d"],
  ])("refuses %s with the unstorableCharacter message", (_, value) => {
    const result = freeText.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["unstorableCharacter"]);
  });
});
