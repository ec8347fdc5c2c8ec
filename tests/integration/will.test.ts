import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson, createRole, createSkill } from "../../db/factories";
import { auditLog, people, willVersions, wills } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import type { SaveWillInput } from "../../server/services/will/will.schemas";
import { callerAs, createCast } from "../setup/cast";
import { sessionCookieFor, type TrpcErrorBody, trpcHttp } from "../setup/http";
import { createTestDatabase } from "../setup/test-database";

describe("Wills", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const qa = await createRole(db, { nameJa: "プロダクトQA", nameEn: "Product QA" });
  const testing = await createSkill(db, { nameJa: "テスト設計", nameEn: "Test design" });

  const base = (overrides: Partial<SaveWillInput> = {}): SaveWillInput => ({
    statement: "お客様の声を品質に活かしたい。",
    targetRoleIds: [qa.id],
    desiredSkillIds: [testing.id],
    horizon: "one_year",
    openness: "within_year",
    shareWithManager: false,
    shareWithHr: false,
    shareWithMatching: false,
    expectedVersion: 0,
    ...overrides,
  });

  it("is empty and private until written", async () => {
    const will = await callerAs(db, cast, "employee").will.mine();
    expect(will).toMatchObject({ statement: "", version: 0, shareWithManager: false, shareWithHr: false, shareWithMatching: false });
  });

  it("keeps every save as a version the owner alone can read", async () => {
    const employee = callerAs(db, cast, "employee");
    await employee.will.save(base());
    await employee.will.save(base({ statement: "QA から PM へ。", expectedVersion: 1 }));
    const third = await employee.will.save(base({ statement: "PM を目指す。", expectedVersion: 2, horizon: "three_years" }));
    expect(third).toMatchObject({ version: 3, statement: "PM を目指す。", targetRoles: [expect.objectContaining({ id: qa.id })] });
    const history = await employee.will.history();
    expect(history.map((version) => [version.version, version.statement])).toEqual([
      [3, "PM を目指す。"],
      [2, "QA から PM へ。"],
      [1, "お客様の声を品質に活かしたい。"],
    ]);
    // Nobody else's history call returns the employee's versions: each reads their own (empty) history.
    for (const role of ["manager", "hr", "admin", "colleague"] as const) {
      expect(await callerAs(db, cast, role).will.history(), role).toEqual([]);
    }
    // The statement is private: the audit log records the save, never the text.
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "will.save"));
    expect(JSON.stringify(audit)).not.toContain("PM を目指す");
  });

  it("refuses a save from a stale editor with a conflict, and keeps the newer text", async () => {
    await expect(callerAs(db, cast, "employee").will.save(base({ statement: "古い画面から", expectedVersion: 1 }))).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await callerAs(db, cast, "employee").will.mine()).statement).toBe("PM を目指す。");
  });

  it("reaches the manager's team view only when shared with the manager", async () => {
    const employee = callerAs(db, cast, "employee");
    const manager = callerAs(db, cast, "manager");
    const seen = async () => (await manager.team.reports()).find((member) => member.id === cast.persons.employee.id)?.will ?? null;
    const mine = await employee.will.mine();
    await employee.will.save(base({ expectedVersion: mine.version, shareWithHr: true, shareWithMatching: true }));
    expect(await seen()).toBeNull();
    await employee.will.save(base({ expectedVersion: mine.version + 1, shareWithManager: true }));
    expect((await seen())?.statement).toBe("お客様の声を品質に活かしたい。");
  });

  it("is never shown to a skip-level manager, even when shared with the direct manager", async () => {
    const skipLevel = await createPerson(db, { departmentId: cast.departments.team.id });
    await db.update(people).set({ managerId: skipLevel.id }).where(eq(people.id, cast.persons.manager.id));
    const actor = (await actorForPerson(db, skipLevel.id))!;
    const reports = await createCaller(createContextInner({ db, actor })).team.reports();
    expect(reports.map((member) => member.id)).toEqual([cast.persons.manager.id]);
    expect(JSON.stringify(reports)).not.toContain("お客様の声");
  });

  it.each([
    ["an unknown skill", { desiredSkillIds: [987_654] }, "BAD_REQUEST"],
    ["an unknown role", { targetRoleIds: [987_654] }, "BAD_REQUEST"],
    ["a 20,000-character statement", { statement: "あ".repeat(20_000) }, "BAD_REQUEST"],
    ["another person's id", { personId: cast.persons.colleague.id }, "BAD_REQUEST"],
    ["an unknown openness", { openness: "someday" }, "BAD_REQUEST"],
  ])("refuses %s and changes nothing", async (_name, override, code) => {
    const before = { wills: await db.select().from(wills), versions: await db.select().from(willVersions) };
    const current = await callerAs(db, cast, "employee").will.mine();
    const error = await callerAs(db, cast, "employee")
      .will.save({ ...base({ expectedVersion: current.version }), ...(override as object) } as SaveWillInput)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe(code);
    expect({ wills: await db.select().from(wills), versions: await db.select().from(willVersions) }).toEqual(before);
  });

  it("explains a too-long statement in the caller's language", async () => {
    const cookie = await sessionCookieFor(db, cast.persons.employee.id);
    const current = await callerAs(db, cast, "employee").will.mine();
    for (const [locale, expected] of [
      ["ja", "Will（やりたいこと）: 4000 文字以内で入力してください"],
      ["en", "Will statement must be at most 4000 characters"],
    ] as const) {
      const response = await trpcHttp(db, { path: "will.save", method: "POST", cookie, locale, input: base({ statement: "x".repeat(20_000), expectedVersion: current.version }) });
      expect(response.status).toBe(400);
      expect((response.body as TrpcErrorBody).error.json.message).toContain(expected);
    }
  });

  it("explains an unknown skill in the caller's language", async () => {
    const cookie = await sessionCookieFor(db, cast.persons.employee.id);
    const current = await callerAs(db, cast, "employee").will.mine();
    const response = await trpcHttp(db, { path: "will.save", method: "POST", cookie, locale: "en", input: base({ desiredSkillIds: [987_654], expectedVersion: current.version }) });
    expect(response.status).toBe(400);
    expect((response.body as TrpcErrorBody).error.json.message).toBe("That skill is not in the skill taxonomy.");
  });
});
