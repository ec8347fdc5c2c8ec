import { describe, expect, it } from "vitest";
import type { Actor } from "../../server/auth/actor";
import { canReadWill, canReadWillHistory, type WillAudience } from "../../server/auth/policies";

const actor = (personId: number, flags: Partial<Actor> = {}): Actor => ({
  personId,
  userId: null,
  departmentId: 1,
  managerId: null,
  isHr: false,
  isAdmin: false,
  isManager: false,
  ...flags,
});

// Owner 10 reports to manager 20, who reports to 30 (the skip-level manager).
const owner = { id: 10, managerId: 20 };
const viewers = {
  self: { actor: actor(10, { managerId: 20 }), hires: false },
  manager: { actor: actor(20, { isManager: true, managerId: 30 }), hires: false },
  skipLevel: { actor: actor(30, { isManager: true }), hires: false },
  hr: { actor: actor(40, { isHr: true }), hires: false },
  hiringManagerWithCandidate: { actor: actor(50, { isManager: true }), hires: true },
  hiringManagerWithout: { actor: actor(51, { isManager: true }), hires: false },
  colleague: { actor: actor(60, { managerId: 20 }), hires: false },
  admin: { actor: actor(70, { isAdmin: true }), hires: false },
} as const;
type Viewer = keyof typeof viewers;

const settings: Array<[string, WillAudience, Viewer[]]> = [
  ["only me", { shareWithManager: false, shareWithHr: false, shareWithMatching: false }, ["self"]],
  ["my manager", { shareWithManager: true, shareWithHr: false, shareWithMatching: false }, ["self", "manager"]],
  ["HR", { shareWithManager: false, shareWithHr: true, shareWithMatching: false }, ["self", "hr"]],
  ["matching", { shareWithManager: false, shareWithHr: false, shareWithMatching: true }, ["self", "hiringManagerWithCandidate"]],
  ["everyone it can go to", { shareWithManager: true, shareWithHr: true, shareWithMatching: true }, ["self", "manager", "hr", "hiringManagerWithCandidate"]],
];

describe("who may read a Will", () => {
  for (const [name, audience, readers] of settings) {
    it(`shared with ${name}: exactly ${readers.join(", ")}`, () => {
      const allowed = (Object.keys(viewers) as Viewer[]).filter((viewer) =>
        canReadWill(viewers[viewer].actor, owner, audience, { hiresForOwner: viewers[viewer].hires }),
      );
      expect(allowed).toEqual(readers);
    });
  }

  it("its history is for the owner alone", () => {
    const allowed = (Object.keys(viewers) as Viewer[]).filter((viewer) => canReadWillHistory(viewers[viewer].actor, owner));
    expect(allowed).toEqual(["self"]);
  });
});
