import { asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import {
  careerConversations,
  careerPaths,
  conversationPrivateNotes,
  conversationSteps,
  people,
  personSkills,
  roleLevelSkills,
  roleLevels,
  roles,
  willDesiredSkills,
  wills,
  willTargetRoles,
  willVersions,
} from "../schema";
import { DEMO_AS_OF } from "./demo-company";
import { demoPersonas } from "./personas";
import { createRandom } from "./random";

const SEED = 20261125;
const DAY_MS = 86_400_000;
const AS_OF_MS = Date.parse(`${DEMO_AS_OF}T00:00:00Z`);
/**
 * Wills are saved around the review rounds: a save that would fall in May or June is made in April
 * instead, one in the first days of July from its sixth day.
 */
const savedDay = (ms: number) => {
  const date = new Date(ms);
  if (date.getUTCMonth() === 4 || date.getUTCMonth() === 5) return Date.UTC(date.getUTCFullYear(), 3, Math.min(date.getUTCDate(), 30), 1);
  return date.getUTCMonth() === 6 && date.getUTCDate() < 6 ? Date.UTC(date.getUTCFullYear(), 6, 6, 1) : ms;
};
const isoDaysFromAsOf = (days: number) => new Date(AS_OF_MS + days * DAY_MS).toISOString().slice(0, 10);

/** Why people want to move, in their own words — the seeds' "multiplying specialties". */
const statements: ReadonlyArray<(target: string) => string> = [
  (target) => `お客様の声を一番近くで聞いてきた経験を、${target}で活かしたい。CSの知見との掛け算で価値を出したいです。`,
  (target) => `問い合わせ対応で見えてきた課題を、${target}として根本から解決したい。まずは兼務やプロジェクトから挑戦したいです。`,
  (target) => `${target}の仕事に興味があります。今の専門性を深めつつ、隣の領域に染み出していきたい。`,
  (target) => `3年後には${target}として、チームの外にも影響を出せる人になりたい。そのために必要な経験を積みたいです。`,
  (target) => `後輩の育成や改善提案を通じて、${target}の役割に手応えを感じています。正式に挑戦したいです。`,
];

/** The persona employee's Will: CS × QA, shared so their manager and hiring teams can help. */
const personaStatement =
  "問い合わせ対応で見つけた不具合の傾向を、プロダクトの品質改善につなげたい。CS × QA の掛け算で、お客様が困る前に防げる人になりたいです。";

/**
 * Wills for about 40 % of the demo company, and career conversations in most teams, so the
 * manager and HR screens have content. Deterministic; runs inside the caller's transaction after
 * the demo company exists.
 */
export async function seedDemoWillsAndConversations(db: Executor): Promise<void> {
  const rng = createRandom(SEED);
  const everyone = await db
    .select({ id: people.id, roleId: people.roleId, managerId: people.managerId, employeeNumber: people.employeeNumber })
    .from(people)
    .orderBy(asc(people.id));
  const paths = await db.select({ from: careerPaths.fromRoleId, to: careerPaths.toRoleId }).from(careerPaths).orderBy(asc(careerPaths.id));
  const roleNames = new Map((await db.select({ id: roles.id, ja: roles.nameJa }).from(roles)).map((role) => [role.id, role.ja]));
  const entrySkills = await db
    .select({ roleId: roleLevels.roleId, skillId: roleLevelSkills.skillId })
    .from(roleLevelSkills)
    .innerJoin(roleLevels, eq(roleLevels.id, roleLevelSkills.roleLevelId))
    .where(eq(roleLevels.level, 1))
    .orderBy(asc(roleLevels.roleId), asc(roleLevelSkills.skillId));
  const held = await db.select({ personId: personSkills.personId, skillId: personSkills.skillId }).from(personSkills);
  const heldBy = new Map<number, Set<number>>();
  for (const row of held) heldBy.set(row.personId, (heldBy.get(row.personId) ?? new Set()).add(row.skillId));

  const personaNumber = (key: string) => demoPersonas.find((persona) => persona.key === key)?.employeeNumber;
  const employeePersona = everyone.find((person) => person.employeeNumber === personaNumber("employee"));
  const qaRole = (await db.select({ id: roles.id }).from(roles).where(inArray(roles.slug, ["product-qa"])))[0];

  if (employeePersona) await db.update(people).set({ tagline: "CS × QA × コミュニティ" }).where(eq(people.id, employeePersona.id));

  const willRows: (typeof wills.$inferInsert)[] = [];
  const targetRows: (typeof willTargetRoles.$inferInsert)[] = [];
  const desiredRows: (typeof willDesiredSkills.$inferInsert)[] = [];
  const versionRows: (typeof willVersions.$inferInsert)[] = [];
  for (const person of everyone) {
    const isPersona = person.id === employeePersona?.id;
    const options = paths.filter((path) => path.from === person.roleId).map((path) => path.to);
    if (!isPersona && (options.length === 0 || !rng.chance(0.4))) continue;
    const targets = isPersona && qaRole ? [qaRole.id] : rng.shuffle(options).slice(0, rng.int(1, 2));
    const own = heldBy.get(person.id) ?? new Set<number>();
    const desired = [...new Set(entrySkills.filter((row) => targets.includes(row.roleId) && !own.has(row.skillId)).map((row) => row.skillId))].slice(0, 3);
    const will = {
      personId: person.id,
      statement: isPersona ? personaStatement : rng.pick(statements)(roleNames.get(targets[0]!) ?? ""),
      horizon: isPersona ? ("one_year" as const) : rng.pick(["now", "one_year", "one_year", "three_years"] as const),
      openness: isPersona ? ("within_year" as const) : rng.pick(["now", "within_year", "within_year", "not_now"] as const),
      shareWithManager: isPersona || rng.chance(0.5),
      shareWithHr: !isPersona && rng.chance(0.4),
      shareWithMatching: isPersona || rng.chance(0.5),
      version: 1,
    };
    willRows.push(will);
    targetRows.push(...targets.map((roleId) => ({ personId: person.id, roleId })));
    desiredRows.push(...desired.map((skillId) => ({ personId: person.id, skillId })));
    const { personId: _personId, version: _version, ...fields } = will;
    versionRows.push({ personId: person.id, version: 1, ...fields, targetRoleIds: targets, desiredSkillIds: desired, savedAt: new Date(savedDay(AS_OF_MS - rng.int(5, 200) * DAY_MS)) });
  }
  if (willRows.length > 0) {
    await db.insert(wills).values(willRows);
    await db.insert(willTargetRoles).values(targetRows);
    if (desiredRows.length > 0) await db.insert(willDesiredSkills).values(desiredRows);
    await db.insert(willVersions).values(versionRows);
  }

  // Career conversations: most reports had one in the last half year; some next dates have passed.
  for (const person of everyone) {
    if (person.managerId === null) continue;
    const isPersona = person.id === employeePersona?.id;
    if (!isPersona && !rng.chance(0.55)) continue;
    const heldOn = isPersona ? isoDaysFromAsOf(-40) : isoDaysFromAsOf(-rng.int(10, 180));
    const [conversation] = await db
      .insert(careerConversations)
      .values({
        personId: person.id,
        managerId: person.managerId,
        heldOn,
        sharedNotes: isPersona
          ? "QA への関心について話した。まずは不具合報告の品質を上げ、QA チームの定例に月1回参加する。"
          : rng.pick(["今期の目標と、身につけたいスキルを確認した。", "キャリアマップを見ながら次のレベルに必要な経験を話した。", "兼務の可能性について意見交換した。"]),
        nextOn: isPersona ? isoDaysFromAsOf(20) : isoDaysFromAsOf(rng.int(-30, 90)),
      })
      .returning({ id: careerConversations.id });
    const id = conversation!.id;
    if (isPersona) {
      await db.insert(conversationPrivateNotes).values({ conversationId: id, authorId: person.managerId, notes: "異動の意向が強い。引き留めるより、送り出す時期を一緒に考える。" });
      await db.insert(conversationSteps).values([
        { conversationId: id, description: "QA チームの定例に参加する", ownerId: person.id, dueOn: isoDaysFromAsOf(14) },
        { conversationId: id, description: "QA マネージャーとのカジュアル面談を設定する", ownerId: person.managerId, dueOn: isoDaysFromAsOf(7) },
      ]);
    }
  }

  // 社内FA: the employee persona and about 30 % of those sharing their Will with matching opt in to
  // being scouted. Drawn after everything above, so the earlier content stays as it was.
  const scoutable = willRows.filter((will) => will.personId === employeePersona?.id || (will.shareWithMatching && rng.chance(0.3))).map((will) => will.personId);
  if (scoutable.length > 0) await db.update(people).set({ openToScouting: true }).where(inArray(people.id, scoutable));
}
