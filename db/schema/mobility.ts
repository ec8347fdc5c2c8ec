import { sql } from "drizzle-orm";
import { check, date, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { departments, roles } from "./organisation";
import { people } from "./people";
import { skills } from "./skills";
import { applicationStatuses, approvalStepNames, confidentialityPolicies, hiringStages, moveKinds, opportunityKinds, opportunityStatuses, releaseStatuses } from "../vocabulary";

export const opportunityKind = pgEnum("opportunity_kind", opportunityKinds);

export const moveKind = pgEnum("move_kind", moveKinds);

export const opportunityStatus = pgEnum("opportunity_status", opportunityStatuses);

export const workplace = pgEnum("workplace", ["onsite", "hybrid", "remote"]);

/** A posting (社内公募 and the lighter tries): a team asks for people. */
export const opportunities = pgTable(
  "opportunities",
  {
    id: id(),
    kind: opportunityKind().notNull(),
    status: opportunityStatus().notNull().default("draft"),
    title: text().notNull(),
    description: text().notNull().default(""),
    /** The hiring manager: decides on applicants. */
    ownerId: integer()
      .notNull()
      .references(() => people.id),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    /** The role a transfer moves into (null for tries that change no role). */
    roleId: integer().references(() => roles.id),
    /** Share of working time for concurrent assignments (兼務) and projects. */
    timePercent: smallint().notNull().default(100),
    startOn: date({ mode: "string" }),
    endOn: date({ mode: "string" }),
    slots: smallint().notNull().default(1),
    location: text().notNull().default(""),
    workplace: workplace().notNull().default("onsite"),
    openedAt: timestamp({ withTimezone: true, mode: "date" }),
    /** Filling is refused before this moment (the minimum open period). */
    fillableFrom: timestamp({ withTimezone: true, mode: "date" }),
    closedAt: timestamp({ withTimezone: true, mode: "date" }),
    /** NFKC-normalised, lower-cased title, description and skill names: what search matches. */
    searchText: text().notNull().default(""),
    createdById: integer()
      .notNull()
      .references(() => people.id),
    version: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.status, t.kind),
    index().on(t.ownerId),
    index().on(t.departmentId),
    index().on(t.roleId),
    index().on(t.createdById),
    check("opportunities_time_percent", sql`${t.timePercent} between 1 and 100`),
    check("opportunities_slots", sql`${t.slots} between 1 and 100`),
  ],
);
export type Opportunity = typeof opportunities.$inferSelect;

export const opportunitySkillKind = pgEnum("opportunity_skill_kind", ["required", "preferred", "grows"]);

export const opportunitySkills = pgTable(
  "opportunity_skills",
  {
    opportunityId: integer()
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    skillId: integer()
      .notNull()
      .references(() => skills.id),
    kind: opportunitySkillKind().notNull(),
    level: smallint().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.opportunityId, t.skillId, t.kind] }),
    index().on(t.skillId),
    check("opportunity_skills_level", sql`${t.level} between 1 and 4`),
  ],
);

export const applicationStatus = pgEnum("application_status", applicationStatuses);
export const hiringStage = pgEnum("hiring_stage", hiringStages);
export const releaseStatus = pgEnum("release_status", releaseStatuses);
export const confidentialityPolicy = pgEnum("confidentiality_policy", confidentialityPolicies);

/**
 * An application: the workflow lives in these columns and in `approvalSteps`; every change bumps
 * `version` in the same transaction as its audit row and outbox event.
 */
export const applications = pgTable(
  "applications",
  {
    id: id(),
    opportunityId: integer()
      .notNull()
      .references(() => opportunities.id),
    personId: integer()
      .notNull()
      .references(() => people.id),
    motivation: text().notNull(),
    status: applicationStatus().notNull().default("active"),
    hiringStage: hiringStage().notNull().default("review"),
    releaseStatus: releaseStatus().notNull().default("not_requested"),
    /** The confidentiality policy in force when the person applied. */
    confidentiality: confidentialityPolicy().notNull(),
    /** The applicant's department and role when applying: reports attribute the application to them. */
    applicantDepartmentId: integer()
      .notNull()
      .references(() => departments.id),
    applicantRoleId: integer()
      .notNull()
      .references(() => roles.id),
    /** The manager at the time of applying: the one who releases. */
    currentManagerId: integer().references(() => people.id),
    /** From this moment the current manager may see the application (null: not yet). */
    disclosedAt: timestamp({ withTimezone: true, mode: "date" }),
    releaseOn: date({ mode: "string" }),
    effectiveOn: date({ mode: "string" }),
    /** The last decision's reason, shown to the applicant. */
    decisionReason: text(),
    version: integer().notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live application per person and opportunity, enforced by the database.
    uniqueIndex("applications_one_active_idx")
      .on(t.personId, t.opportunityId)
      .where(sql`${t.status} in ('active', 'finalized')`),
    index().on(t.opportunityId, t.status),
    index().on(t.personId),
    index().on(t.currentManagerId),
    index().on(t.applicantDepartmentId, t.createdAt),
    index().on(t.applicantRoleId),
    // Reports read applications by the month they were made.
    index().on(t.createdAt),
  ],
);
export type Application = typeof applications.$inferSelect;

export const approvalStep = pgEnum("approval_step", approvalStepNames);

/** One row per workflow step of an application; a step is decided once (unique per application). */
export const approvalSteps = pgTable(
  "approval_steps",
  {
    id: id(),
    applicationId: integer()
      .notNull()
      .references(() => applications.id, { onDelete: "cascade" }),
    step: approvalStep().notNull(),
    /** Who must act (null: any HR staff). */
    approverId: integer().references(() => people.id),
    dueAt: timestamp({ withTimezone: true, mode: "date" }),
    escalatedAt: timestamp({ withTimezone: true, mode: "date" }),
    decidedAt: timestamp({ withTimezone: true, mode: "date" }),
    decidedById: integer().references(() => people.id),
    decision: text(),
    reason: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.applicationId, t.step),
    index().on(t.approverId),
    index().on(t.decidedById),
    index("approval_steps_open_due_idx").on(t.dueAt).where(sql`${t.decidedAt} is null`),
    // Reports read decisions by the month they were taken.
    index().on(t.decidedAt),
  ],
);
export type ApprovalStep = typeof approvalSteps.$inferSelect;

/** The mobility ledger: a completed move. Reports read this, never reconstructed state. */
export const moves = pgTable(
  "moves",
  {
    id: id(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    applicationId: integer().references(() => applications.id),
    kind: moveKind().notNull(),
    fromDepartmentId: integer()
      .notNull()
      .references(() => departments.id),
    toDepartmentId: integer()
      .notNull()
      .references(() => departments.id),
    fromRoleId: integer()
      .notNull()
      .references(() => roles.id),
    toRoleId: integer()
      .notNull()
      .references(() => roles.id),
    fromManagerId: integer().references(() => people.id),
    toManagerId: integer().references(() => people.id),
    effectiveOn: date({ mode: "string" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex().on(t.applicationId),
    // Where a person stood on a day: their first move after it.
    index().on(t.personId, t.effectiveOn),
    index().on(t.effectiveOn),
    index().on(t.fromDepartmentId),
    index().on(t.toDepartmentId),
    index().on(t.fromRoleId),
    index().on(t.toRoleId),
    index().on(t.fromManagerId),
    index().on(t.toManagerId),
  ],
);

/** A project, rotation or concurrent assignment taken on without leaving one's post. */
export const participations = pgTable(
  "participations",
  {
    id: id(),
    personId: integer()
      .notNull()
      .references(() => people.id),
    opportunityId: integer()
      .notNull()
      .references(() => opportunities.id),
    applicationId: integer().references(() => applications.id),
    timePercent: smallint().notNull(),
    startOn: date({ mode: "string" }).notNull(),
    endOn: date({ mode: "string" }),
    /** Set when the owner endorsed the skills used: they become verified evidence. */
    endorsedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.applicationId), index().on(t.personId), index().on(t.opportunityId)],
);

/** Mutations that carry an idempotency key store their first result here; a replay returns it. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    actorId: integer()
      .notNull()
      .references(() => people.id),
    key: text().notNull(),
    operation: text().notNull(),
    response: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);

