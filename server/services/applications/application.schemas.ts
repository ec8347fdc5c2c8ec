import { z } from "zod";
import { applicationStatuses, approvalStepNames, hiringStages, opportunityKinds, releaseStatuses } from "@/db/vocabulary";
import { calendarDate } from "../common/dates.schemas";
import { willViewSchema } from "../will/will.schemas";
import { actions } from "../workflow/transitions";
import { integerId } from "../common/values.schemas";

/** Longest motivation a person may write, applying directly or answering a scout. */
export const MOTIVATION_MAX = 4000;
/** Longest reason given with a workflow step (decline, withdraw…). */
export const ACTION_REASON_MAX = 2000;

/** The pipeline groups applicants by stage; pages reach the vocabulary through the services. */
export { hiringStages };

/** The actions a person takes; the system's own ("complete", "withdraw_on_leave") are never sent. */
const personAction = z.enum(actions).exclude(["complete", "withdraw_on_leave"]);
const workflowState = { status: z.enum(applicationStatuses), hiringStage: z.enum(hiringStages), releaseStatus: z.enum(releaseStatuses) };
/** A client-chosen key: a retried request with the same key returns the first result. */
const idempotencyKey = z.string().trim().min(8).max(100).optional();

export const applyInput = z
  .object({
    opportunityId: integerId,
    motivation: z.string().trim().min(1).max(MOTIVATION_MAX),
    idempotencyKey,
  })
  .strict();
export type ApplyInput = z.input<typeof applyInput>;

export const actInput = z
  .object({
    applicationId: integerId,
    action: personAction,
    reason: z.string().trim().max(ACTION_REASON_MAX).default(""),
    /** release_later: when the person may go. */
    releaseOn: calendarDate.optional(),
    /** finalize: the effective date (発令日). */
    effectiveOn: calendarDate.optional(),
    /** The version the actor saw: a decision on a changed application is a conflict. */
    expectedVersion: z.number().int().min(0).optional(),
    idempotencyKey,
  })
  .strict();
export type ActInput = z.input<typeof actInput>;

export const applicationIdInput = z.object({ applicationId: integerId });

export const actResultSchema = z.object({
  applicationId: z.number(),
  ...workflowState,
  version: z.number(),
  /** True when this call repeated one already applied (a retry or a double click): nothing changed. */
  replayed: z.boolean(),
});
export type ActResult = z.infer<typeof actResultSchema>;

const nameSchema = z.object({ id: z.number(), familyName: z.string(), givenName: z.string(), romanizedName: z.string() });
const stepSchema = z.object({
  step: z.enum(approvalStepNames),
  dueAt: z.date().nullable(),
  escalatedAt: z.date().nullable(),
  decidedAt: z.date().nullable(),
  decision: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.date(),
});

export const applicationViewSchema = z.object({
  id: z.number(),
  opportunityId: z.number(),
  opportunityTitle: z.string(),
  opportunityKind: z.enum(opportunityKinds),
  ...workflowState,
  motivation: z.string(),
  decisionReason: z.string().nullable(),
  releaseOn: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  version: z.number(),
  createdAt: z.date(),
  person: nameSchema,
  steps: z.array(stepSchema),
  will: willViewSchema.nullable(),
  /** What this viewer may do now, decided by the transition table on the stored state. */
  allowedActions: z.array(z.object({ action: personAction, needsReason: z.boolean() })),
});
export type ApplicationView = z.infer<typeof applicationViewSchema>;

export const inboxItemSchema = applicationViewSchema.extend({ dueAt: z.date().nullable(), escalatedAt: z.date().nullable() });
export const hrQueueItemSchema = inboxItemSchema.extend({ queue: z.enum(["finalize", "escalation", "decline_review"]) });
export type HrQueueItem = z.infer<typeof hrQueueItemSchema>;
