import { z } from "zod";
import { willHorizons, willOpennessValues } from "../will/will.schemas";
import { bilingual } from "../common/values.schemas";

/** The company-wide exports (admin): one CSV file each. */
export const exportTables = ["people", "skills", "wills"] as const;
export type ExportTable = (typeof exportTables)[number];

const exportedPerson = {
  employeeNumber: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  romanizedName: z.string(),
};

export const peopleExportSchema = z.array(
  z.object({
    ...exportedPerson,
    familyNameKana: z.string(),
    givenNameKana: z.string(),
    email: z.string(),
    department: bilingual,
    role: bilingual,
    level: z.number(),
    managerEmployeeNumber: z.string().nullable(),
    hiredOn: z.string(),
    isHr: z.boolean(),
    isAdmin: z.boolean(),
    active: z.boolean(),
    leftOn: z.string().nullable(),
  }),
);

export const skillsExportSchema = z.array(
  z.object({
    ...exportedPerson,
    skill: bilingual,
    level: z.number(),
    evidence: z.string(),
    verifiedByEmployeeNumber: z.string().nullable(),
    verifiedAt: z.date().nullable(),
  }),
);

export const willsExportSchema = z.array(
  z.object({
    ...exportedPerson,
    statement: z.string(),
    horizon: z.enum(willHorizons),
    openness: z.enum(willOpennessValues),
    targetRoles: z.array(bilingual),
    desiredSkills: z.array(bilingual),
    updatedAt: z.date(),
  }),
);

export type PeopleExport = z.infer<typeof peopleExportSchema>;
export type SkillsExport = z.infer<typeof skillsExportSchema>;
export type WillsExport = z.infer<typeof willsExportSchema>;
