/*
 * What a hiring manager may learn from a candidate's explanation. The scorer explains in full (the
 * person sees all of it in their own recommendations); a hiring manager gets banded facts, because
 * exact held levels can be joined to the directory's skill search, years at level can be computed
 * back from the readiness value, and shared Will words tell what a private statement says:
 * - each listed skill as meets / one level short / missing (more than one level short or not held);
 * - skill fit, Will alignment and growth rounded to whole points, the total to a whole percent;
 *   readiness only as "past the standard years" (its value encodes the years at level);
 * - why the Will aligns (role, desired skills grown) only once the person applied or accepted an
 *   invitation, and the Will's words never;
 * - what-ifs as "reach the needed level in this listed skill", never "2→3".
 * Pure: the serving layer calls it on stored explanations.
 */
import type { MatchExplanation, OpportunitySkillKind, SkillId } from "./matching.types";
import type { CandidateFacts, SkillBand } from "./matching.schemas";

const kindOrder: Record<OpportunitySkillKind, number> = { required: 0, preferred: 1, grows: 2 };

function bandOf(level: number, held: number | null): SkillBand {
  const shortBy = level - (held ?? 0);
  if (shortBy <= 0) return "meets";
  return shortBy === 1 ? "oneLevelShort" : "missing";
}

const toPoints = (value: number) => Math.round(value * 100) / 100;

/** The banded facts of an explanation; `willVisible` when the person applied or accepted an invitation. */
export function candidateFacts(explanation: MatchExplanation, willVisible: boolean): Omit<CandidateFacts, "skillNames"> {
  const skills = [...explanation.matchedSkills, ...explanation.stretch, ...explanation.gaps]
    .map((skill) => ({ skillId: skill.skillId, kind: skill.kind, level: skill.level, band: bandOf(skill.level, skill.held) }))
    .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.skillId - b.skillId);
  const neededLevel = new Map<SkillId, number>();
  for (const skill of skills) if (skill.band !== "meets") neededLevel.set(skill.skillId, Math.max(neededLevel.get(skill.skillId) ?? 0, skill.level));
  const whatIfs: CandidateFacts["whatIfs"] = [];
  for (const { change } of explanation.whatIfs) {
    // A target role is Will content; a skill the posting does not list (a neighbour) or one already met says nothing banded.
    if (change.kind === "addTargetRole") continue;
    const level = neededLevel.get(change.skillId);
    if (level !== undefined && !whatIfs.some((item) => item.skillId === change.skillId)) whatIfs.push({ skillId: change.skillId, level });
  }
  const factor = ({ weight, contribution }: { weight: number; contribution: number }) => ({ weight, contribution: toPoints(contribution) });
  const { factors, readiness, roleAlignment } = explanation;
  return {
    policyVersion: explanation.policyVersion,
    total: toPoints(explanation.total),
    eligible: explanation.eligible,
    factors: { skillFit: factor(factors.skillFit), willAlignment: factor(factors.willAlignment), growth: factor(factors.growth) },
    skills,
    readiness: { standardYears: readiness.standardYears, pastStandard: readiness.pastStandard },
    will: willVisible ? { roleAlignment: roleAlignment ? { steps: roleAlignment.steps } : null, desiredSkillsGrown: [...explanation.desiredSkillsGrown] } : null,
    whatIfs,
  };
}
