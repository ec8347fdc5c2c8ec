import { z } from "zod";
import { opportunityKinds } from "@/db/vocabulary";

const bilingual = z.object({ ja: z.string(), en: z.string() });
const factor = z.object({ score: z.number(), weight: z.number(), contribution: z.number() });

/** The explanation as served: every number the score is made of, with names for display. */
export const explanationSchema = z.object({
  policyVersion: z.string(),
  total: z.number(),
  eligible: z.boolean(),
  scoreIfEligible: z.number(),
  gateReasons: z.array(z.object({ skillId: z.number(), level: z.number(), held: z.number().nullable(), message: bilingual })),
  factors: z.object({ skillFit: factor, willAlignment: factor, growth: factor, readiness: factor }),
  matchedSkills: z.array(z.object({ skillId: z.number(), kind: z.string(), level: z.number(), held: z.number() })),
  stretch: z.array(z.object({ skillId: z.number(), kind: z.string(), level: z.number(), held: z.number().nullable() })),
  gaps: z.array(z.object({ skillId: z.number(), kind: z.string(), level: z.number(), held: z.number().nullable(), shortBy: z.number(), mandatory: z.boolean() })),
  adjacentUsed: z.array(z.object({ skillId: z.number(), kind: z.string(), viaSkillId: z.number(), credit: z.number() })),
  roleAlignment: z.object({ targetRoleId: z.number(), steps: z.number(), credit: z.number() }).nullable(),
  desiredSkillsGrown: z.array(z.number()),
  willTermsMatched: z.array(z.object({ term: z.string(), label: bilingual })),
  /** Years at level are restricted profile data: null in a hiring manager's view of candidates. */
  readiness: z.object({ yearsAtLevel: z.number().nullable(), standardYears: z.number().nullable(), pastStandard: z.boolean() }),
  whatIfs: z.array(z.object({ gain: z.number(), label: bilingual })),
  /** Names of every skill the explanation mentions. */
  skillNames: z.record(z.string(), bilingual),
});
export type ServedExplanation = z.infer<typeof explanationSchema>;

export const candidatesInput = z.object({
  opportunityId: z.number().int().positive().max(2_147_483_647),
  page: z.number().int().min(1).max(100).default(1),
});

export const candidatesOutput = z.object({
  total: z.number(),
  computedAt: z.date().nullable(),
  /** Names stay hidden until the hiring manager invites: candidates are judged on skills first. */
  namesHidden: z.boolean(),
  items: z.array(
    z.object({
      rank: z.number(),
      /** Null while names are hidden. */
      person: z.object({ id: z.number(), familyName: z.string(), givenName: z.string(), romanizedName: z.string() }).nullable(),
      /** A stable handle for inviting without revealing who it is. */
      candidateKey: z.string(),
      openToScouting: z.boolean(),
      invited: z.boolean(),
      explanation: explanationSchema,
    }),
  ),
});

export const recommendationsOutput = z.array(
  z.object({
    opportunity: z.object({ id: z.number(), title: z.string(), kind: z.enum(opportunityKinds), department: bilingual }),
    explanation: explanationSchema,
  }),
);
