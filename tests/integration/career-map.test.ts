import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createJobFamily, createRole, createSkill, setPersonSkill } from "../../db/factories";
import { careerPaths, people, roleLevelSkills, roleLevels, wills, willTargetRoles } from "../../db/schema";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

const text = (en: string) => ({ ja: `${en}（日本語）`, en });

describe("career map", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);

  // Two families: support (operator → leader) and product (QA); operator → QA crosses families.
  const support = await createJobFamily(db, { nameJa: "サポート", nameEn: "Support" });
  const product = await createJobFamily(db, { nameJa: "プロダクト", nameEn: "Product" });
  const operator = await createRole(db, { familyId: support.id, track: "management", nameJa: "オペレーター", nameEn: "Operator" });
  const leader = await createRole(db, { familyId: support.id, track: "management", nameJa: "リーダー", nameEn: "Leader" });
  const qa = await createRole(db, {
    familyId: product.id,
    track: "cross_functional",
    nameJa: "プロダクトQA",
    nameEn: "Product QA",
    descriptionJa: "品質を守る",
    descriptionEn: "Keeps the product's quality",
  });

  const levelIds = new Map<string, number>();
  for (const role of [operator, leader, qa]) {
    for (const level of [1, 2, 3, 4]) {
      const [row] = await db
        .insert(roleLevels)
        .values({
          roleId: role.id,
          level,
          standardYears: level === 1 ? 1 : 2.5,
          keyExperiences: [text(`${role.nameEn} L${level} experience`)],
          qualifications: level === 1 ? [] : [text(`${role.nameEn} L${level} certificate`)],
        })
        .returning();
      levelIds.set(`${role.id}:${level}`, row!.id);
    }
  }

  const testing = await createSkill(db, { nameJa: "テスト設計", nameEn: "Test design" });
  const bugs = await createSkill(db, { nameJa: "バグ報告", nameEn: "Bug reporting" });
  const sql = await createSkill(db, { nameJa: "SQL", nameEn: "SQL" });
  const phone = await createSkill(db, { nameJa: "電話応対", nameEn: "Phone support" });
  const coaching = await createSkill(db, { nameJa: "後輩指導", nameEn: "Coaching" });
  await db.insert(roleLevelSkills).values([
    { roleLevelId: levelIds.get(`${qa.id}:1`)!, skillId: testing.id, level: 2 },
    { roleLevelId: levelIds.get(`${qa.id}:1`)!, skillId: bugs.id, level: 3 },
    { roleLevelId: levelIds.get(`${qa.id}:1`)!, skillId: sql.id, level: 1 },
    { roleLevelId: levelIds.get(`${qa.id}:2`)!, skillId: testing.id, level: 3 },
    { roleLevelId: levelIds.get(`${operator.id}:3`)!, skillId: phone.id, level: 3 },
    { roleLevelId: levelIds.get(`${operator.id}:3`)!, skillId: coaching.id, level: 2 },
  ]);
  const [promotion] = await db
    .insert(careerPaths)
    .values([
      { fromRoleId: operator.id, toRoleId: leader.id, kind: "promotion", noteJa: "昇進", noteEn: "Step up" },
      { fromRoleId: operator.id, toRoleId: qa.id, kind: "cross_functional", noteJa: "品質へ", noteEn: "Into quality" },
    ])
    .returning();

  // The employee: operator, level 2 since 2015 (far past the standard years); a Will aiming at QA.
  const employee = cast.persons.employee;
  await db.update(people).set({ roleId: operator.id, level: 2, levelSince: "2015-04-01" }).where(eq(people.id, employee.id));
  await setPersonSkill(db, employee.id, testing.id, 2);
  await setPersonSkill(db, employee.id, bugs.id, 1);
  await setPersonSkill(db, employee.id, phone.id, 3);
  await db.insert(wills).values({ personId: employee.id, statement: "QA に挑戦したい" });
  await db.insert(willTargetRoles).values({ personId: employee.id, roleId: qa.id });

  it("lists the families, roles with track and family, and paths with kind and notes, laid out", async () => {
    const map = await callerAs(db, cast, "employee").careerMap.map();
    expect(map.families).toEqual(
      expect.arrayContaining([
        { id: support.id, slug: support.slug, name: { ja: "サポート", en: "Support" } },
        { id: product.id, slug: product.slug, name: { ja: "プロダクト", en: "Product" } },
      ]),
    );
    expect(map.roles).toEqual(
      expect.arrayContaining([
        { id: qa.id, slug: qa.slug, familyId: product.id, track: "cross_functional", name: { ja: "プロダクトQA", en: "Product QA" }, retired: false },
        expect.objectContaining({ id: operator.id, familyId: support.id, track: "management" }),
      ]),
    );
    expect(map.paths).toEqual([
      { id: promotion!.id, fromRoleId: operator.id, toRoleId: leader.id, kind: "promotion", note: { ja: "昇進", en: "Step up" } },
      expect.objectContaining({ fromRoleId: operator.id, toRoleId: qa.id, kind: "cross_functional" }),
    ]);
    // Every role and family has a place in the picture; every path a route.
    expect(map.layout.roles.map((r) => r.roleId).sort()).toEqual(map.roles.map((r) => r.id).sort());
    expect(map.layout.families.map((f) => f.familyId).sort()).toEqual(map.families.map((f) => f.id).sort());
    expect(map.layout.paths).toHaveLength(2);
    for (const path of map.layout.paths) expect(path.points.length).toBeGreaterThanOrEqual(2);
    // Left → right: the operator sits left of the roles its paths lead to.
    const x = (roleId: number) => map.layout.roles.find((r) => r.roleId === roleId)!.x;
    expect(x(operator.id)).toBeLessThan(x(leader.id));
    expect(x(operator.id)).toBeLessThan(x(qa.id));
  });

  it("marks the viewer's own position and their own Will's targets only", async () => {
    const mine = await callerAs(db, cast, "employee").careerMap.map();
    expect(mine.viewer).toMatchObject({ roleId: operator.id, roleSlug: operator.slug, level: 2, standardYears: 2.5, willTargetRoleIds: [qa.id] });
    expect(mine.viewer.yearsAtLevel).toBeGreaterThan(10);
    // The manager sees their own position; the employee's private Will does not leak into it.
    const managers = await callerAs(db, cast, "manager").careerMap.map();
    expect(managers.viewer).toMatchObject({ roleId: cast.persons.manager.roleId, level: 3, willTargetRoleIds: [] });
  });

  it("gives a role's page with its four levels, expected skills and the paths in and out", async () => {
    const role = await callerAs(db, cast, "colleague").careerMap.role({ slug: qa.slug });
    expect(role).toMatchObject({
      id: qa.id,
      name: { ja: "プロダクトQA", en: "Product QA" },
      track: "cross_functional",
      family: { id: product.id, name: { ja: "プロダクト", en: "Product" } },
      description: { ja: "品質を守る", en: "Keeps the product's quality" },
    });
    expect(role.levels.map((l) => [l.level, l.standardYears])).toEqual([
      [1, 1],
      [2, 2.5],
      [3, 2.5],
      [4, 2.5],
    ]);
    expect(role.levels[0]!.keyExperiences).toEqual([text("Product QA L1 experience")]);
    expect(role.levels[0]!.qualifications).toEqual([]);
    expect(role.levels[1]!.qualifications).toEqual([text("Product QA L2 certificate")]);
    expect(role.levels[0]!.skills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ skillId: bugs.id, level: 3, name: { ja: "バグ報告", en: "Bug reporting" }, category: expect.objectContaining({ en: expect.any(String) }) }),
      ]),
    );
    expect(role.levels[0]!.skills).toHaveLength(3);
    expect(role.pathsIn).toEqual([
      expect.objectContaining({ kind: "cross_functional", role: expect.objectContaining({ id: operator.id, slug: operator.slug, family: { ja: "サポート", en: "Support" } }) }),
    ]);
    expect(role.pathsOut).toEqual([]);
    const operatorPage = await callerAs(db, cast, "colleague").careerMap.role({ slug: operator.slug });
    expect(operatorPage.pathsOut.map((p) => [p.role.id, p.kind])).toEqual([
      [leader.id, "promotion"],
      [qa.id, "cross_functional"],
    ]);
  });

  it("computes the signed-in person's gap from their own skills (another family → level 1 by default)", async () => {
    const gap = await callerAs(db, cast, "employee").careerMap.gap({ roleSlug: qa.slug });
    expect(gap.target).toMatchObject({ role: { id: qa.id }, level: 1, defaultLevel: 1, levels: [1, 2, 3, 4], isWillTarget: true });
    expect(gap.current).toMatchObject({ role: { id: operator.id }, level: 2 });
    expect(gap.relation).toBe("otherRole");
    expect(gap.met.map((s) => [s.skillId, s.held, s.level])).toEqual([[testing.id, 2, 2]]);
    expect(gap.belowLevel.map((s) => [s.skillId, s.held, s.level, s.shortBy])).toEqual([[bugs.id, 1, 3, 2]]);
    expect(gap.missing.map((s) => [s.skillId, s.name.en])).toEqual([[sql.id, "SQL"]]);
    expect(gap.readiness).toEqual({ met: 1, required: 3, ratio: 1 / 3 });
    expect(gap.experiences).toEqual({ unlocking: [], atTarget: [text("Product QA L1 experience")] });
    expect(gap.qualifications).toEqual([]);
    expect(gap.years).toMatchObject({ standard: 2.5, remaining: 0, past: true });

    const level2 = await callerAs(db, cast, "employee").careerMap.gap({ roleSlug: qa.slug, level: 2 });
    expect(level2.target).toMatchObject({ level: 2, defaultLevel: 1 });
    expect(level2.belowLevel.map((s) => [s.skillId, s.shortBy])).toEqual([[testing.id, 1]]);
    expect(level2.qualifications).toEqual([text("Product QA L2 certificate")]);
  });

  it("measures the own role against its next level, with the experiences that unlock it", async () => {
    const gap = await callerAs(db, cast, "employee").careerMap.gap({ roleSlug: operator.slug });
    expect(gap.target).toMatchObject({ level: 3, defaultLevel: 3, isWillTarget: false });
    expect(gap.relation).toBe("nextLevel");
    expect(gap.met.map((s) => s.skillId)).toEqual([phone.id]);
    expect(gap.missing.map((s) => s.skillId)).toEqual([coaching.id]);
    expect(gap.experiences).toEqual({ unlocking: [text("Operator L2 experience")], atTarget: [text("Operator L3 experience")] });
  });

  it("is always the caller's own: another person gets their own gap, and naming a person is refused", async () => {
    const colleagues = await callerAs(db, cast, "colleague").careerMap.gap({ roleSlug: qa.slug });
    expect(colleagues.current.role.id).toBe(cast.persons.colleague.roleId);
    expect(colleagues.target.isWillTarget).toBe(false);
    expect(colleagues.met).toEqual([]);
    expect(colleagues.missing).toHaveLength(3);
    const error = await callerAs(db, cast, "manager")
      .careerMap.gap({ roleSlug: qa.slug, personId: employee.id } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
  });

  it("treats an unknown slug or a level the map does not define as not found", async () => {
    const caller = callerAs(db, cast, "employee");
    await expect(caller.careerMap.role({ slug: "no-such-role" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.careerMap.gap({ roleSlug: "no-such-role" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const bare = await createRole(db, { familyId: product.id });
    await expect(caller.careerMap.gap({ roleSlug: bare.slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it.each([
    ["a 300-character slug", "a".repeat(300)],
    ["a slug with spaces and capitals", "Product QA"],
    ["an empty slug", ""],
  ])("refuses %s with a validation error", async (_name, slug) => {
    const caller = callerAs(db, cast, "employee");
    // One call at a time: a second call started early would fail before anyone awaits it.
    for (const attempt of [() => caller.careerMap.role({ slug }), () => caller.careerMap.gap({ roleSlug: slug })]) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
    const badLevel = await caller.careerMap.gap({ roleSlug: qa.slug, level: 5 }).catch((caught: unknown) => caught);
    expect((badLevel as TRPCError).code).toBe("BAD_REQUEST");
  });
});
