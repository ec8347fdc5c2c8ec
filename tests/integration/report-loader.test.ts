import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { asSystem } from "../../db/scope";
import { createDepartment, createJobFamily, createPerson, createRole } from "../../db/factories";
import { moves, people } from "../../db/schema";
import { loadReportFacts, type LoadOptions } from "../../server/services/reports/report.loader";
import { createTestDatabase } from "../setup/test-database";

/**
 * Headcount at each month start, from today's people, the ledger and hire and leaving dates: a
 * division with a section under it and a second division. Over January–March 2026 (loaded with a
 * month on each side): two people in the section all along; one hired on 2026-02-10; one who left
 * on 2026-03-01; one who moved from the section to the other division on 2026-02-01 and back on
 * 2026-03-15.
 */
describe("report facts loader", async () => {
  const { db } = await createTestDatabase();
  const family = await createJobFamily(db);
  const role = await createRole(db, { familyId: family.id });
  const division = await createDepartment(db);
  const section = await createDepartment(db, { parentId: division.id });
  const other = await createDepartment(db);
  const since = { hiredOn: "2020-04-01", roleSince: "2020-04-01", levelSince: "2020-04-01", roleId: role.id };
  await createPerson(db, { ...since, departmentId: section.id });
  await createPerson(db, { ...since, departmentId: section.id });
  await createPerson(db, { ...since, hiredOn: "2026-02-10", departmentId: section.id });
  const leaver = await createPerson(db, { ...since, departmentId: section.id });
  await db.update(people).set({ active: false, leftOn: "2026-03-01" }).where(eq(people.id, leaver.id));
  const mover = await createPerson(db, { ...since, departmentId: section.id });
  const move = { personId: mover.id, kind: "transfer" as const, fromRoleId: role.id, toRoleId: role.id };
  await db.insert(moves).values([
    { ...move, fromDepartmentId: section.id, toDepartmentId: other.id, effectiveOn: "2026-02-01" },
    { ...move, fromDepartmentId: other.id, toDepartmentId: section.id, effectiveOn: "2026-03-15" },
  ]);

  const options: LoadOptions = {
    today: "2026-12-07",
    settings: { rotationTargetPercent: 30, departmentRotationTargets: {} },
    rootDepartmentId: null,
    visibleApplicationsOf: null,
    willAudience: "hr",
    pastStandardManagerId: null,
    detailDepth: null,
    parts: new Set(["headcount"]),
  };
  const headcount = async (overrides: Partial<LoadOptions> = {}) => {
    const facts = await asSystem(db, (tx) => loadReportFacts(tx, { from: "2026-01", to: "2026-03" }, { ...options, ...overrides }));
    const table: Record<string, Record<number, number>> = {};
    for (const atom of facts.headcount) (table[atom.month] ??= {})[atom.departmentId] = (table[atom.month]?.[atom.departmentId] ?? 0) + atom.people;
    return table;
  };

  it("counts each month start from where people stood then", async () => {
    expect(await headcount()).toEqual({
      "2025-12": { [section.id]: 4 },
      "2026-01": { [section.id]: 4 },
      "2026-02": { [section.id]: 3, [other.id]: 1 },
      // The newcomer arrived on 2026-02-10; the leaver left on 2026-03-01 and is not counted that day.
      "2026-03": { [section.id]: 3, [other.id]: 1 },
      "2026-04": { [section.id]: 4 },
    });
  });

  it("counts a section in its division when the rows never go that deep, and only loads the subtree asked for", async () => {
    const rolledUp = await headcount({ detailDepth: 0 });
    expect(rolledUp["2026-02"]).toEqual({ [division.id]: 3, [other.id]: 1 });
    const divisionOnly = await headcount({ rootDepartmentId: division.id });
    expect(divisionOnly["2026-02"]).toEqual({ [section.id]: 3 });
    expect(divisionOnly["2026-04"]).toEqual({ [section.id]: 4 });
  });

  it("follows a reorganisation in headcount but does not count it as anyone's move", async () => {
    const reorganised = await createPerson(db, { ...since, departmentId: other.id });
    await db.insert(moves).values({ personId: reorganised.id, kind: "reorganisation", fromDepartmentId: section.id, toDepartmentId: other.id, fromRoleId: role.id, toRoleId: role.id, effectiveOn: "2026-02-15" });
    const table = await headcount();
    expect(table["2026-02"]).toEqual({ [section.id]: 4, [other.id]: 1 });
    expect(table["2026-03"]).toEqual({ [section.id]: 3, [other.id]: 2 });
    const facts = await asSystem(db, (tx) => loadReportFacts(tx, { from: "2026-01", to: "2026-03" }, { ...options, parts: new Set(["moves"]) }));
    expect(facts.moves.reduce((total, atom) => total + atom.moves, 0)).toBe(2);
  });
});
