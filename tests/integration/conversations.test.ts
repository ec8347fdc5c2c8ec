import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { people } from "../../db/schema";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

describe("career conversations", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const manager = callerAs(db, cast, "manager");
  const employee = callerAs(db, cast, "employee");
  const now = new Date();
  const daysFromNow = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  const { id } = await manager.conversation.record({
    personId: cast.persons.employee.id,
    heldOn: daysFromNow(-30),
    sharedNotes: "QA への関心について話した。",
    privateNotes: "異動の意向が強い。引き留めより後押しを。",
    nextOn: daysFromNow(-1),
    steps: [
      { description: "QA 研修に申し込む", ownerId: cast.persons.employee.id, dueOn: daysFromNow(14) },
      { description: "QA チームとの面談を設定", ownerId: cast.persons.manager.id },
    ],
  });

  it("shows the report the shared part and never the manager's private notes", async () => {
    const [seen] = await employee.conversation.list({ personId: cast.persons.employee.id });
    expect(seen).toMatchObject({ id, sharedNotes: "QA への関心について話した。", privateNotes: null });
    expect(seen?.steps.map((step) => step.description)).toEqual(["QA 研修に申し込む", "QA チームとの面談を設定"]);
    expect(JSON.stringify(await employee.conversation.list({ personId: cast.persons.employee.id }))).not.toContain("引き留め");
  });

  it("shows the manager their private notes", async () => {
    const [seen] = await manager.conversation.list({ personId: cast.persons.employee.id });
    expect(seen?.privateNotes).toBe("異動の意向が強い。引き留めより後押しを。");
  });

  it("keeps everyone else out", async () => {
    for (const role of ["colleague", "hr", "admin"] as const) {
      await expect(callerAs(db, cast, role).conversation.list({ personId: cast.persons.employee.id }), role).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  it("lets only the direct manager record one, and step owners only people in the conversation", async () => {
    await expect(
      callerAs(db, cast, "hr").conversation.record({ personId: cast.persons.employee.id, heldOn: daysFromNow(0), sharedNotes: "x" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      manager.conversation.record({
        personId: cast.persons.employee.id,
        heldOn: daysFromNow(0),
        sharedNotes: "x",
        steps: [{ description: "HR に相談", ownerId: cast.persons.hr.id }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(manager.conversation.record({ personId: cast.persons.employee.id, heldOn: "2026-02-30", sharedNotes: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("lets the step's owner tick it off, not someone else", async () => {
    const [conversation] = await employee.conversation.list({ personId: cast.persons.employee.id });
    const [own, managers] = conversation!.steps;
    await employee.conversation.setStepDone({ stepId: own!.id, done: true });
    await expect(employee.conversation.setStepDone({ stepId: managers!.id, done: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [after] = await employee.conversation.list({ personId: cast.persons.employee.id });
    expect(after?.steps[0]?.doneAt).toBeInstanceOf(Date);
  });

  it("surfaces an overdue next date on both home pages and in the team view", async () => {
    expect((await employee.me.reminders()).ownConversationOverdueSince).toBe(daysFromNow(-1));
    expect((await manager.me.reminders()).reportsWithOverdueConversation).toBe(1);
    const member = (await manager.team.reports()).find((report) => report.id === cast.persons.employee.id);
    expect(member).toMatchObject({ conversationOverdue: true, lastConversationOn: daysFromNow(-30) });
  });

  it("keeps the old manager's private notes theirs after the person moves to a new manager", async () => {
    await db.update(people).set({ managerId: cast.persons.hr.id }).where(eq(people.id, cast.persons.employee.id));
    const { actorForPerson } = await import("../../server/auth/actor");
    const { createContextInner } = await import("../../server/trpc/context");
    const { createCaller } = await import("../../server/trpc/root");
    const newManager = createCaller(createContextInner({ db, actor: (await actorForPerson(db, cast.persons.hr.id))! }));
    const [seenByNew] = await newManager.conversation.list({ personId: cast.persons.employee.id });
    expect(seenByNew?.sharedNotes).toBe("QA への関心について話した。");
    expect(seenByNew?.privateNotes).toBeNull();
    const oldManager = createCaller(createContextInner({ db, actor: (await actorForPerson(db, cast.persons.manager.id))! }));
    const [seenByOld] = await oldManager.conversation.list({ personId: cast.persons.employee.id });
    expect(seenByOld?.privateNotes).toBe("異動の意向が強い。引き留めより後押しを。");
  });
});
