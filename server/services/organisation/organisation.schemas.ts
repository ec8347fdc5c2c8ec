import { z } from "zod";
import { calendarDate } from "../common/dates.schemas";
import { bilingual, freeText, integerId } from "../common/values.schemas";
import { hiraganaToKatakana } from "../text/normalize";
import { personNameSchema } from "../people/people.schemas";

/*
 * Inputs and outputs of the people-and-organisation administration. Lengths are exported for the
 * forms, so the counter and the server agree.
 */

export const NAME_MAX = 50;
export const EMPLOYEE_NUMBER_MAX = 20;
export const EMAIL_MAX = 254;
export const DEPARTMENT_CODE_MAX = 30;
export const DEPARTMENT_NAME_MAX = 100;
export const REASON_MAX = 500;

const name = freeText.trim().min(1).max(NAME_MAX);
/**
 * Kana readings sort every Japanese list (五十音) and are searched: typed in hiragana or katakana,
 * stored in katakana like the HR systems' exports, so both sort and match alike.
 */
const kana = name.regex(/^[\p{Script=Hiragana}\p{Script=Katakana}ー・\s]+$/u).transform(hiraganaToKatakana);

export const personDetailsInput = z.object({
  employeeNumber: freeText.trim().min(1).max(EMPLOYEE_NUMBER_MAX).regex(/^[0-9A-Za-z-]+$/),
  familyName: name,
  givenName: name,
  familyNameKana: kana,
  givenNameKana: kana,
  /** 通称 (a business name used at work instead of the legal name); empty: none. */
  businessName: freeText.trim().max(NAME_MAX).default(""),
  romanizedName: name,
  email: z.string().trim().max(EMAIL_MAX).pipe(z.email()),
  hiredOn: calendarDate,
});
export type PersonDetailsInput = z.input<typeof personDetailsInput>;

/** A new person starts in a post: department, role, level and (optionally) a manager. */
export const createPersonInput = personDetailsInput.extend({
  departmentId: integerId,
  roleId: integerId,
  level: z.number().int().min(1).max(4),
  managerId: integerId.nullable().default(null),
});
export type CreatePersonInput = z.input<typeof createPersonInput>;

export const updatePersonInput = personDetailsInput.extend({ personId: integerId });
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

/** Organisation changes an administrator records in a form; each names why it happened in the moves ledger. */
export const organisationMoveKinds = ["transfer", "promotion", "reorganisation"] as const;
export type OrganisationMoveKind = (typeof organisationMoveKinds)[number];

/** A change of post: department, role, level and manager at once, recorded with its kind. */
export const changePostInput = z.object({
  personId: integerId,
  kind: z.enum(organisationMoveKinds),
  departmentId: integerId,
  roleId: integerId,
  level: z.number().int().min(1).max(4),
  managerId: integerId.nullable(),
});
export type ChangePostInput = z.input<typeof changePostInput>;

export const setAccessInput = z.object({ personId: integerId, isHr: z.boolean(), isAdmin: z.boolean() });
export type SetAccessInput = z.input<typeof setAccessInput>;

export const deactivateInput = z.object({ personId: integerId, reason: freeText.trim().min(1).max(REASON_MAX) });

export const addMembershipInput = z
  .object({
    personId: integerId,
    departmentId: integerId,
    roleId: integerId,
    timePercent: z.number().int().min(1).max(100),
    startOn: calendarDate,
    endOn: calendarDate.nullable().default(null),
  })
  .refine((value) => value.endOn === null || value.endOn >= value.startOn, { message: "endBeforeStart", path: ["endOn"] });
export type AddMembershipInput = z.input<typeof addMembershipInput>;

export const endMembershipInput = z.object({ membershipId: integerId, endOn: calendarDate });
export type EndMembershipInput = z.input<typeof endMembershipInput>;

const departmentName = freeText.trim().min(1).max(DEPARTMENT_NAME_MAX);

export const createDepartmentInput = z.object({
  code: freeText.trim().min(1).max(DEPARTMENT_CODE_MAX).regex(/^[0-9A-Za-z_-]+$/),
  nameJa: departmentName,
  nameEn: departmentName,
  parentId: integerId.nullable(),
});
export type CreateDepartmentInput = z.input<typeof createDepartmentInput>;

export const updateDepartmentInput = z.object({
  departmentId: integerId,
  nameJa: departmentName,
  nameEn: departmentName,
  parentId: integerId.nullable(),
  headId: integerId.nullable(),
});
export type UpdateDepartmentInput = z.input<typeof updateDepartmentInput>;

export const adminPeopleInput = z.object({
  query: freeText.trim().max(100).default(""),
  /** Deactivated people are listed too, so they can be reactivated. */
  includeInactive: z.boolean().default(true),
  limit: z.number().int().min(1).max(100).default(50),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type AdminPeopleInput = z.input<typeof adminPeopleInput>;

export const adminPersonRowSchema = personNameSchema.extend({
  employeeNumber: z.string(),
  email: z.string(),
  department: bilingual,
  role: bilingual,
  active: z.boolean(),
  isHr: z.boolean(),
  isAdmin: z.boolean(),
  concurrentPosts: z.number(),
});
export type AdminPersonRow = z.infer<typeof adminPersonRowSchema>;
export const adminPeopleOutput = z.object({ items: z.array(adminPersonRowSchema), total: z.number() });

export const membershipViewSchema = z.object({
  id: z.number(),
  departmentId: z.number(),
  department: bilingual,
  roleId: z.number(),
  role: bilingual,
  timePercent: z.number(),
  startOn: z.string(),
  endOn: z.string().nullable(),
});
export type MembershipView = z.infer<typeof membershipViewSchema>;

/** Everything the person form shows and edits. */
export const adminPersonSchema = z.object({
  id: z.number(),
  employeeNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string(),
  givenNameKana: z.string(),
  businessName: z.string(),
  romanizedName: z.string(),
  email: z.string(),
  hiredOn: z.string(),
  departmentId: z.number(),
  roleId: z.number(),
  level: z.number(),
  managerId: z.number().nullable(),
  isHr: z.boolean(),
  isAdmin: z.boolean(),
  active: z.boolean(),
  leftOn: z.string().nullable(),
  memberships: z.array(membershipViewSchema),
});
export type AdminPerson = z.infer<typeof adminPersonSchema>;

export const departmentNodeSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: bilingual,
  parentId: z.number().nullable(),
  headId: z.number().nullable(),
  /** The head's name in each language's form (Japanese name, romanised name). */
  head: bilingual.nullable(),
  depth: z.number(),
  members: z.number(),
});
export type DepartmentNode = z.infer<typeof departmentNodeSchema>;

/** The choices the person and department forms offer. */
export const organisationOptionsSchema = z.object({
  departments: z.array(departmentNodeSchema),
  roles: z.array(z.object({ id: z.number(), name: bilingual })),
  /** Active people who may be named manager or head, sorted by kana reading. */
  people: z.array(z.object({ id: z.number(), name: z.string(), romanizedName: z.string(), employeeNumber: z.string() })),
});
export type OrganisationOptions = z.infer<typeof organisationOptionsSchema>;

export const idOutput = z.object({ id: z.number() });
