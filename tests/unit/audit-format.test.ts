import { describe, expect, it } from "vitest";
import { auditChange, auditValueText, japanTimestamp } from "../../server/services/audit/audit.format";

describe("audit entries made readable", () => {
  it("reads from/to and before/after as the change, the rest as details", () => {
    expect(auditChange({ from: 10, to: 5 })).toEqual({ before: 10, after: 5, hasChange: true, details: [] });
    expect(auditChange({ before: null, after: "x", reason: "r" })).toEqual({ before: null, after: "x", hasChange: true, details: [["reason", "r"]] });
    expect(auditChange({ skillId: 3, reason: undefined })).toEqual({ before: undefined, after: undefined, hasChange: false, details: [["skillId", 3]] });
  });

  it("writes records, lists and nothing in one line", () => {
    expect(auditValueText({ status: "active", hiringStage: "review" })).toBe("status: active, hiringStage: review");
    expect(auditValueText([{ kind: "annual", monthDay: "10-01" }, "b"])).toBe("{kind: annual, monthDay: 10-01} / b");
    expect(auditValueText({ targets: { "17": 40 } })).toBe("targets: {17: 40}");
    expect(auditValueText([])).toBe("[]");
    expect(auditValueText(undefined)).toBe("");
    expect(auditValueText(false)).toBe("false");
  });

  it("gives the moment in Japan", () => {
    expect(japanTimestamp(new Date("2026-12-31T15:30:05Z"))).toBe("2027-01-01 00:30:05");
  });
});
