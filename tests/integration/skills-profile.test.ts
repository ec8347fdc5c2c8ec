import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createSkill, createSkillCategory } from "../../db/factories";
import { personSkills } from "../../db/schema";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

describe("skill profiles", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const category = await createSkillCategory(db, { nameJa: "顧客対応", nameEn: "Customer interaction" });
  const complaints = await createSkill(db, {
    categoryId: category.id,
    nameJa: "クレーム対応",
    nameEn: "Complaint handling",
    aliases: ["苦情対応", "クレーム処理", "escalation handling"],
  });
  const faq = await createSkill(db, { categoryId: category.id, nameJa: "FAQ作成", nameEn: "FAQ writing", aliases: ["ヘルプ記事作成"] });
  const employee = callerAs(db, cast, "employee");

  const held = async (personId: number, skillId: number) =>
    (await db.select().from(personSkills).where(and(eq(personSkills.personId, personId), eq(personSkills.skillId, skillId))))[0];

  it.each([
    ["a Japanese name", "クレーム対応"],
    ["an English name, any case", "COMPLAINT"],
    ["an alias", "苦情対応"],
    ["an English alias", "escalation"],
    ["half-width katakana", "ｸﾚｰﾑ"],
    ["hiragana for a katakana name", "くれーむ"],
  ])("finds a skill by %s", async (_how, query) => {
    const hits = await employee.skill.search({ query });
    expect(hits[0]?.id).toBe(complaints.id);
  });

  it("shows which alias matched", async () => {
    const [hit] = await employee.skill.search({ query: "苦情" });
    expect(hit?.matchedAlias).toBe("苦情対応");
  });

  it("adds skills with evidence, changes their level, removes them, and records the review date", async () => {
    await employee.profile.setSkill({ skillId: complaints.id, level: 2, evidence: "月20件のエスカレーション" });
    await employee.profile.setSkill({ skillId: faq.id, level: 1 });
    const profile = await employee.me.profile();
    expect(profile.skills.map((skill) => [skill.name.ja, skill.level, skill.evidence])).toEqual([
      ["クレーム対応", 2, "月20件のエスカレーション"],
      ["FAQ作成", 1, ""],
    ]);
    expect(profile.restricted?.profileReviewedAt).toBeInstanceOf(Date);
    await employee.profile.removeSkill({ skillId: faq.id });
    expect((await employee.me.profile()).skills).toHaveLength(1);
  });

  it.each([
    ["level 7", { skillId: complaints.id, level: 7 }],
    ["level 0", { skillId: complaints.id, level: 0 }],
    ["an unknown skill", { skillId: 987_654, level: 2 }],
    ["a 2,000-character evidence note", { skillId: complaints.id, level: 2, evidence: "x".repeat(2000) }],
  ])("refuses %s and changes nothing", async (_name, input) => {
    const before = await db.select().from(personSkills).orderBy(personSkills.skillId);
    const error = await employee.profile.setSkill(input).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    expect(await db.select().from(personSkills).orderBy(personSkills.skillId)).toEqual(before);
  });

  it("lets the direct manager verify a level; changing the level clears the badge", async () => {
    const manager = callerAs(db, cast, "manager");
    await manager.profile.verifySkill({ personId: cast.persons.employee.id, skillId: complaints.id });
    let row = await held(cast.persons.employee.id, complaints.id);
    expect(row).toMatchObject({ level: 2, verifiedById: cast.persons.manager.id });
    const profile = await employee.me.profile();
    expect(profile.skills[0]?.verifiedBy).toBe(cast.persons.manager.romanizedName);

    // Same level again (e.g. new evidence) keeps the badge; a new level clears it.
    await employee.profile.setSkill({ skillId: complaints.id, level: 2, evidence: "更新" });
    expect((await held(cast.persons.employee.id, complaints.id))?.verifiedAt).not.toBeNull();
    await employee.profile.setSkill({ skillId: complaints.id, level: 3 });
    row = await held(cast.persons.employee.id, complaints.id);
    expect(row).toMatchObject({ level: 3, verifiedById: null, verifiedAt: null });
  });

  it("lets the manager correct a level only with a note", async () => {
    const manager = callerAs(db, cast, "manager");
    await expect(manager.profile.verifySkill({ personId: cast.persons.employee.id, skillId: complaints.id, level: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect((await held(cast.persons.employee.id, complaints.id))?.level).toBe(3);
    await manager.profile.verifySkill({ personId: cast.persons.employee.id, skillId: complaints.id, level: 2, note: "二次対応はまだ補助が必要" });
    expect(await held(cast.persons.employee.id, complaints.id)).toMatchObject({
      level: 2,
      verifiedById: cast.persons.manager.id,
      verificationNote: "二次対応はまだ補助が必要",
    });
  });

  it("does not let HR, a colleague or the person verify", async () => {
    for (const role of ["hr", "colleague", "employee", "admin"] as const) {
      await expect(
        callerAs(db, cast, role).profile.verifySkill({ personId: cast.persons.employee.id, skillId: complaints.id }),
        role,
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("hides skills from the directory when the person turns that off, except from self, manager and HR", async () => {
    await employee.profile.update({ tagline: "CS × QA × コミュニティ", showSkillsInDirectory: false });
    const asColleague = await callerAs(db, cast, "colleague").person.byId({ personId: cast.persons.employee.id });
    expect(asColleague.tagline).toBe("CS × QA × コミュニティ");
    expect(asColleague.skills).toEqual([]);
    expect(asColleague.skillsHidden).toBe(true);
    for (const role of ["employee", "manager", "hr"] as const) {
      const profile = await callerAs(db, cast, role).person.byId({ personId: cast.persons.employee.id });
      expect(profile.skills.length, role).toBe(1);
    }
    // …and a skill search in the directory does not reveal them either.
    const colleagueSearch = await callerAs(db, cast, "colleague").person.search({ skillId: complaints.id });
    expect(colleagueSearch.items).toEqual([]);
    const managerSearch = await callerAs(db, cast, "manager").person.search({ skillId: complaints.id });
    expect(managerSearch.items.map((item) => item.id)).toEqual([cast.persons.employee.id]);

    await employee.profile.update({ showSkillsInDirectory: true });
    const visible = await callerAs(db, cast, "colleague").person.search({ skillId: complaints.id });
    expect(visible.items.map((item) => item.id)).toEqual([cast.persons.employee.id]);
  });
});
