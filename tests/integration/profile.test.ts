import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSkill, setPersonSkill } from "../../db/factories";
import { people } from "../../db/schema";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

describe("profiles", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const skill = await createSkill(db, { nameJa: "クレーム対応", nameEn: "Complaint handling" });
  await setPersonSkill(db, cast.persons.employee.id, skill.id, 3, { evidence: "エスカレーション対応を月20件" });

  it("show a person their own profile with restricted fields and skills", async () => {
    const profile = await callerAs(db, cast, "employee").me.profile();
    expect(profile.id).toBe(cast.persons.employee.id);
    expect(profile.manager?.id).toBe(cast.persons.manager.id);
    expect(profile.restricted?.employeeNumber).toBe(cast.persons.employee.employeeNumber);
    expect(profile.skills).toEqual([
      expect.objectContaining({ name: { ja: "クレーム対応", en: "Complaint handling" }, level: 3, evidence: "エスカレーション対応を月20件" }),
    ]);
  });

  it("hide restricted fields and evidence from a colleague", async () => {
    const profile = await callerAs(db, cast, "colleague").person.byId({ personId: cast.persons.employee.id });
    expect(profile.restricted).toBeNull();
    expect(profile.skills[0]?.level).toBe(3);
    expect(profile.skills[0]?.evidence).toBeNull();
    expect(JSON.stringify(profile)).not.toContain(cast.persons.employee.employeeNumber);
  });

  it("show restricted fields to the direct manager, HR and admins", async () => {
    for (const role of ["manager", "hr", "admin"] as const) {
      const profile = await callerAs(db, cast, role).person.byId({ personId: cast.persons.employee.id });
      expect(profile.restricted?.level, role).toBe(cast.persons.employee.level);
      expect(profile.skills[0]?.evidence, role).toBe("エスカレーション対応を月20件");
    }
  });

  it("treat an unknown or inactive person as not found", async () => {
    const caller = callerAs(db, cast, "employee");
    await expect(caller.person.byId({ personId: 999_999 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [inactive] = await db.update(people).set({ active: false }).where(eq(people.id, cast.persons.colleague.id)).returning();
    await expect(caller.person.byId({ personId: inactive!.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.update(people).set({ active: true }).where(eq(people.id, cast.persons.colleague.id));
  });

  it("refuse a malformed id with a validation error", async () => {
    const error = await callerAs(db, cast, "employee")
      .person.byId({ personId: -1 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("find people by kanji, by hiragana reading and by romanised name, sorted by reading", async () => {
    const caller = callerAs(db, cast, "employee");
    const target = cast.persons.colleague;
    const hiragana = target.familyNameKana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
    for (const query of [target.familyName, hiragana, target.romanizedName.toUpperCase()]) {
      const result = await caller.person.search({ query });
      expect(result.items.map((item) => item.id), query).toContain(target.id);
    }
    const everyone = await caller.person.search({ query: "", limit: 50 });
    const readings = everyone.items.map((item) => item.familyNameKana + item.givenNameKana);
    expect(readings).toEqual([...readings].sort());
    expect(everyone.total).toBe(5);
  });
});
