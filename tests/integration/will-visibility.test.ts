import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson } from "../../db/factories";
import { people } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { callerAs, createCast } from "../setup/cast";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

/**
 * For each Will audience, exactly the right viewers read it — through every
 * procedure that returns Will data (will.of, team.reports, application.pipeline).
 */
describe("who reads a Will, through every procedure", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  // The hiring manager of a posting the employee applies to (a candidate relation)…
  const related = await createReceivingTeam(db, cast);
  // …and one whose posting the employee has nothing to do with.
  const unrelated = await createReceivingTeam(db, cast);
  const skipLevel = await createPerson(db, { departmentId: cast.departments.team.id });
  await db.update(people).set({ managerId: skipLevel.id }).where(eq(people.id, cast.persons.manager.id));
  const callerFor = async (personId: number) => createCaller(createContextInner({ db, actor: await actorForPerson(db, personId) }));
  const employee = callerAs(db, cast, "employee");
  await employee.application.submit({ opportunityId: related.opportunityId, motivation: "挑戦したい" });

  const viewers = {
    self: employee,
    manager: callerAs(db, cast, "manager"),
    skipLevel: await callerFor(skipLevel.id),
    hr: callerAs(db, cast, "hr"),
    hiringManagerWithCandidate: related.hiring,
    hiringManagerWithout: unrelated.hiring,
    colleague: callerAs(db, cast, "colleague"),
    admin: callerAs(db, cast, "admin"),
    hrAdmin: await callerFor((await createPerson(db, { departmentId: cast.departments.people.id, isHr: true, isAdmin: true })).id),
  };
  type Viewer = keyof typeof viewers;

  const settings: Array<[string, { shareWithManager: boolean; shareWithHr: boolean; shareWithMatching: boolean }, Viewer[]]> = [
    ["only me", { shareWithManager: false, shareWithHr: false, shareWithMatching: false }, ["self"]],
    ["my manager", { shareWithManager: true, shareWithHr: false, shareWithMatching: false }, ["self", "manager"]],
    ["HR", { shareWithManager: false, shareWithHr: true, shareWithMatching: false }, ["self", "hr", "hrAdmin"]],
    ["matching", { shareWithManager: false, shareWithHr: false, shareWithMatching: true }, ["self", "hiringManagerWithCandidate"]],
  ];

  for (const [name, audience, readers] of settings) {
    it(`shared with ${name}: read by exactly ${readers.join(", ")}`, async () => {
      const current = await employee.will.mine();
      const statement = `Will shared with ${name}`;
      await employee.will.save({ statement, targetRoleIds: [], desiredSkillIds: [], horizon: "one_year", openness: "within_year", ...audience, expectedVersion: current.version });
      const readBy: Viewer[] = [];
      for (const [viewer, caller] of Object.entries(viewers) as [Viewer, typeof employee][]) {
        const direct = await caller.will.of({ personId: cast.persons.employee.id });
        const viaTeam = (await caller.team.reports()).find((member) => member.id === cast.persons.employee.id)?.will ?? null;
        const viaPipeline = await caller.application
          .pipeline({ opportunityId: related.opportunityId })
          .then((rows) => rows.find((row) => row.person.id === cast.persons.employee.id)?.will ?? null)
          .catch(() => null);
        const viaExport = await caller.dataExport
          .wills()
          .then((rows) => rows.find((row) => row.employeeNumber === cast.persons.employee.employeeNumber) ?? null)
          .catch(() => null);
        const seen = [direct, viaTeam, viaPipeline, viaExport].filter((will) => will?.statement === statement);
        // No procedure may show it to someone the policy excludes.
        if (seen.length > 0) readBy.push(viewer);
        if (!readers.includes(viewer)) expect(seen, viewer).toEqual([]);
      }
      expect(readBy).toEqual(readers);
    });
  }

  it("is refused to a signed-out caller", async () => {
    const anonymous = callerAs(db, cast, "anonymous");
    await expect(anonymous.will.of({ personId: cast.persons.employee.id })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
