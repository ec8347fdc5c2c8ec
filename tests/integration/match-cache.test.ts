import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createPerson, createRole, createSkill, setPersonSkill } from "../../db/factories";
import { people } from "../../db/schema";
import { processOutbox } from "../../server/services/outbox/dispatcher";
import { enqueue } from "../../server/services/outbox/outbox";
import { cachedCandidatePool, cachedMatchContext } from "../../server/services/matching/match-cache";
import { loadCandidateProfiles, loadMatchContext } from "../../server/services/matching/matching.data";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

/** The per-process caches must always serve what a fresh load would. */
describe("match caches", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const skill = await createSkill(db, { nameJa: "テスト設計", nameEn: "Test design" });
  const role = await createRole(db);
  const scouted = await createPerson(db, { departmentId: cast.departments.team.id, roleId: role.id, openToScouting: true, levelSince: "2021-01-15" });
  await setPersonSkill(db, scouted.id, skill.id, 2);
  const employee = callerAs(db, cast, "employee");

  const fresh = async (now: Date) => loadCandidateProfiles(db, await loadMatchContext(db), { purpose: "candidates" }, now);
  const cached = async (now: Date) => cachedCandidatePool(db, await cachedMatchContext(db), now);
  /** The outbox dispatcher hands changed people over to matching. */
  const dispatch = () => processOutbox(db, { send: async () => {} });

  it("serves the same pool as a fresh load, across dispatched profile changes, new people and time", async () => {
    const now = new Date("2026-11-01T00:00:00Z");
    expect(await cached(now)).toEqual(await fresh(now));

    // A change announced by a profile.changed event (the Will service), once dispatched.
    await employee.will.save({
      statement: "テスト設計に挑戦したい",
      targetRoleIds: [role.id],
      desiredSkillIds: [skill.id],
      horizon: "one_year",
      openness: "now",
      shareWithManager: false,
      shareWithHr: false,
      shareWithMatching: true,
      expectedVersion: 0,
    });
    await dispatch();
    expect((await cached(now)).map((profile) => profile.personId)).toContain(cast.persons.employee.id);
    expect(await cached(now)).toEqual(await fresh(now));

    // A deactivation made outside the services but announced, and a new consenting person
    // inserted without any event (new people are found by id).
    await db.update(people).set({ active: false }).where(eq(people.id, scouted.id));
    await enqueue(db, "profile.changed", { personId: scouted.id });
    await dispatch();
    const newcomer = await createPerson(db, { departmentId: cast.departments.team.id, roleId: role.id, openToScouting: true });
    const pool = await cached(now);
    expect(pool.map((profile) => profile.personId)).not.toContain(scouted.id);
    expect(pool.map((profile) => profile.personId)).toContain(newcomer.id);
    expect(pool).toEqual(await fresh(now));

    // Years at level follow the `now` of each call.
    const later = new Date("2029-06-01T00:00:00Z");
    expect(await cached(later)).toEqual(await fresh(later));
  });

  it("reloads the context when the taxonomy changes", async () => {
    const before = await cachedMatchContext(db);
    expect(await cachedMatchContext(db)).toBe(before);
    const added = await createSkill(db, { nameJa: "不具合報告", nameEn: "Bug reporting" });
    const after = await cachedMatchContext(db);
    expect(after).not.toBe(before);
    expect(after.skillNames.get(added.id)).toEqual({ ja: "不具合報告", en: "Bug reporting" });
    const now = new Date("2026-11-01T00:00:00Z");
    expect(await cached(now)).toEqual(await fresh(now));
  });
});
