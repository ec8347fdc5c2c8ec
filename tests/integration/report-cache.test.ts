import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDepartment, createJobFamily, createPerson, createRole, createSkill } from "../../db/factories";
import { applications, moves, type Person, people, personSkills, settings } from "../../db/schema";
import { queryRows } from "../../db/client";
import { asSystem } from "../../db/scope";
import { actorForPerson } from "../../server/auth/actor";
import { apply } from "../../server/services/applications/application.service";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { cachedReportFacts, pruneReportChanges } from "../../server/services/reports/report.cache";
import { type FactPart, loadReportFacts, type LoadOptions } from "../../server/services/reports/report.loader";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { createTestDatabase } from "../setup/test-database";

/**
 * The reports' facts are kept between requests; every figure must still be what a computation
 * from scratch would show, the moment a change commits.
 */
describe("report cache", async () => {
  const { db } = await createTestDatabase();
  await db.insert(settings).values({ key: "reportMinimumGroupSize", value: 3 });
  const family = await createJobFamily(db);
  const role = await createRole(db, { familyId: family.id });
  const support = await createDepartment(db);
  const qa = await createDepartment(db);
  const hired = { hiredOn: "2024-04-01", roleSince: "2024-04-01", levelSince: "2024-04-01", roleId: role.id };
  const hrPerson = await createPerson(db, { ...hired, departmentId: support.id, isHr: true });
  const team: Person[] = [];
  for (let i = 0; i < 8; i++) team.push(await createPerson(db, { ...hired, departmentId: support.id }));
  const hr = createCaller(createContextInner({ db, actor: (await actorForPerson(db, hrPerson.id))!, locale: "en" }));
  const period = { from: "2026-01", to: "2026-06" };
  const movesIn = async () => (await hr.report.get({ report: "mobility", filters: period })).headlines.find((headline) => headline.id === "moves")?.cell;
  const viewingOptions: LoadOptions = {
    today: "2026-12-07",
    settings: { rotationTargetPercent: 30, departmentRotationTargets: {} },
    rootDepartmentId: null,
    visibleApplicationsOf: null,
    willAudience: "hr",
    pastStandardManagerId: null,
    detailDepth: null,
  };
  const moveToQa = (personId: number, effectiveOn: string) =>
    db.insert(moves).values({ personId, kind: "transfer", fromDepartmentId: support.id, toDepartmentId: qa.id, fromRoleId: role.id, toRoleId: role.id, effectiveOn });

  it("shows a move the moment it is recorded, read after read", async () => {
    expect(await movesIn()).toEqual({ kind: "count", value: 0 });
    for (const person of team.slice(0, 3)) await moveToQa(person.id, "2026-04-01");
    expect(await movesIn()).toEqual({ kind: "count", value: 3 });
    expect(await movesIn()).toEqual({ kind: "count", value: 3 });
    await moveToQa(team[3]!.id, "2026-05-01");
    expect(await movesIn()).toEqual({ kind: "count", value: 4 });
  });

  it("loads again only the fact groups whose tables a committed change touched", async () => {
    const window = { from: "2026-01", to: "2026-06" };
    const options = viewingOptions;
    const loaded: FactPart[][] = [];
    const read = (wanted: FactPart[], organisation = false) =>
      asSystem(db, (tx) =>
        cachedReportFacts(tx, { key: `a viewing${organisation ? " by a manager" : ""}`, organisation }, wanted, (parts) => {
          loaded.push([...parts].sort());
          return loadReportFacts(tx, window, { ...options, parts });
        }),
      );

    await read(["headcount", "skills"]);
    await read(["headcount", "skills"]);
    expect(loaded).toEqual([["headcount", "skills"]]);

    // A tagline is not something a report reads.
    await db.update(people).set({ tagline: "CS × QA" }).where(eq(people.id, team[6]!.id));
    await read(["headcount", "skills"]);
    expect(loaded).toHaveLength(1);

    const skill = await createSkill(db);
    await db.insert(personSkills).values({ personId: team[6]!.id, skillId: skill.id, level: 2 });
    const afterSkill = await read(["headcount", "skills"]);
    expect(loaded.slice(1)).toEqual([["skills"]]);
    expect(afterSkill.facts.headcount.length).toBeGreaterThan(0);

    // A group asked for the first time is loaded alone; the settings are read by every group.
    await read(["headcount", "skills", "moves"]);
    await db.update(settings).set({ value: 4 }).where(eq(settings.key, "reportMinimumGroupSize"));
    await read(["headcount", "skills", "moves"]);
    expect(loaded.slice(2)).toEqual([["moves"], ["headcount", "moves", "skills"]]);
  });

  it("a step of an application reloads what applications feed, not who did not apply; a new application reloads both", async () => {
    const host = await createPerson(db, { ...hired, departmentId: qa.id, level: 3 });
    await createPerson(db, { ...hired, departmentId: qa.id, managerId: host.id });
    const posting = await createOpportunity(db, (await actorForPerson(db, host.id))!, { kind: "transfer", title: "QA エンジニア", departmentId: qa.id, roleId: role.id });
    await setOpportunityStatus(db, (await actorForPerson(db, host.id))!, { opportunityId: posting.id, status: "open" });
    const loaded: string[] = [];
    const read = (organisation: boolean) =>
      asSystem(db, (tx) =>
        cachedReportFacts(tx, { key: `applications ${organisation}`, organisation }, ["applications", "stayers"], (parts) => {
          loaded.push(`${organisation ? "manager" : "HR"}: ${[...parts].sort().join(", ")}`);
          return loadReportFacts(tx, { from: "2026-01", to: "2026-06" }, { ...viewingOptions, parts });
        }),
      );
    await read(false);
    await read(true);
    const application = await apply(db, (await actorForPerson(db, team[7]!.id))!, { opportunityId: posting.id, motivation: "QA に挑戦したい" });
    await read(false);
    await read(true);
    await db.update(applications).set({ disclosedAt: new Date() }).where(eq(applications.id, application.applicationId));
    await read(false);
    await read(true);
    expect(loaded).toEqual([
      "HR: applications, stayers",
      "manager: applications, stayers",
      "HR: applications, stayers",
      "manager: applications, stayers",
      "HR: applications",
      "manager: applications, stayers",
    ]);
  });

  it("prunes change notes older than a day and keeps the recent ones", async () => {
    await db.execute(sql`update report_changes set at = now() - interval '2 days' where source = 'moves'`);
    expect(await pruneReportChanges(db)).toBeGreaterThan(0);
    const sources = (await queryRows<{ source: string }>(db, sql`select distinct source from report_changes`)).map((row) => row.source);
    expect(sources).not.toContain("moves");
    expect(sources).toContain("settings update");
  });
});
