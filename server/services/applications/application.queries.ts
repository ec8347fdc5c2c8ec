import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import type { ApplicationStatus, ConfidentialityPolicy, HiringStage, ReleaseStatus } from "@/db/vocabulary";
import { applications, approvalSteps, opportunities, people } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canManageOpportunity, isHrStaff } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { engagedWith, readableWills } from "../will/will.queries";
import type { WillView } from "../will/will.schemas";
import { releaseEscalated } from "../workflow/release-escalated";
import { allowedActions, workflowStateOf } from "../workflow/transitions";
import { hiddenFromManagers, relationsOf } from "./application.relations";
import { managedByActor } from "./managed-people";
import { personNameColumns } from "../people/person-name.columns";
import { writeAuditEntries } from "../audit/audit.service";


const applicationColumns = {
  id: applications.id,
  opportunityId: applications.opportunityId,
  opportunityTitle: opportunities.title,
  opportunityKind: opportunities.kind,
  status: applications.status,
  hiringStage: applications.hiringStage,
  releaseStatus: applications.releaseStatus,
  motivation: applications.motivation,
  decisionReason: applications.decisionReason,
  releaseOn: applications.releaseOn,
  effectiveOn: applications.effectiveOn,
  version: applications.version,
  createdAt: applications.createdAt,
  person: personNameColumns,
  // Not shown: what the transition table needs to decide what the viewer may do.
  confidentiality: applications.confidentiality,
  currentManagerId: applications.currentManagerId,
  releaseEscalated,
  disclosedAt: applications.disclosedAt,
  hiringManagerId: opportunities.ownerId,
};

type StoredWorkflow = {
  person: { id: number };
  status: ApplicationStatus;
  hiringStage: HiringStage;
  releaseStatus: ReleaseStatus;
  confidentiality: ConfidentialityPolicy;
  currentManagerId: number | null;
  releaseEscalated: boolean;
  disclosedAt: Date | null;
  hiringManagerId: number;
};

/**
 * Who saw what: HR staff reading applications not yet disclosed to the applicant's manager, through
 * HR's rights (not as the applicant or the posting's hiring manager), leave one audit row per
 * application read, which the audit trail shows. Written with the read, so a read that fails logs nothing.
 */
async function logConfidentialReads(db: Executor, actor: Actor, rows: readonly (StoredWorkflow & { id: number })[], via: "pipeline" | "hr_queue") {
  if (!isHrStaff(actor)) return;
  const confidential = rows.filter((row) => row.disclosedAt === null && row.person.id !== actor.personId && row.hiringManagerId !== actor.personId);
  await writeAuditEntries(
    db,
    confidential.map((row) => ({ actorId: actor.personId, action: "application.read", entityType: "application", entityId: row.id, data: { via } })),
  );
}

const applicantsOf = (rows: readonly StoredWorkflow[]) => rows.map((row) => row.person.id);
const partiesOf = (row: StoredWorkflow) => ({ personId: row.person.id, currentManagerId: row.currentManagerId, disclosedAt: row.disclosedAt, hiringManagerId: row.hiringManagerId });

/** A row as the viewer sees it: the workflow facts stay on the server, the actions they allow go out. */
function forViewer<Row extends StoredWorkflow>(
  actor: Actor,
  managed: ReadonlySet<number>,
  { confidentiality, currentManagerId, releaseEscalated, disclosedAt, hiringManagerId, ...row }: Row,
) {
  const state = workflowStateOf({ ...row, confidentiality, currentManagerId, releaseEscalated });
  const relations = relationsOf(actor, { personId: row.person.id, currentManagerId, disclosedAt, hiringManagerId }, managed);
  return { ...row, allowedActions: allowedActions(state, relations) };
}

async function stepsOf(db: Executor, applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: approvalSteps.applicationId,
      step: approvalSteps.step,
      dueAt: approvalSteps.dueAt,
      escalatedAt: approvalSteps.escalatedAt,
      decidedAt: approvalSteps.decidedAt,
      decision: approvalSteps.decision,
      reason: approvalSteps.reason,
      createdAt: approvalSteps.createdAt,
    })
    .from(approvalSteps)
    .where(inArray(approvalSteps.applicationId, applicationIds))
    .orderBy(asc(approvalSteps.createdAt), asc(approvalSteps.id));
}

/** The actor's own applications, newest first, each with its timeline of steps and decisions. */
export async function myApplications(db: Executor, actor: Actor) {
  const rows = await db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
    .innerJoin(people, eq(people.id, applications.personId))
    .where(eq(applications.personId, actor.personId))
    .orderBy(desc(applications.createdAt), desc(applications.id));
  const steps = await stepsOf(db, rows.map((row) => row.id));
  const managed = await managedByActor(db, actor, applicantsOf(rows));
  return rows.map((row) => ({ ...forViewer(actor, managed, row), steps: steps.filter((step) => step.applicationId === row.id), will: null as WillView | null }));
}

/**
 * Applicants to a posting, for its hiring manager (or HR). The applicant's Will is included only
 * when they share it with matching — a live application makes the hiring manager one of its readers.
 * HR staff who are not the hiring manager do not see their own reports' undisclosed applications.
 */
export async function pipelineFor(db: Executor, actor: Actor, opportunityId: number) {
  const [opportunity] = await db.select({ ownerId: opportunities.ownerId, status: opportunities.status }).from(opportunities).where(eq(opportunities.id, opportunityId));
  if (!opportunity || !canManageOpportunity(actor, opportunity)) throw new AppError("NOT_FOUND");
  const hiresFor = actor.personId === opportunity.ownerId;
  const all = await db
    .select(applicationColumns)
    .from(applications)
    .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
    .innerJoin(people, eq(people.id, applications.personId))
    .where(eq(applications.opportunityId, opportunityId))
    .orderBy(asc(applications.createdAt), asc(applications.id));
  const managed = await managedByActor(db, actor, applicantsOf(all));
  const rows = all.filter((row) => hiresFor || !hiddenFromManagers(actor, partiesOf(row), managed));
  await logConfidentialReads(db, actor, rows, "pipeline");
  const applicantIds = new Set(rows.map((row) => row.person.id));
  // Only while the person engages (a live application): a withdrawal ends the hiring manager's reading.
  const engaged = await engagedWith(db, opportunityId);
  const [steps, wills] = await Promise.all([
    stepsOf(db, rows.map((row) => row.id)),
    readableWills(db, actor, [...applicantIds], (personId) => ({ hiresForOwner: hiresFor && engaged.has(personId) })),
  ]);
  return rows.map((row) => ({ ...forViewer(actor, managed, row), steps: steps.filter((step) => step.applicationId === row.id), will: wills.get(row.person.id) ?? null }));
}

/**
 * Releases waiting on the actor as the applicant's current manager. Only disclosed applications:
 * until the policy's disclosure point the manager learns nothing, not even that one exists.
 */
export async function releaseInbox(db: Executor, actor: Actor) {
  const rows = await db
    .select({ ...applicationColumns, dueAt: approvalSteps.dueAt, escalatedAt: approvalSteps.escalatedAt })
    .from(applications)
    .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
    .innerJoin(people, eq(people.id, applications.personId))
    .innerJoin(approvalSteps, and(eq(approvalSteps.applicationId, applications.id), eq(approvalSteps.step, "manager_release")))
    .where(
      and(
        eq(applications.currentManagerId, actor.personId),
        isNotNull(applications.disclosedAt),
        eq(applications.status, "active"),
        isNull(approvalSteps.decidedAt),
      ),
    )
    .orderBy(asc(approvalSteps.dueAt), asc(applications.id));
  const managed = await managedByActor(db, actor, applicantsOf(rows));
  // The motivation is written for the receiving team; the releasing manager decides on timing, not on it.
  return rows.map((row) => ({ ...forViewer(actor, managed, row), motivation: "", steps: [], will: null as WillView | null }));
}

/**
 * HR's queue: moves to finalize, escalated releases (overdue, or nobody left to ask — HR may release
 * in the manager's place) and manager declines to review — minus those of the HR person's own line.
 */
export async function hrQueue(db: Executor, actor: Actor) {
  if (!isHrStaff(actor)) throw new AppError("FORBIDDEN");
  const rows = await db
    .select({
      ...applicationColumns,
      step: approvalSteps.step,
      dueAt: approvalSteps.dueAt,
      escalatedAt: approvalSteps.escalatedAt,
    })
    .from(approvalSteps)
    .innerJoin(applications, eq(applications.id, approvalSteps.applicationId))
    .innerJoin(opportunities, eq(opportunities.id, applications.opportunityId))
    .innerJoin(people, eq(people.id, applications.personId))
    .where(
      and(
        isNull(approvalSteps.decidedAt),
        eq(applications.status, "active"),
        or(inArray(approvalSteps.step, ["hr_finalize", "hr_decline_review"]), and(eq(approvalSteps.step, "manager_release"), isNotNull(approvalSteps.escalatedAt))),
      ),
    )
    .orderBy(asc(approvalSteps.createdAt), asc(approvalSteps.id));
  const managed = await managedByActor(db, actor, applicantsOf(rows));
  // What HR staff may not decide (their own line's moves) is another HR person's queue.
  const queue = rows.filter((row) => relationsOf(actor, partiesOf(row), managed).has("hr"));
  await logConfidentialReads(db, actor, queue, "hr_queue");
  return queue.map(({ step, ...row }) => ({
    ...forViewer(actor, managed, row),
    queue: step === "hr_finalize" ? ("finalize" as const) : step === "hr_decline_review" ? ("decline_review" as const) : ("escalation" as const),
    steps: [],
    will: null as WillView | null,
  }));
}
