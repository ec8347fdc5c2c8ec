import { z } from "zod";
import { personIdInput } from "@/server/services/people/people.schemas";
import { createDepartment, updateDepartment } from "@/server/services/organisation/department.service";
import { addMembership, endMembership } from "@/server/services/organisation/membership.service";
import { departmentTreeForAdmin, listPeopleForAdmin, organisationOptions, personForAdmin } from "@/server/services/organisation/organisation.queries";
import {
  addMembershipInput,
  adminPeopleInput,
  adminPeopleOutput,
  adminPersonSchema,
  changePostInput,
  createDepartmentInput,
  createPersonInput,
  deactivateInput,
  departmentNodeSchema,
  endMembershipInput,
  idOutput,
  organisationOptionsSchema,
  setAccessInput,
  updateDepartmentInput,
  updatePersonInput,
} from "@/server/services/organisation/organisation.schemas";
import { changePost, createPerson, deactivate, reactivate, setAccess, updatePerson } from "@/server/services/organisation/person-admin.service";
import { createTRPCRouter } from "../init";
import { adminProcedure } from "../procedures";

const changeOutput = z.object({ reassignedApplicationIds: z.array(z.number()) });
const deactivationOutput = changeOutput.extend({
  withdrawnApplicationIds: z.array(z.number()),
  handedOverOpportunityIds: z.array(z.number()),
  endedSessions: z.number(),
  endedMembershipIds: z.array(z.number()),
  vacatedDepartmentIds: z.array(z.number()),
});

/** People and the organisation, for administrators only (every procedure is the admin tier). */
export const organisationRouter = createTRPCRouter({
  /** Everyone, leavers included, with search. */
  people: adminProcedure
    .input(adminPeopleInput)
    .output(adminPeopleOutput)
    .query(({ ctx, input }) => listPeopleForAdmin(ctx.db, ctx.actor, input)),
  /** One person as the form edits them, with their concurrent posts. */
  person: adminProcedure
    .input(personIdInput)
    .output(adminPersonSchema)
    .query(({ ctx, input }) => personForAdmin(ctx.db, ctx.actor, input.personId)),
  /** The department tree in order. */
  departments: adminProcedure.output(z.array(departmentNodeSchema)).query(({ ctx }) => departmentTreeForAdmin(ctx.db, ctx.actor)),
  /** Departments, open roles and active people the forms choose from. */
  options: adminProcedure.output(organisationOptionsSchema).query(({ ctx }) => organisationOptions(ctx.db, ctx.actor)),
  createPerson: adminProcedure
    .input(createPersonInput)
    .output(idOutput)
    .mutation(({ ctx, input }) => createPerson(ctx.db, ctx.actor, input)),
  updatePerson: adminProcedure
    .input(updatePersonInput)
    .output(idOutput)
    .mutation(({ ctx, input }) => updatePerson(ctx.db, ctx.actor, input)),
  /** Department, role, level and manager at once; recorded in the moves ledger with its kind. */
  changePost: adminProcedure
    .input(changePostInput)
    .output(changeOutput)
    .mutation(({ ctx, input }) => changePost(ctx.db, ctx.actor, input)),
  setAccess: adminProcedure
    .input(setAccessInput)
    .output(idOutput)
    .mutation(({ ctx, input }) => setAccess(ctx.db, ctx.actor, input)),
  /** The person leaves: sessions end, their applications close, nothing waits on them. */
  deactivate: adminProcedure
    .input(deactivateInput)
    .output(deactivationOutput)
    .mutation(({ ctx, input }) => deactivate(ctx.db, ctx.actor, input)),
  reactivate: adminProcedure
    .input(personIdInput)
    .output(changeOutput)
    .mutation(({ ctx, input }) => reactivate(ctx.db, ctx.actor, input.personId)),
  addMembership: adminProcedure
    .input(addMembershipInput)
    .output(idOutput)
    .mutation(({ ctx, input }) => addMembership(ctx.db, ctx.actor, input)),
  endMembership: adminProcedure
    .input(endMembershipInput)
    .output(idOutput)
    .mutation(({ ctx, input }) => endMembership(ctx.db, ctx.actor, input)),
  createDepartment: adminProcedure
    .input(createDepartmentInput)
    .output(idOutput)
    .mutation(({ ctx, input }) => createDepartment(ctx.db, ctx.actor, input)),
  /** Rename, move under another parent (loops refused), name the head. */
  updateDepartment: adminProcedure
    .input(updateDepartmentInput)
    .output(idOutput)
    .mutation(({ ctx, input }) => updateDepartment(ctx.db, ctx.actor, input)),
});
