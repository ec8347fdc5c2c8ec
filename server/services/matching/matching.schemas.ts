import { z } from "zod";
import { opportunityKinds } from "@/db/vocabulary";
import { bilingual, integerId } from "../common/values.schemas";

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
  readiness: z.object({ yearsAtLevel: z.number(), standardYears: z.number().nullable(), pastStandard: z.boolean() }),
  whatIfs: z.array(z.object({ gain: z.number(), label: bilingual })),
  /** Names of every skill the explanation mentions. */
  skillNames: z.record(z.string(), bilingual),
});
export type ServedExplanation = z.infer<typeof explanationSchema>;

export const candidatesInput = z.object({
  opportunityId: integerId,
  page: z.number().int().min(1).max(100).default(1),
});

/** How a candidate stands against one skill the posting lists — never the level they hold. */
export const skillBands = ["meets", "oneLevelShort", "missing"] as const;
export type SkillBand = (typeof skillBands)[number];

const servedFactor = z.object({ weight: z.number(), contribution: z.number() });

/**
 * A candidate's match as a hiring manager sees it: banded facts that cannot be joined back to a
 * profile (candidate-facts.ts). No held level, no time at level, no readiness value, no Will word.
 */
export const candidateFactsSchema = z.object({
  policyVersion: z.string(),
  /** Rounded to a whole percent. */
  total: z.number(),
  eligible: z.boolean(),
  /** Rounded to whole points; readiness is left out (it encodes time at level). */
  factors: z.object({ skillFit: servedFactor, willAlignment: servedFactor, growth: servedFactor }),
  skills: z.array(z.object({ skillId: z.number(), kind: z.enum(["required", "preferred", "grows"]), level: z.number(), band: z.enum(skillBands) })),
  readiness: z.object({ standardYears: z.number().nullable(), pastStandard: z.boolean() }),
  /** Why the Will aligns, once the person applied or accepted an invitation; null before. */
  will: z.object({ roleAlignment: z.object({ steps: z.number() }).nullable(), desiredSkillsGrown: z.array(z.number()) }).nullable(),
  /** Listed skills whose needed level would raise the match most. */
  whatIfs: z.array(z.object({ skillId: z.number(), level: z.number() })),
  skillNames: z.record(z.string(), bilingual),
});
export type CandidateFacts = z.infer<typeof candidateFactsSchema>;

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
      invited: z.boolean(),
      facts: candidateFactsSchema,
    }),
  ),
});

export const recommendationsOutput = z.array(
  z.object({
    opportunity: z.object({ id: z.number(), title: z.string(), kind: z.enum(opportunityKinds), department: bilingual }),
    explanation: explanationSchema,
  }),
);
