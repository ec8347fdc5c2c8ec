import { describe, expect, it } from "vitest";
import { z } from "zod";
import { serverTranslator } from "../../server/i18n";
import { translateIssues } from "../../server/trpc/validation-messages";

const schema = z
  .object({
    query: z.string().min(1).max(5),
    minimumOpenDays: z.number().int().min(0).max(90),
    confidentialityPolicy: z.enum(["manager_first", "until_offer"]),
  })
  .strict();

function messages(input: unknown, locale: "ja" | "en") {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected invalid input");
  return translateIssues(result.error, serverTranslator(locale));
}

describe("validation messages", () => {
  it("name the field and the rule in Japanese and English", () => {
    const input = { query: "長すぎる検索語です", minimumOpenDays: -1, confidentialityPolicy: "never" };
    expect(messages(input, "ja")).toEqual({
      query: "検索語: 5 文字以内で入力してください",
      minimumOpenDays: "最短公募期間: 0 以上にしてください",
      confidentialityPolicy: "応募の機密性: 選択肢から選んでください",
    });
    expect(messages(input, "en")).toEqual({
      query: "Search text must be at most 5 characters",
      minimumOpenDays: "Minimum open period must be at least 0",
      confidentialityPolicy: "Application confidentiality must be one of the options",
    });
  });

  it("report a missing value, a wrong type and unknown fields", () => {
    expect(messages({ query: "", minimumOpenDays: "3", confidentialityPolicy: "until_offer", extra: 1 }, "en")).toEqual({
      query: "Search text is required",
      minimumOpenDays: "Minimum open period has the wrong type",
      _: "has unknown fields (extra)",
    });
  });
});
