/*
 * The matching score: pure, deterministic and explainable. No
 * database, no clock, no randomness — the same profiles, context and policy always give the same
 * score, the same reasons and the same what-ifs. Every number comes from the policy
 * (matching.policy.ts); "w" below is an item weight = the level the opportunity lists for it, so a
 * level-3 expectation weighs three times a level-1 one.
 *
 * skillFit — weighted coverage of required (R) and preferred (P) skills:
 *   credit(held h, needed n) = 1 when h ≥ n; 0 when not held; else max(0, 1 − penalty × (n − h));
 *   a preferred skill may instead earn adjacency credit from a held neighbour m:
 *     discount × edge weight × min(1, level(m) ÷ n)   (the best neighbour; never for required skills);
 *   skillFit = (rShare × Σw·credit/Σw over R + pShare × … over P) ÷ (rShare + pShare),
 *   a share dropping out when its list is empty.
 * gate — a required skill more than maxRequiredGap levels short (not held = level 0) makes the
 *   person ineligible: total 0, every contribution 0, the reason listed, and `scoreIfEligible`
 *   keeps what the total would have been. Adjacency never helps here.
 * willAlignment — 0 when no Will is shared; else the share-weighted mean of
 *   role: 1 when the opportunity's role is a target, pathCreditBySteps[s − 1] when it lies s steps
 *         along the career map before a target (best target), else 0 — drops out for role-less opportunities;
 *   desired skills: (desired skills the opportunity grows) ÷ min(desiredSaturation, number desired), capped at 1;
 *   text: overlap of the statement's and the posting's terms (text-terms.ts).
 * growth — stretch without overreach, over the skills the opportunity grows (G) and its preferred
 *   skills (P): reach = 1 when held within stretchLevels of the level (one level short is growth,
 *   a level-1 skill not yet held too), else the adjacency credit above, else 0 (a gap);
 *   growth = (gShare × Σw·reach/Σw over G + pShare × … over P) ÷ (gShare + pShare).
 *   Reach never falls when a level rises: being already there is never worse than a stretch, so
 *   raising a skill can never lower the total.
 * readiness — floor + (1 − floor) × min(1, years at level ÷ standard years); unknownScore when the
 *   map has no standard years. Information and a small factor, never a gate.
 * total — each contribution = round(weight × score, decimals); total = skillFit + willAlignment +
 *   growth + readiness contributions, summed in that order, so the listed contributions add up to
 *   the total exactly. Weights sum to 1, so the total stays in [0, 1].
 *
 * Speed without impurity: a compiled opportunity is cached per profile object (WeakMap; profiles are
 * read-only), and the core writes into one reused scratch record instead of allocating per person.
 * Neither is visible to callers: the same arguments always return the same result.
 */
import { matchingPolicy, type MatchingPolicy } from "./matching.policy";
import type {
  AdjacentCredit,
  AdjacentSkill,
  Bilingual,
  CandidateProfile,
  FactorResult,
  GateReason,
  MatchContext,
  MatchExplanation,
  MatchedSkill,
  OpportunityProfile,
  OpportunitySkill,
  OpportunitySkillKind,
  RoleId,
  SkillGap,
  SkillId,
  StretchSkill,
  WhatIf,
  WhatIfChange,
  WillTerm,
} from "./matching.types";
import { countSharedTerms, sharedTerms, skillOfTerm } from "./text-terms";

// ── building the context ───────────────────────────────────────────────────────────────────

/** Adjacency lists in both directions from the stored pairs (skillA < skillB); each list sorted by skill id. */
export function buildAdjacency(
  pairs: Iterable<{ readonly skillA: SkillId; readonly skillB: SkillId; readonly weight: number }>,
): ReadonlyMap<SkillId, readonly AdjacentSkill[]> {
  const lists = new Map<SkillId, Map<SkillId, number>>();
  const link = (from: SkillId, to: SkillId, weight: number) => {
    let list = lists.get(from);
    if (!list) lists.set(from, (list = new Map()));
    list.set(to, Math.max(list.get(to) ?? 0, weight));
  };
  for (const { skillA, skillB, weight } of pairs) {
    if (skillA === skillB) continue;
    link(skillA, skillB, weight);
    link(skillB, skillA, weight);
  }
  const adjacency = new Map<SkillId, AdjacentSkill[]>();
  for (const [from, list] of lists) {
    adjacency.set(
      from,
      [...list].map(([skillId, weight]) => ({ skillId, weight })).sort((a, b) => a.skillId - b.skillId),
    );
  }
  return adjacency;
}

/** Fewest career-path steps from each role to every role it leads to (breadth-first over the directed paths). */
export function buildRoleSteps(paths: Iterable<{ readonly fromRoleId: RoleId; readonly toRoleId: RoleId }>): ReadonlyMap<RoleId, ReadonlyMap<RoleId, number>> {
  const next = new Map<RoleId, RoleId[]>();
  for (const { fromRoleId, toRoleId } of paths) {
    if (fromRoleId === toRoleId) continue;
    const list = next.get(fromRoleId) ?? [];
    list.push(toRoleId);
    next.set(fromRoleId, list);
  }
  const steps = new Map<RoleId, Map<RoleId, number>>();
  for (const start of next.keys()) {
    const reached = new Map<RoleId, number>();
    let frontier = [start];
    for (let distance = 1; frontier.length > 0; distance++) {
      const following: RoleId[] = [];
      for (const role of frontier) {
        for (const to of next.get(role) ?? []) {
          if (to === start || reached.has(to)) continue;
          reached.set(to, distance);
          following.push(to);
        }
      }
      frontier = following;
    }
    steps.set(start, reached);
  }
  return steps;
}

// ── the opportunity, compiled once for scoring many people ─────────────────────────────────

interface Item {
  readonly skillId: SkillId;
  readonly level: number;
  readonly weight: number;
  readonly adjacent: readonly AdjacentSkill[];
}

/** An opportunity prepared for scoring under one context and policy. */
export interface CompiledOpportunity {
  readonly source: OpportunityProfile;
  readonly context: MatchContext;
  readonly policy: MatchingPolicy;
  /** 10 ** policy.decimals. */
  readonly scale: number;
  readonly required: readonly Item[];
  readonly preferred: readonly Item[];
  readonly grows: readonly Item[];
  readonly requiredWeight: number;
  readonly preferredWeight: number;
  readonly growsWeight: number;
  /** Target role → (credit, steps) when the opportunity's role is that target or on a path toward it. */
  readonly roleCredit: ReadonlyMap<RoleId, { readonly credit: number; readonly steps: number }>;
  /** The skills the opportunity grows (for the Will's desired skills). */
  readonly grown: ReadonlySet<SkillId>;
}

const noNeighbours: readonly AdjacentSkill[] = [];
const compiledCache = new WeakMap<OpportunityProfile, CompiledOpportunity>();

/** Items in skill-id order, so the order a posting lists its skills in never changes a sum's last bit. */
function itemsOf(skills: readonly OpportunitySkill[], context: MatchContext): Item[] {
  return skills
    .map((skill) => ({ skillId: skill.skillId, level: skill.level, weight: skill.level, adjacent: context.adjacency.get(skill.skillId) ?? noNeighbours }))
    .sort((a, b) => a.skillId - b.skillId || a.level - b.level);
}

const weightOf = (items: readonly Item[]) => items.reduce((sum, item) => sum + item.weight, 0);

/** Compiles (or returns the cached compilation of) an opportunity for a context and policy. */
export function compileOpportunity(opportunity: OpportunityProfile, context: MatchContext, policy: MatchingPolicy): CompiledOpportunity {
  const cached = compiledCache.get(opportunity);
  if (cached && cached.context === context && cached.policy === policy) return cached;
  const required = itemsOf(opportunity.required, context);
  const preferred = itemsOf(opportunity.preferred, context);
  const grows = itemsOf(opportunity.grows, context);

  const roleCredit = new Map<RoleId, { credit: number; steps: number }>();
  if (opportunity.roleId !== null) {
    roleCredit.set(opportunity.roleId, { credit: 1, steps: 0 });
    for (const [target, steps] of context.roleSteps.get(opportunity.roleId) ?? []) {
      const credit = policy.will.pathCreditBySteps[steps - 1];
      if (credit !== undefined && credit > 0 && target !== opportunity.roleId) roleCredit.set(target, { credit, steps });
    }
  }

  const compiled: CompiledOpportunity = {
    source: opportunity,
    context,
    policy,
    scale: 10 ** policy.decimals,
    required,
    preferred,
    grows,
    requiredWeight: weightOf(required),
    preferredWeight: weightOf(preferred),
    growsWeight: weightOf(grows),
    roleCredit,
    grown: new Set(grows.map((item) => item.skillId)),
  };
  compiledCache.set(opportunity, compiled);
  return compiled;
}

// ── the core: one code path for the fast ranking and the full explanation ──────────────────

/** What the core reads of a person's skills (a Map, or a one-change overlay for what-ifs). */
interface SkillLookup {
  get(skillId: SkillId): number | undefined;
}

/** What the core reads of a person. */
interface Person {
  readonly roleId: RoleId;
  readonly yearsAtLevel: number;
  readonly standardYears: number | null;
  readonly skills: SkillLookup;
  readonly will: null | { readonly targetRoleIds: readonly RoleId[]; readonly desiredSkillIds: readonly SkillId[]; readonly terms: readonly string[] };
}

/** Explanation details, collected only when asked for. */
interface Detail {
  gateReasons: GateReason[];
  matchedSkills: MatchedSkill[];
  stretch: StretchSkill[];
  gaps: SkillGap[];
  adjacentUsed: AdjacentCredit[];
  roleAlignment: MatchExplanation["roleAlignment"];
  desiredSkillsGrown: SkillId[];
  willTermsMatched: WillTerm[];
}

/** The core's result; one reused object, so scoring 100,000 people allocates nothing per person. */
const scratch = { eligible: true, skillFit: 0, willAlignment: 0, growth: 0, readiness: 0 };
/** The neighbour behind the last adjacency credit (avoids returning a pair). */
let lastVia = -1;

function directCredit(held: number, level: number, penalty: number): number {
  if (held >= level) return 1;
  if (held === 0) return 0;
  return Math.max(0, 1 - penalty * (level - held));
}

function adjacencyCredit(item: Item, skills: SkillLookup, discount: number): number {
  let best = 0;
  lastVia = -1;
  for (const neighbour of item.adjacent) {
    const held = skills.get(neighbour.skillId);
    if (held === undefined || held <= 0) continue;
    const credit = discount * neighbour.weight * Math.min(1, held / item.level);
    if (credit > best) {
      best = credit;
      lastVia = neighbour.skillId;
    }
  }
  return best;
}

function mix(shareA: number, scoreA: number, hasA: boolean, shareB: number, scoreB: number, hasB: boolean, neither: number): number {
  if (hasA && hasB) return (shareA * scoreA + shareB * scoreB) / (shareA + shareB);
  if (hasA) return scoreA;
  if (hasB) return scoreB;
  return neither;
}

function gateMessage(name: Bilingual, level: number, held: number | null, shortBy: number, allowed: number): Bilingual {
  return {
    ja: `必須スキル「${name.ja}」はレベル${level}が必要ですが、${held === null ? "未保有" : `現在レベル${held}`}です（${shortBy}レベル不足。許容は${allowed}レベルまで）`,
    en: `Required skill ${name.en} needs level ${level}; ${held === null ? "not held" : `held at level ${held}`} (${shortBy} levels short; at most ${allowed} allowed)`,
  };
}

function skillName(context: MatchContext, skillId: SkillId): Bilingual {
  return context.skillNames.get(skillId) ?? { ja: `#${skillId}`, en: `#${skillId}` };
}

function evaluate(person: Person, o: CompiledOpportunity, d: Detail | null): void {
  const policy = o.policy;
  const { penaltyPerLevelShort: penalty, adjacencyDiscount: discount } = policy.skillFit;
  const maxGap = policy.gate.maxRequiredGap;
  const stretchLevels = policy.growth.stretchLevels;
  const skills = person.skills;
  let eligible = true;

  // Required: direct credit only; the gate.
  let requiredSum = 0;
  for (const item of o.required) {
    const held = skills.get(item.skillId) ?? 0;
    const shortBy = item.level - held;
    if (shortBy > maxGap) {
      eligible = false;
      if (d) {
        const heldOrNull = held > 0 ? held : null;
        d.gateReasons.push({
          code: "requiredSkillTooFarShort",
          skillId: item.skillId,
          level: item.level,
          held: heldOrNull,
          shortBy,
          allowedGap: maxGap,
          message: gateMessage(skillName(o.context, item.skillId), item.level, heldOrNull, shortBy, maxGap),
        });
      }
    }
    requiredSum += item.weight * directCredit(held, item.level, penalty);
    if (d) {
      if (shortBy <= 0) d.matchedSkills.push({ skillId: item.skillId, kind: "required", level: item.level, held });
      else d.gaps.push({ skillId: item.skillId, kind: "required", level: item.level, held: held > 0 ? held : null, shortBy, mandatory: true });
    }
  }

  // Preferred: direct or adjacency credit for the fit; reach for growth.
  let preferredSum = 0;
  let preferredReach = 0;
  for (const item of o.preferred) {
    const held = skills.get(item.skillId) ?? 0;
    const shortBy = item.level - held;
    const direct = directCredit(held, item.level, penalty);
    let credit = direct;
    let adjacent = 0;
    if (direct < 1) {
      adjacent = adjacencyCredit(item, skills, discount);
      if (adjacent > credit) credit = adjacent;
    }
    preferredSum += item.weight * credit;
    preferredReach += item.weight * (shortBy <= stretchLevels ? 1 : adjacent);
    if (d) collect(d, item, "preferred", held, shortBy, stretchLevels, adjacent > direct ? adjacent : 0);
  }

  // Grows: reach only.
  let growsReach = 0;
  for (const item of o.grows) {
    const held = skills.get(item.skillId) ?? 0;
    const shortBy = item.level - held;
    let reach = 1;
    let adjacent = 0;
    if (shortBy > stretchLevels) {
      adjacent = adjacencyCredit(item, skills, discount);
      reach = adjacent;
    }
    growsReach += item.weight * reach;
    if (d) collect(d, item, "grows", held, shortBy, stretchLevels, adjacent);
  }

  const hasRequired = o.required.length > 0;
  const hasPreferred = o.preferred.length > 0;
  const hasGrows = o.grows.length > 0;
  const fit = policy.skillFit;
  scratch.skillFit = mix(
    fit.requiredShare,
    hasRequired ? requiredSum / o.requiredWeight : 0,
    hasRequired,
    fit.preferredShare,
    hasPreferred ? preferredSum / o.preferredWeight : 0,
    hasPreferred,
    fit.nothingListedScore,
  );
  const growth = policy.growth;
  scratch.growth = mix(
    growth.growsShare,
    hasGrows ? growsReach / o.growsWeight : 0,
    hasGrows,
    growth.preferredShare,
    hasPreferred ? preferredReach / o.preferredWeight : 0,
    hasPreferred,
    growth.nothingListedScore,
  );
  scratch.eligible = eligible;
  scratch.willAlignment = willScore(person, o, d);
  scratch.readiness = readinessScore(person, policy);
}

function collect(d: Detail, item: Item, kind: OpportunitySkillKind, held: number, shortBy: number, stretchLevels: number, adjacent: number): void {
  const heldOrNull = held > 0 ? held : null;
  if (shortBy <= 0) d.matchedSkills.push({ skillId: item.skillId, kind, level: item.level, held });
  else if (shortBy <= stretchLevels) d.stretch.push({ skillId: item.skillId, kind, level: item.level, held: heldOrNull });
  else d.gaps.push({ skillId: item.skillId, kind, level: item.level, held: heldOrNull, shortBy, mandatory: false });
  if (adjacent > 0 && lastVia !== -1) d.adjacentUsed.push({ skillId: item.skillId, kind, viaSkillId: lastVia, credit: adjacent });
}

function willScore(person: Person, o: CompiledOpportunity, d: Detail | null): number {
  const will = person.will;
  if (will === null) return 0;
  const policy = o.policy.will;

  let role = 0;
  let roleTarget = -1;
  let roleSteps = 0;
  for (const target of will.targetRoleIds) {
    const entry = o.roleCredit.get(target);
    if (entry !== undefined && (entry.credit > role || (entry.credit === role && roleTarget !== -1 && target < roleTarget))) {
      role = entry.credit;
      roleTarget = target;
      roleSteps = entry.steps;
    }
  }

  let desiredGrown = 0;
  for (const skillId of will.desiredSkillIds) {
    if (o.grown.has(skillId)) {
      desiredGrown++;
      if (d) d.desiredSkillsGrown.push(skillId);
    }
  }
  const desiredCount = will.desiredSkillIds.length;
  const desired = desiredCount === 0 ? 0 : Math.min(1, desiredGrown / Math.min(policy.desiredSaturation, desiredCount));

  const willTerms = will.terms;
  const postingTerms = o.source.terms;
  const shared = countSharedTerms(willTerms, postingTerms);
  const text = shared === 0 ? 0 : shared / Math.max(policy.textMinTerms, Math.min(willTerms.length, postingTerms.length));

  if (d) {
    if (roleTarget !== -1) d.roleAlignment = { targetRoleId: roleTarget, steps: roleSteps, credit: role };
    for (const term of sharedTerms(willTerms, postingTerms)) {
      const skillId = skillOfTerm(term);
      d.willTermsMatched.push({ term, skillId, label: skillId === null ? { ja: term, en: term } : skillName(o.context, skillId) });
    }
  }

  const textPart = policy.desiredSkillsShare * desired + policy.textShare * text;
  if (o.source.roleId === null) return textPart / (policy.desiredSkillsShare + policy.textShare);
  return (policy.roleShare * role + textPart) / (policy.roleShare + policy.desiredSkillsShare + policy.textShare);
}

function readinessScore(person: Person, policy: MatchingPolicy): number {
  const standard = person.standardYears;
  if (standard === null || !(standard > 0)) return policy.readiness.unknownScore;
  const floor = policy.readiness.floor;
  return floor + (1 - floor) * Math.min(1, Math.max(0, person.yearsAtLevel) / standard);
}

/** Rounds to the policy's decimals; `scale` is 10 ** decimals (computed once per compilation). */
function roundTo(value: number, scale: number): number {
  return Math.round(value * scale) / scale;
}

/** The ungated total of the scratch scores (contributions rounded, summed in the documented order). */
function ungatedTotal(o: CompiledOpportunity): number {
  const { weights } = o.policy;
  const scale = o.scale;
  return (
    roundTo(weights.skillFit * scratch.skillFit, scale) +
    roundTo(weights.willAlignment * scratch.willAlignment, scale) +
    roundTo(weights.growth * scratch.growth, scale) +
    roundTo(weights.readiness * scratch.readiness, scale)
  );
}

/**
 * The ranking key, without building an explanation: the total for an eligible person, and
 * scoreIfEligible − 2 for a gated one, so gated people rank after every eligible one, near misses first.
 */
export function rankKey(person: CandidateProfile, compiled: CompiledOpportunity): number {
  evaluate(person, compiled, null);
  const total = ungatedTotal(compiled);
  return scratch.eligible ? total : total - 2;
}

function totalOf(person: Person, compiled: CompiledOpportunity): number {
  evaluate(person, compiled, null);
  const total = ungatedTotal(compiled);
  return scratch.eligible ? total : 0;
}

// ── the explanation ────────────────────────────────────────────────────────────────────────

/** The full explanation for one person and one compiled opportunity, what-ifs included. */
export function explain(person: CandidateProfile, compiled: CompiledOpportunity): MatchExplanation {
  const policy = compiled.policy;
  const d: Detail = {
    gateReasons: [],
    matchedSkills: [],
    stretch: [],
    gaps: [],
    adjacentUsed: [],
    roleAlignment: null,
    desiredSkillsGrown: [],
    willTermsMatched: [],
  };
  evaluate(person, compiled, d);
  const { weights } = policy;
  const eligible = scratch.eligible;
  const factor = (score: number, weight: number): FactorResult => ({ score, weight, contribution: eligible ? roundTo(weight * score, compiled.scale) : 0 });
  const factors = {
    skillFit: factor(scratch.skillFit, weights.skillFit),
    willAlignment: factor(scratch.willAlignment, weights.willAlignment),
    growth: factor(scratch.growth, weights.growth),
    readiness: factor(scratch.readiness, weights.readiness),
  };
  const scoreIfEligible = ungatedTotal(compiled);
  const total = factors.skillFit.contribution + factors.willAlignment.contribution + factors.growth.contribution + factors.readiness.contribution;
  // Mandatory first, then the largest shortfall, then skill id (stable sort over id-ordered items).
  d.gaps.sort((a, b) => Number(b.mandatory) - Number(a.mandatory) || b.shortBy - a.shortBy);
  d.desiredSkillsGrown.sort((a, b) => a - b);
  const standard = person.standardYears;
  // Last: what-ifs re-run the core, which reuses the scratch result read above.
  const suggestions = whatIfs(person, compiled, total);
  return {
    policyVersion: policy.version,
    personId: person.personId,
    opportunityId: compiled.source.opportunityId,
    total,
    eligible,
    scoreIfEligible,
    gateReasons: d.gateReasons,
    factors,
    matchedSkills: d.matchedSkills,
    stretch: d.stretch,
    gaps: d.gaps,
    adjacentUsed: d.adjacentUsed,
    roleAlignment: d.roleAlignment,
    desiredSkillsGrown: d.desiredSkillsGrown,
    willTermsMatched: d.willTermsMatched,
    readiness: { yearsAtLevel: person.yearsAtLevel, standardYears: standard, pastStandard: standard !== null && person.yearsAtLevel > standard },
    whatIfs: suggestions,
  };
}

// ── what would raise the match most ────────────────────────────────────────────────────────

/** The person's skills with one skill at another level — everything else read through. */
function overlay(skills: ReadonlyMap<SkillId, number>, skillId: SkillId, level: number): SkillLookup {
  return { get: (id) => (id === skillId ? level : skills.get(id)) };
}

/** Applies a what-if change to a person: the profile `scoreMatch` would be given after the change. */
export function applyChange(person: CandidateProfile, change: WhatIfChange): CandidateProfile {
  if (change.kind === "addTargetRole") {
    if (person.will === null) return person;
    return { ...person, will: { ...person.will, targetRoleIds: [...person.will.targetRoleIds, change.roleId] } };
  }
  const skills = new Map(person.skills);
  skills.set(change.skillId, change.kind === "raiseSkill" ? change.to : change.level);
  return { ...person, skills };
}

const changeOrder = { raiseSkill: 0, addSkill: 1, addTargetRole: 2 } as const;
const changeId = (change: WhatIfChange) => (change.kind === "addTargetRole" ? change.roleId : change.skillId);

function whatIfs(person: CandidateProfile, compiled: CompiledOpportunity, total: number): WhatIf[] {
  const { context, policy, source } = compiled;
  // The level each of the opportunity's skills is listed at (the highest, when listed twice).
  const listed = new Map<SkillId, number>();
  for (const item of [...compiled.required, ...compiled.preferred, ...compiled.grows]) listed.set(item.skillId, Math.max(listed.get(item.skillId) ?? 0, item.level));
  // Skills whose level can matter: the listed ones and their held neighbours (adjacency credit).
  const relevant = new Set(listed.keys());
  for (const item of [...compiled.preferred, ...compiled.grows]) for (const neighbour of item.adjacent) if (person.skills.has(neighbour.skillId)) relevant.add(neighbour.skillId);

  const changes: WhatIfChange[] = [];
  for (const skillId of [...relevant].sort((a, b) => a - b)) {
    const held = person.skills.get(skillId) ?? 0;
    if (held > 0 && held < 4) changes.push({ kind: "raiseSkill", skillId, from: held, to: held + 1 });
    else if (held <= 0 && listed.has(skillId)) changes.push({ kind: "addSkill", skillId, level: listed.get(skillId)! });
  }
  if (person.will !== null && source.roleId !== null && !person.will.targetRoleIds.includes(source.roleId)) changes.push({ kind: "addTargetRole", roleId: source.roleId });

  const results: { change: WhatIf["change"]; gain: number }[] = [];
  for (const change of changes) {
    const changed: Person =
      change.kind === "addTargetRole"
        ? applyChange(person, change)
        : { ...person, skills: overlay(person.skills, change.skillId, change.kind === "raiseSkill" ? change.to : change.level) };
    const gain = totalOf(changed, compiled) - total;
    if (gain > 0) results.push({ change, gain });
  }
  results.sort((a, b) => b.gain - a.gain || changeOrder[a.change.kind] - changeOrder[b.change.kind] || changeId(a.change) - changeId(b.change));
  return results.slice(0, policy.whatIfCount).map(({ change, gain }) => ({ change, gain, label: whatIfLabel(context, change, gain) }));
}

function whatIfLabel(context: MatchContext, change: WhatIfChange, gain: number): Bilingual {
  const plus = `+${gain.toFixed(2)}`;
  if (change.kind === "addTargetRole") {
    const role = context.roleNames.get(change.roleId) ?? { ja: `#${change.roleId}`, en: `#${change.roleId}` };
    return { ja: `目標ロールに「${role.ja}」を追加: ${plus}`, en: `Add ${role.en} as a target role: ${plus}` };
  }
  const name = skillName(context, change.skillId);
  if (change.kind === "raiseSkill") return { ja: `${name.ja} ${change.from}→${change.to}: ${plus}`, en: `${name.en} ${change.from}→${change.to}: ${plus}` };
  return { ja: `${name.ja} 新規→${change.level}: ${plus}`, en: `${name.en} new→${change.level}: ${plus}` };
}

/**
 * Scores one person for one opportunity and explains it: total, each factor's contribution, the
 * gate, matched skills, gaps, stretch, adjacency credit, Will alignment and the top what-ifs.
 * Pure and deterministic.
 */
export function scoreMatch(candidate: CandidateProfile, opportunity: OpportunityProfile, context: MatchContext, policy: MatchingPolicy = matchingPolicy): MatchExplanation {
  return explain(candidate, compileOpportunity(opportunity, context, policy));
}
