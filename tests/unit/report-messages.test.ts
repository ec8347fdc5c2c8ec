import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ja from "../../messages/ja.json";
import { columnIds, formulaIds, headlineIds, labelIds, reportTableIds } from "../../server/services/reports/message-keys";
import { reportIds } from "../../server/services/reports/report.schemas";

/** Every key a report can carry, under the group of `reports` messages the page looks it up in. */
const keys: [group: string, ids: readonly string[]][] = [
  ["tables", reportTableIds],
  ["rowHeaders", reportTableIds],
  ["columns", columnIds],
  ["headlines", headlineIds],
  ["formulas", formulaIds],
  ["labels", labelIds],
  ["titles", reportIds],
  ["intros", reportIds],
];

describe("report messages", () => {
  for (const [locale, messages] of [
    ["ja", ja],
    ["en", en],
  ] as const) {
    it(`name every table, column, headline, formula, label and report in ${locale}`, () => {
      const reports = messages.reports as unknown as Record<string, Record<string, unknown>>;
      const missing = keys.flatMap(([group, ids]) => ids.filter((id) => typeof reports[group]?.[id] !== "string" || reports[group]?.[id] === "").map((id) => `reports.${group}.${id}`));
      expect(missing).toEqual([]);
    });
  }

  it("have no message left over for a key no report carries", () => {
    const reports = en.reports as unknown as Record<string, Record<string, unknown>>;
    const extra = keys.flatMap(([group, ids]) => Object.keys(reports[group] ?? {}).filter((id) => !ids.includes(id)).map((id) => `reports.${group}.${id}`));
    expect(extra).toEqual([]);
  });
});
