import { describe, expect, it } from "vitest";
import { createSkill } from "../../db/factories";
import { setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

describe("opportunities", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const manager = callerAs(db, cast, "manager");
  const hr = callerAs(db, cast, "hr");
  const employee = callerAs(db, cast, "employee");
  const sql = await createSkill(db, { nameJa: "SQL", nameEn: "SQL" });

  const post = async (caller: typeof manager, fields: Parameters<typeof manager.opportunity.create>[0]) => {
    const { id } = await caller.opportunity.create(fields);
    await caller.opportunity.setStatus({ opportunityId: id, status: "open" });
    return id;
  };
  const training = await post(manager, { kind: "transfer", title: "新人研修の企画", departmentId: cast.departments.team.id, location: "仙台" });
  const voc = await post(manager, {
    kind: "project",
    title: "VOC analysis project",
    description: "お客様の声を分析します",
    departmentId: cast.departments.team.id,
    timePercent: 20,
    skills: [{ skillId: sql.id, kind: "required", level: 2 }],
  });
  const hrPosting = await post(hr, { kind: "mentorship", title: "人事メンター", departmentId: cast.departments.people.id, location: "東京" });
  const { id: draft } = await manager.opportunity.create({ kind: "rotation", title: "準備中のローテーション", departmentId: cast.departments.team.id });

  const ids = async (input: Parameters<typeof employee.opportunity.list>[0], caller = employee) => (await caller.opportunity.list(input)).items.map((item) => item.id);

  it("finds 研修 inside 新人研修の企画, and English words in any case", async () => {
    expect(await ids({ query: "研修" })).toEqual([training]);
    expect(await ids({ query: "ＶＯＣ" })).toEqual([voc]);
    expect(await ids({ query: "analysis" })).toEqual([voc]);
    expect(await ids({ query: "お客様 分析" })).toEqual([voc]);
    // Skill names are searchable too.
    expect(await ids({ query: "sql" })).toEqual([voc]);
  });

  it("filters by kind, department, skill, time commitment and location, and pages", async () => {
    expect(await ids({ kinds: ["project", "mentorship"] })).toEqual(expect.arrayContaining([voc, hrPosting]));
    expect((await ids({ kinds: ["project", "mentorship"] })).length).toBe(2);
    expect(await ids({ departmentId: cast.departments.people.id })).toEqual([hrPosting]);
    expect(await ids({ skillId: sql.id })).toEqual([voc]);
    expect(await ids({ maxTimePercent: 50 })).toEqual([voc]);
    expect(await ids({ location: "仙台" })).toEqual([training]);
    const firstPage = await employee.opportunity.list({ pageSize: 2, page: 1 });
    const secondPage = await employee.opportunity.list({ pageSize: 2, page: 2 });
    expect(firstPage.total).toBe(3);
    expect([...firstPage.items, ...secondPage.items].map((item) => item.id).sort()).toEqual([training, voc, hrPosting].sort());
  });

  it("shows a draft only to its owner and HR", async () => {
    expect(await ids({}, manager)).toContain(draft);
    expect(await ids({}, hr)).toContain(draft);
    expect(await ids({})).not.toContain(draft);
    await expect(employee.opportunity.byId({ opportunityId: draft })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets managers post only for their own department", async () => {
    await expect(manager.opportunity.create({ kind: "transfer", title: "よそ", departmentId: cast.departments.people.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(employee.opportunity.create({ kind: "transfer", title: "x", departmentId: cast.departments.team.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("refuses an edit based on an old version", async () => {
    const current = await manager.opportunity.byId({ opportunityId: training });
    await manager.opportunity.update({ opportunityId: training, expectedVersion: current.version, kind: "transfer", title: "新人研修の企画（更新）", departmentId: cast.departments.team.id });
    await expect(
      manager.opportunity.update({ opportunityId: training, expectedVersion: current.version, kind: "transfer", title: "古い画面", departmentId: cast.departments.team.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("cannot be filled before the minimum open period ends", async () => {
    await hr.setting.update({ minimumOpenDays: 14 });
    const { id } = await manager.opportunity.create({ kind: "transfer", title: "期間テスト", departmentId: cast.departments.team.id });
    const openedAt = new Date("2026-11-02T00:00:00Z");
    await setOpportunityStatus(db, cast.actors.manager, { opportunityId: id, status: "open" }, openedAt);
    await expect(setOpportunityStatus(db, cast.actors.manager, { opportunityId: id, status: "filled" }, new Date("2026-11-10T00:00:00Z"))).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "minimumOpenPeriod",
    });
    await setOpportunityStatus(db, cast.actors.manager, { opportunityId: id, status: "filled" }, new Date("2026-11-16T00:00:01Z"));
    expect((await manager.opportunity.byId({ opportunityId: id })).status).toBe("filled");
  });

  it("refuses bad input with a validation error and creates nothing", async () => {
    const before = (await manager.opportunity.list({})).total;
    for (const bad of [
      { kind: "transfer", title: "", departmentId: cast.departments.team.id },
      { kind: "sabbatical", title: "x", departmentId: cast.departments.team.id },
      { kind: "project", title: "x", departmentId: cast.departments.team.id, timePercent: 150 },
      { kind: "project", title: "x", departmentId: cast.departments.team.id, startOn: "2027-03-01", endOn: "2027-01-01" },
      { kind: "project", title: "x", departmentId: cast.departments.team.id, skills: [{ skillId: sql.id, kind: "required", level: 7 }] },
    ]) {
      await expect(manager.opportunity.create(bad as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(manager.opportunity.create({ kind: "project", title: "x", departmentId: cast.departments.team.id, skills: [{ skillId: 987_654, kind: "required", level: 2 }] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await manager.opportunity.list({})).total).toBe(before);
  });
});
