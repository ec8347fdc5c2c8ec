import { eq } from "drizzle-orm";
import type { Database } from "../../db/client";
import { createDepartment, createPerson, createRole, createSkill, setPersonSkill } from "../../db/factories";
import { conversationSteps, memberships, participations, roleLevels } from "../../db/schema";
import { apply } from "../../server/services/applications/application.service";
import { recordConversation } from "../../server/services/conversations/conversation.service";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { type Cast, createCast } from "./cast";

/**
 * A cast plus one of everything a procedure may name, so every procedure can be called with a
 * valid input: a skill the employee holds and one nobody holds, a conversation step owned by the
 * employee, a career role with a level, two open postings of the manager (the employee applied to
 * the first), an ended participation in the second, and a spare department with a spare person
 * (holding a concurrent post in the team) for the administration to change without touching the cast.
 */
export type ProcedureWorld = Cast & {
  skillId: number;
  spareSkillId: number;
  stepId: number;
  careerRoleId: number;
  careerRoleSlug: string;
  opportunityId: number;
  otherOpportunityId: number;
  applicationId: number;
  participationId: number;
  spareDepartmentId: number;
  sparePersonId: number;
  spareMembershipId: number;
};

export async function createProcedureWorld(db: Database): Promise<ProcedureWorld> {
  const cast = await createCast(db);
  const skill = await createSkill(db);
  const spareSkill = await createSkill(db);
  await setPersonSkill(db, cast.persons.employee.id, skill.id, 2);
  const { id: conversationId } = await recordConversation(db, cast.actors.manager, {
    personId: cast.persons.employee.id,
    heldOn: "2026-11-01",
    sharedNotes: "Q1 の目標",
    steps: [{ description: "QA 研修を受ける", ownerId: cast.persons.employee.id }],
  });
  const [step] = await db.select({ id: conversationSteps.id }).from(conversationSteps).where(eq(conversationSteps.conversationId, conversationId));
  const careerRole = await createRole(db);
  await db.insert(roleLevels).values({ roleId: careerRole.id, level: 1, standardYears: 1 });
  const opportunityId = (await createOpportunity(db, cast.actors.manager, { kind: "transfer", title: "QA 募集", departmentId: cast.departments.team.id })).id;
  await setOpportunityStatus(db, cast.actors.manager, { opportunityId, status: "open" });
  const otherOpportunityId = (
    await createOpportunity(db, cast.actors.manager, { kind: "project", title: "新人研修の企画", departmentId: cast.departments.team.id, skills: [{ skillId: skill.id, kind: "grows", level: 2 }] })
  ).id;
  await setOpportunityStatus(db, cast.actors.manager, { opportunityId: otherOpportunityId, status: "open" });
  const { applicationId } = await apply(db, cast.actors.employee, { opportunityId, motivation: "QA に挑戦したい" });
  const [participation] = await db
    .insert(participations)
    .values({ personId: cast.persons.employee.id, opportunityId: otherOpportunityId, timePercent: 20, startOn: "2026-01-01", endOn: "2026-06-30" })
    .returning({ id: participations.id });
  const spareDepartment = await createDepartment(db);
  const sparePerson = await createPerson(db, { departmentId: spareDepartment.id });
  const [spareMembership] = await db
    .insert(memberships)
    .values({ personId: sparePerson.id, departmentId: cast.departments.team.id, roleId: careerRole.id, timePercent: 20, startOn: "2026-01-01" })
    .returning({ id: memberships.id });
  return {
    ...cast,
    spareDepartmentId: spareDepartment.id,
    sparePersonId: sparePerson.id,
    spareMembershipId: spareMembership!.id,
    participationId: participation!.id,
    skillId: skill.id,
    spareSkillId: spareSkill.id,
    stepId: step!.id,
    careerRoleId: careerRole.id,
    careerRoleSlug: careerRole.slug,
    opportunityId,
    otherOpportunityId,
    applicationId,
  };
}
