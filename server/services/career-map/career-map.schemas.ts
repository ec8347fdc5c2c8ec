import { z } from "zod";
import { bilingual } from "../common/values.schemas";

const level = z.number().int().min(1).max(4);

export const roleTracks = ["management", "specialist", "cross_functional"] as const;
export const careerPathKinds = ["promotion", "specialist", "cross_functional"] as const;
const track = z.enum(roleTracks);
const pathKind = z.enum(careerPathKinds);

/** Role slugs as the career map stores them: lowercase letters, digits and hyphens. */
const roleSlug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/);

export const careerRoleInput = z.object({ slug: roleSlug });
export type CareerRoleInput = z.infer<typeof careerRoleInput>;

/**
 * The gap is always the caller's own: the input names a role (and optionally a level), never a
 * person — `strict` refuses any extra field, such as a person id, rather than ignoring it.
 */
export const careerGapInput = z.object({ roleSlug, level: level.optional() }).strict();
export type CareerGapInput = z.infer<typeof careerGapInput>;

const roleRef = z.object({ id: z.number(), slug: z.string(), name: bilingual });

/** Where the viewer stands: their role, level and time at that level, and their Will's target roles. */
export const viewerPositionSchema = z.object({
  roleId: z.number(),
  roleSlug: z.string(),
  level,
  yearsAtLevel: z.number(),
  standardYears: z.number().nullable(),
  /** From the viewer's own Will (always visible to its owner); empty without a Will. */
  willTargetRoleIds: z.array(z.number()),
});
export type ViewerPosition = z.infer<typeof viewerPositionSchema>;

const point = z.object({ x: z.number(), y: z.number() });

/** Positions computed by ELK on the server (career-map.layout.ts), in one absolute coordinate space. */
export const careerMapLayoutSchema = z.object({
  width: z.number(),
  height: z.number(),
  node: z.object({ width: z.number(), height: z.number() }),
  families: z.array(z.object({ familyId: z.number(), x: z.number(), y: z.number(), width: z.number(), height: z.number() })),
  roles: z.array(z.object({ roleId: z.number(), x: z.number(), y: z.number() })),
  paths: z.array(z.object({ pathId: z.number(), points: z.array(point) })),
});
export type CareerMapLayout = z.infer<typeof careerMapLayoutSchema>;

export const careerMapSchema = z.object({
  families: z.array(z.object({ id: z.number(), slug: z.string(), name: bilingual })),
  /** Retired roles only where the viewer holds or targets them, marked: not offered for new choices. */
  roles: z.array(roleRef.extend({ familyId: z.number(), track, retired: z.boolean() })),
  paths: z.array(z.object({ id: z.number(), fromRoleId: z.number(), toRoleId: z.number(), kind: pathKind, note: bilingual })),
  layout: careerMapLayoutSchema,
  viewer: viewerPositionSchema,
});
export type CareerMap = z.infer<typeof careerMapSchema>;

const expectedSkill = z.object({ skillId: z.number(), slug: z.string(), level, name: bilingual, category: bilingual });

/** A path into or out of a role, naming the role at its other end. */
const rolePathSchema = z.object({ id: z.number(), kind: pathKind, note: bilingual, role: roleRef.extend({ family: bilingual }) });

export const careerRoleSchema = roleRef.extend({
  track,
  family: z.object({ id: z.number(), slug: z.string(), name: bilingual }),
  description: bilingual,
  levels: z.array(
    z.object({
      level,
      standardYears: z.number(),
      keyExperiences: z.array(bilingual),
      qualifications: z.array(bilingual),
      skills: z.array(expectedSkill),
    }),
  ),
  pathsIn: z.array(rolePathSchema),
  pathsOut: z.array(rolePathSchema),
});
export type CareerRole = z.infer<typeof careerRoleSchema>;

const gapSkill = z.object({ skillId: z.number(), level, name: bilingual, category: bilingual });

export const careerGapSchema = z.object({
  target: z.object({
    role: roleRef,
    level,
    /** The level chosen by the default rule (gap.ts `defaultTargetLevel`) for this person and role. */
    defaultLevel: level,
    /** Levels of the role that exist on the map, for the level selector. */
    levels: z.array(level),
    isWillTarget: z.boolean(),
  }),
  current: z.object({ role: roleRef, level }),
  relation: z.enum(["current", "nextLevel", "passed", "sameRoleAhead", "otherRole"]),
  missing: z.array(gapSkill.extend({ held: z.null() })),
  belowLevel: z.array(gapSkill.extend({ held: level, shortBy: z.number().int().min(1).max(3) })),
  met: z.array(gapSkill.extend({ held: level })),
  experiences: z.object({ unlocking: z.array(bilingual), atTarget: z.array(bilingual) }),
  qualifications: z.array(bilingual),
  years: z.object({ atLevel: z.number(), standard: z.number().nullable(), remaining: z.number().nullable(), past: z.boolean() }),
  readiness: z.object({ met: z.number(), required: z.number(), ratio: z.number() }),
});
export type CareerGap = z.infer<typeof careerGapSchema>;
