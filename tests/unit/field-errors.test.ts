import { describe, expect, it } from "vitest";
import { errorWithin, fieldErrorsOf, mergeFieldErrors } from "../../app/_components/field-errors";

/** What the tRPC client error carries after the server's error formatter refused an input. */
const refused = (fieldErrors: unknown) => ({ message: "入力内容を確認してください", data: { code: "BAD_REQUEST", httpStatus: 400, fieldErrors } });

describe("field errors from a refused request", () => {
  it("reads the translated message of each field path", () => {
    const error = refused({ motivation: "志望動機: 4000 文字以内で入力してください", "steps.0.dueOn": "期日: 日付の形式が正しくありません" });
    expect(fieldErrorsOf(error)).toEqual({
      motivation: "志望動機: 4000 文字以内で入力してください",
      "steps.0.dueOn": "期日: 日付の形式が正しくありません",
    });
  });

  it("has none for an error without field errors, a network failure or no error", () => {
    expect(fieldErrorsOf({ message: "Not found", data: { code: "NOT_FOUND", httpStatus: 404 } })).toEqual({});
    expect(fieldErrorsOf(new TypeError("Failed to fetch"))).toEqual({});
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf(undefined)).toEqual({});
  });

  it("ignores anything that is not a message", () => {
    expect(fieldErrorsOf(refused({ title: "Title is required", slots: 3, location: null }))).toEqual({ title: "Title is required" });
    expect(fieldErrorsOf(refused("not a record"))).toEqual({});
  });
});

describe("the form's own checks", () => {
  it("win over the server's message for their field and leave the others", () => {
    const server = { motivation: "server says", title: "title is too long" };
    expect(mergeFieldErrors(server, { motivation: "write a motivation first" })).toEqual({ motivation: "write a motivation first", title: "title is too long" });
  });

  it("say nothing when the check passes", () => {
    const server = { motivation: "server says" };
    expect(mergeFieldErrors(server, { motivation: false, message: null, reason: undefined, note: "" })).toEqual(server);
  });
});

describe("errors within a field", () => {
  const errors = { "targetRoleIds.2": "役割: 選択肢から選んでください", statement: "too long", "skills.0.level": "level too high" };

  it("find the field's own message first, else the first about an item inside it", () => {
    expect(errorWithin(errors, "statement")).toBe("too long");
    expect(errorWithin(errors, "targetRoleIds")).toBe("役割: 選択肢から選んでください");
    expect(errorWithin({ skills: "too many", "skills.0.level": "x" }, "skills")).toBe("too many");
  });

  it("do not mistake a field whose name merely starts the same", () => {
    expect(errorWithin({ "statementDraft.0": "x" }, "statement")).toBeUndefined();
    expect(errorWithin(errors, "desiredSkillIds")).toBeUndefined();
  });
});
