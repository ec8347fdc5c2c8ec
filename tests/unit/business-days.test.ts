import { describe, expect, it } from "vitest";
import { businessDeadline, isBusinessDay, japanDate } from "../../server/services/workflow/business-days";

describe("business days (Japan)", () => {
  it("skips weekends and public holidays", () => {
    expect(isBusinessDay("2026-11-27")).toBe(true); // Friday
    expect(isBusinessDay("2026-11-28")).toBe(false); // Saturday
    expect(isBusinessDay("2026-11-23")).toBe(false); // 勤労感謝の日
    expect(isBusinessDay("2026-05-06")).toBe(false); // 振替休日
    expect(isBusinessDay("2026-12-01", new Set(["2026-12-01"]))).toBe(false); // a company holiday
  });

  it("counts deadlines in Japanese business days, ending at midnight in Japan", () => {
    // Friday 2026-11-20 10:00 JST + 1 business day → Tuesday 11-24 (Monday 11-23 is a holiday).
    const due = businessDeadline(new Date("2026-11-20T01:00:00Z"), 1);
    expect(japanDate(due)).toBe("2026-11-24");
    expect(due.toISOString()).toBe("2026-11-24T14:59:59.999Z");
    // Ten business days over Golden Week.
    // 4/29 and 5/3–5/6 are holidays: 4/30, 5/1, 5/7, 5/8, 5/11–15, 5/18.
    expect(japanDate(businessDeadline(new Date("2026-04-28T00:00:00Z"), 10))).toBe("2026-05-18");
  });

  it("uses the Japanese date of the moment, not UTC's", () => {
    // 2026-11-26 23:30 JST is still 11-26 in UTC terms 14:30; 00:30 JST on the 27th is the 26th in UTC.
    expect(japanDate(new Date("2026-11-26T15:30:00Z"))).toBe("2026-11-27");
  });
});
