import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/trpc/root";
import { type Cast, type CastRole, callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

type Caller = ReturnType<typeof callerAs>;

/**
 * The access-control matrix: every procedure, every role. A procedure missing here fails the
 * suite, so a new procedure cannot ship without deciding who may call it.
 */
type Rule = {
  allowed: CastRole[];
  call: (caller: Caller, cast: Cast) => Promise<unknown>;
  /** Public procedures refuse a signed-out caller for their own reason (default: UNAUTHORIZED). */
  anonymousCode?: "FORBIDDEN";
};

const matrix: Record<string, Rule> = {
  "me.profile": { allowed: ["employee", "colleague", "manager", "hr", "admin"], call: (c) => c.me.profile() },
  "person.byId": {
    allowed: ["employee", "colleague", "manager", "hr", "admin"],
    call: (c, cast) => c.person.byId({ personId: cast.persons.employee.id }),
  },
  "person.search": { allowed: ["employee", "colleague", "manager", "hr", "admin"], call: (c) => c.person.search({ query: "" }) },
  "skill.levelGuide": { allowed: ["employee", "colleague", "manager", "hr", "admin"], call: (c) => c.skill.levelGuide() },
  "setting.get": { allowed: ["hr"], call: (c) => c.setting.get() },
  "setting.update": { allowed: ["hr"], call: (c) => c.setting.update({ minimumOpenDays: 7 }) },
  "session.revokeMine": { allowed: ["employee", "colleague", "manager", "hr", "admin"], call: (c) => c.session.revokeMine() },
  "session.revoke": { allowed: ["admin"], call: (c, cast) => c.session.revoke({ personId: cast.persons.employee.id }) },
  // Refused for everyone here because demo sign-in is off in these callers; see demo-sign-in.test.ts.
  "session.demoPersonas": { allowed: [], call: (c) => c.session.demoPersonas(), anonymousCode: "FORBIDDEN" },
};

const roles: CastRole[] = ["anonymous", "employee", "colleague", "manager", "hr", "admin"];

describe("access control", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);

  it("covers every procedure of the router", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(matrix).sort());
  });

  for (const [path, rule] of Object.entries(matrix)) {
    for (const role of roles) {
      const allowed = rule.allowed.includes(role);
      it(`${path}: ${role} is ${allowed ? "allowed" : "refused"}`, async () => {
        const attempt = rule.call(callerAs(db, cast, role), cast);
        if (allowed) {
          await expect(attempt).resolves.toBeDefined();
        } else {
          const error = await attempt.then(
            () => null,
            (caught: unknown) => caught,
          );
          expect(error).toBeInstanceOf(TRPCError);
          expect(["UNAUTHORIZED", "FORBIDDEN"]).toContain((error as TRPCError).code);
          if (role === "anonymous") expect((error as TRPCError).code).toBe(rule.anonymousCode ?? "UNAUTHORIZED");
        }
      });
    }
  }
});
