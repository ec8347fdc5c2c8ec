import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDepartment, createPerson } from "../../db/factories";
import { approvalSteps, opportunities } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { act, apply } from "../../server/services/applications/application.service";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { deactivatePerson } from "../../server/services/people/organisation";
import { createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

describe("a leaver's closed posting", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);

  it(`passes to their manager, so applicants after a reopening wait on someone still here (${engine})`, async () => {
    const team = await createDepartment(db);
    const head = await createPerson(db, { departmentId: team.id, level: 4 });
    const owner = await createPerson(db, { departmentId: team.id, level: 3, managerId: head.id });
    await createPerson(db, { departmentId: team.id, managerId: owner.id });
    const ownerActor = (await actorForPerson(db, owner.id))!;
    const { id: opportunityId } = await createOpportunity(db, ownerActor, { kind: "project", title: "VOC分析プロジェクト", departmentId: team.id });
    await setOpportunityStatus(db, ownerActor, { opportunityId, status: "open" });
    await setOpportunityStatus(db, ownerActor, { opportunityId, status: "closed" });

    await deactivatePerson(db, { personId: owner.id, actorId: cast.persons.hr.id, reason: "退職" });
    await setOpportunityStatus(db, cast.actors.hr, { opportunityId, status: "open" });
    const { applicationId } = await apply(db, cast.actors.employee, { opportunityId, motivation: "兼務で参加したい" });

    const [posting] = await db.select({ ownerId: opportunities.ownerId }).from(opportunities).where(eq(opportunities.id, opportunityId));
    expect(posting?.ownerId).toBe(head.id);
    const open = await db
      .select({ step: approvalSteps.step, approverId: approvalSteps.approverId })
      .from(approvalSteps)
      .where(and(eq(approvalSteps.applicationId, applicationId), isNull(approvalSteps.decidedAt)));
    expect(open).toEqual([{ step: "hiring_decision", approverId: head.id }]);
    const shortlisted = await act(db, (await actorForPerson(db, head.id))!, { applicationId, action: "shortlist" });
    expect(shortlisted.hiringStage).toBe("shortlisted");
  });
});
