import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { CandidateFacts, ServedExplanation } from "@/server/services/matching/matching.schemas";
import { pick } from "@/app/_i18n/localized";

const factorNames = ["skillFit", "willAlignment", "growth", "readiness"] as const;

/** A score in [0, 1] as a whole percentage. */
export function matchPercent(score: number): number {
  return Math.round(score * 100);
}

/** The match as a number and a word, never colour alone: "マッチ度 79%" / "Match 79%". */
export function MatchScore({ total }: { total: number }) {
  const t = useTranslations("matchExplanation");
  return (
    <span className="inline-block rounded bg-brand-700 px-2 py-0.5 text-sm font-semibold tabular-nums text-white">
      {t("score", { percent: matchPercent(total) })}
    </span>
  );
}

function Heading({ children }: { children: React.ReactNode }) {
  return <h3 className="text-sm font-semibold text-slate-800">{children}</h3>;
}

function None() {
  const t = useTranslations("matchExplanation");
  return <p className="text-sm text-slate-600">{t("none")}</p>;
}

type Factor = { weight: number; contribution: number };

/** Each factor's points out of its maximum, as bars labelled with words and numbers. */
function FactorBars({ factors, hint }: { factors: Partial<Record<(typeof factorNames)[number], Factor>>; hint: string }) {
  const t = useTranslations("matchExplanation");
  const format = useFormatter();
  const points = (value: number) => format.number(value * 100, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const maxPoints = (value: number) => format.number(value * 100, { maximumFractionDigits: 1 });
  return (
    <div>
      <Heading>{t("breakdown")}</Heading>
      <p className="text-sm text-slate-600">{hint}</p>
      <ul className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2">
        {factorNames.map((factor) => {
          const served = factors[factor];
          if (!served) return null;
          const { contribution, weight } = served;
          const filled = weight > 0 ? Math.min(100, Math.max(0, (contribution / weight) * 100)) : 0;
          const label = t(`factor.${factor}`);
          const value = t("points", { value: points(contribution), max: maxPoints(weight) });
          return (
            <li key={factor}>
              <div className="flex items-baseline justify-between gap-2 text-sm">
                <span className="font-medium">{label}</span>
                <span className="tabular-nums text-slate-700">{value}</span>
              </div>
              {/* Bar width = contribution ÷ weight; the words and numbers above carry the same. */}
              <div
                role="meter"
                aria-label={label}
                aria-valuemin={0}
                aria-valuemax={weight * 100}
                aria-valuenow={contribution * 100}
                aria-valuetext={value}
                className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
              >
                <div className="h-full rounded-full bg-brand-600" style={{ width: `${filled}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The Will's target role on the career map and the desired skills a posting grows. */
function WillReasons({ roleAlignment, desiredGrown }: { roleAlignment: { steps: number } | null; desiredGrown: string[] }) {
  const t = useTranslations("matchExplanation");
  const locale = useLocale();
  return (
    <>
      {roleAlignment ? <p>{roleAlignment.steps === 0 ? t("roleTarget") : t("rolePath", { steps: roleAlignment.steps })}</p> : null}
      {desiredGrown.length > 0 ? <p>{t("desiredGrown", { skills: desiredGrown.join(locale === "en" ? ", " : "、") })}</p> : null}
    </>
  );
}

/** A skill's name from the names an explanation carries. */
function skillNameIn(skillNames: Record<string, { ja: string; en: string }>, skillId: number, locale: string): string {
  const names = skillNames[String(skillId)];
  return names ? pick(names, locale) : `#${skillId}`;
}

/** What would raise this match, in order, with a hint on how to read it (or that nothing would). */
function WhatIfs({ hint, steps }: { hint: string; steps: { key: string; text: string }[] }) {
  const t = useTranslations("matchExplanation");
  return (
    <div className="rounded border border-brand-100 bg-brand-50 p-3">
      <Heading>{t("whatIfs")}</Heading>
      <p className="text-sm text-slate-700">{hint}</p>
      {steps.length === 0 ? (
        <p className="mt-1 text-sm text-slate-700">{t("whatIfsNone")}</p>
      ) : (
        <ol className="mt-1 list-decimal space-y-0.5 pl-5 text-sm">
          {steps.map((step) => (
            <li key={step.key}>{step.text}</li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * Why a person and an opportunity match, exactly as the scorer computed it: each factor's points
 * out of its maximum (as bars labelled with words and numbers), matched skills, stretch, gaps,
 * adjacent skills that earned credit, what overlaps with the Will, time at level (information,
 * never a gate), and the single changes that would raise the match most. A gated match says why
 * in plain words. The person's own view ("Recommended for you"); hiring managers see `CandidateMatch`.
 */
export function MatchExplanation({ explanation }: { explanation: ServedExplanation }) {
  const t = useTranslations("matchExplanation");
  const locale = useLocale();
  const format = useFormatter();
  const name = (skillId: number) => skillNameIn(explanation.skillNames, skillId, locale);
  const level = (value: number | null) => (value === null || value <= 0 ? t("notHeld") : t("level", { level: value }));
  const years = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const { readiness, roleAlignment } = explanation;
  const desiredGrown = explanation.desiredSkillsGrown.filter((skillId) => explanation.skillNames[String(skillId)]).map(name);
  const willMatches = roleAlignment !== null || desiredGrown.length > 0 || explanation.willTermsMatched.length > 0;

  return (
    <div className="space-y-4">
      {!explanation.eligible ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3">
          <p className="font-semibold text-amber-950">{t("gated")}</p>
          <h3 className="mt-2 text-sm font-semibold text-amber-950">{t("gateReasons")}</h3>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-amber-950">
            {explanation.gateReasons.map((reason) => (
              <li key={`${reason.skillId}-${reason.level}`}>{pick(reason.message, locale)}</li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-amber-950">{t("scoreIfEligible", { percent: matchPercent(explanation.scoreIfEligible) })}</p>
        </div>
      ) : null}

      <FactorBars factors={explanation.factors} hint={t("breakdownHint")} />

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Heading>{t("matched")}</Heading>
          {explanation.matchedSkills.length === 0 ? (
            <None />
          ) : (
            <ul className="mt-1 space-y-0.5 text-sm">
              {explanation.matchedSkills.map((skill) => (
                <li key={`${skill.kind}-${skill.skillId}`}>
                  <span aria-hidden="true" className="mr-1 text-emerald-700">
                    ✓
                  </span>
                  {t("matchedItem", { skill: name(skill.skillId), held: level(skill.held), needed: level(skill.level) })}
                </li>
              ))}
            </ul>
          )}
        </div>

        <div>
          <Heading>{t("gaps")}</Heading>
          {explanation.gaps.length === 0 ? (
            <None />
          ) : (
            <ul className="mt-1 space-y-0.5 text-sm">
              {explanation.gaps.map((gap) => (
                <li key={`${gap.kind}-${gap.skillId}`}>
                  {t("gapItem", { skill: name(gap.skillId), held: level(gap.held), needed: level(gap.level) })}{" "}
                  {gap.mandatory ? (
                    <span className="rounded bg-red-50 px-1.5 text-xs font-semibold text-red-800 ring-1 ring-red-300">{t("mandatory")}</span>
                  ) : (
                    <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-700 ring-1 ring-slate-300">{t(`kind.${gap.kind}`)}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>

        {explanation.stretch.length > 0 ? (
          <div>
            <Heading>{t("stretch")}</Heading>
            <ul className="mt-1 space-y-0.5 text-sm">
              {explanation.stretch.map((skill) => (
                <li key={`${skill.kind}-${skill.skillId}`}>{t("stretchItem", { skill: name(skill.skillId), held: level(skill.held), needed: level(skill.level) })}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {explanation.adjacentUsed.length > 0 ? (
          <div>
            <Heading>{t("adjacent")}</Heading>
            <ul className="mt-1 space-y-0.5 text-sm">
              {explanation.adjacentUsed.map((item) => (
                <li key={`${item.kind}-${item.skillId}-${item.viaSkillId}`}>{t("adjacentItem", { skill: name(item.skillId), via: name(item.viaSkillId) })}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <div>
          <Heading>{t("will")}</Heading>
          {!willMatches ? (
            <p className="text-sm text-slate-600">{t("noWillMatch")}</p>
          ) : (
            <div className="mt-1 space-y-1 text-sm">
              <WillReasons roleAlignment={roleAlignment} desiredGrown={desiredGrown} />
              {explanation.willTermsMatched.length > 0 ? (
                <div>
                  <p>{t("terms")}</p>
                  <ul className="mt-0.5 flex flex-wrap gap-1">
                    {explanation.willTermsMatched.map((term) => (
                      <li key={term.term} className="rounded bg-slate-100 px-1.5 text-xs text-slate-800 ring-1 ring-slate-300">
                        {pick(term.label, locale)}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          )}
        </div>

        <div>
          <Heading>{t("readiness")}</Heading>
          <p className="mt-1 text-sm">
            {readiness.standardYears === null
              ? t("readinessNoStandard", { years: years(readiness.yearsAtLevel) })
              : t("readinessYears", { years: years(readiness.yearsAtLevel), standard: years(readiness.standardYears) })}
            {readiness.pastStandard ? ` ${t("pastStandard")}` : null}
          </p>
          <p className="text-sm text-slate-600">{t("readinessNote")}</p>
        </div>
      </div>

      <WhatIfs hint={t("whatIfsHint")} steps={explanation.whatIfs.map((whatIf) => ({ key: pick(whatIf.label, "en"), text: pick(whatIf.label, locale) }))} />
    </div>
  );
}

const bandStyle = {
  meets: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  oneLevelShort: "bg-amber-50 text-amber-950 ring-amber-300",
  missing: "bg-red-50 text-red-800 ring-red-300",
} as const;

/**
 * A suggested candidate's match as a hiring manager sees it: banded facts only
 * (server/services/matching/candidate-facts.ts) — how the candidate stands against each
 * listed skill, never the level they hold; the factors in whole points without readiness; the Will
 * as points until the person applies or accepts an invitation; no time at level.
 */
export function CandidateMatch({ facts }: { facts: CandidateFacts }) {
  const t = useTranslations("matchExplanation");
  const locale = useLocale();
  const format = useFormatter();
  const name = (skillId: number) => skillNameIn(facts.skillNames, skillId, locale);
  const { readiness, will } = facts;
  const desiredGrown = (will?.desiredSkillsGrown ?? []).filter((skillId) => facts.skillNames[String(skillId)]).map(name);

  return (
    <div className="space-y-4">
      {!facts.eligible ? (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 font-semibold text-amber-950">{t("gated")}</p>
      ) : null}

      <FactorBars factors={facts.factors} hint={t("candidateBreakdownHint")} />

      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <Heading>{t("bands")}</Heading>
          <p className="text-sm text-slate-600">{t("bandsHint")}</p>
          {facts.skills.length === 0 ? (
            <None />
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {facts.skills.map((skill) => (
                <li key={`${skill.kind}-${skill.skillId}`}>
                  {t("bandItem", { skill: name(skill.skillId), needed: t("level", { level: skill.level }), kind: t(`kind.${skill.kind}`) })}{" "}
                  <span className={`rounded px-1.5 text-xs font-semibold ring-1 ${bandStyle[skill.band]}`}>{t(`band.${skill.band}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div>
          <Heading>{t("will")}</Heading>
          <div className="mt-1 space-y-1 text-sm">
            {will === null ? (
              <p className="text-slate-600">{t("willWithheld")}</p>
            ) : will.roleAlignment === null && desiredGrown.length === 0 ? (
              <p className="text-slate-600">{t("noWillReasons")}</p>
            ) : (
              <WillReasons roleAlignment={will.roleAlignment} desiredGrown={desiredGrown} />
            )}
          </div>
        </div>

        <div>
          <Heading>{t("readiness")}</Heading>
          <p className="mt-1 text-sm">
            {readiness.standardYears === null
              ? t("readinessNoStandardSet")
              : `${t("readinessStandardOnly", { standard: format.number(readiness.standardYears, { maximumFractionDigits: 1 }) })} ${readiness.pastStandard ? t("pastStandard") : t("notPastStandard")}`}
          </p>
          <p className="text-sm text-slate-600">{t("readinessWithheld")}</p>
        </div>
      </div>

      <WhatIfs
        hint={t("candidateWhatIfsHint")}
        steps={facts.whatIfs.map((whatIf) => ({ key: String(whatIf.skillId), text: t("whatIfReach", { skill: name(whatIf.skillId), needed: t("level", { level: whatIf.level }) }) }))}
      />
    </div>
  );
}
