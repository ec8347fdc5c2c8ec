import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, inArray, isNull, like } from "drizzle-orm";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../db/client";
import { applications, auditLog, notifications, outbox, people } from "../../db/schema";
import { japanDate } from "../../server/services/workflow/business-days";
import { type AppServer, productionEnv, signIn, startAppServer } from "../setup/app-server";
import { createCast } from "../setup/cast";
import { startProcess, until } from "../setup/child-process";
import { type TrpcErrorBody, trpcFetch } from "../setup/http";
import { createReceivingTeam } from "../setup/mobility";
import { startPrivatePostgres } from "../setup/private-postgres";

type ActResult = { applicationId: number; status: string; version: number; replayed: boolean };

/** A tRPC answer's data (superjson-encoded on the wire). */
const dataOf = <T>(text: string): T => superjson.deserialize((JSON.parse(text) as { result: { data: Parameters<typeof superjson.deserialize>[0] } }).result.data);

describe("two web processes and two workers on one PostgreSQL database", async () => {
  const postgres = await startPrivatePostgres();
  const url = await postgres.createMigratedDatabase("kakezan_two_apps");
  const { db, close } = await openPostgres({ url, poolSize: 4 });
  afterAll(() => close());
  const cast = await createCast(db);
  const team = await createReceivingTeam(db, cast, { confidentiality: "until_offer" });

  const mailDir = mkdtempSync(join(tmpdir(), "kakezan-mail-"));
  const env = productionEnv(url, mailDir);
  // The web processes only serve (KAKEZAN_JOBS=off); two workers contend for the outbox.
  const [first, second] = await Promise.all([startAppServer({ ...env, KAKEZAN_JOBS: "off" }), startAppServer({ ...env, KAKEZAN_JOBS: "off" })]);
  const apps: AppServer[] = [first!, second!];
  const workers = [startProcess("scripts/worker.ts", env), startProcess("scripts/worker.ts", env)];
  await Promise.all(workers.map((worker) => worker.next("worker running")));
  afterAll(() => {
    for (const { child } of [...apps, ...workers]) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(mailDir, { recursive: true, force: true });
  });

  it("a session opened on one process works on the other, and signing out on the other ends it on both", async () => {
    const cookie = await signIn(first!.origin, cast.persons.colleague.id);
    const onSecond = await trpcFetch(second!.origin, { path: "me.profile", cookie });
    expect(onSecond.status).toBe(200);
    expect(dataOf<{ id: number }>(onSecond.text).id).toBe(cast.persons.colleague.id);

    expect((await trpcFetch(second!.origin, { path: "session.revokeMine", method: "POST", cookie })).status).toBe(200);
    for (const app of apps) expect((await trpcFetch(app.origin, { path: "me.profile", cookie })).status).toBe(401);
  });

  it("the same workflow step sent to both processes at once takes effect once, and nobody hears of it twice", async () => {
    const [employee, hiring, manager, hr] = await Promise.all([
      signIn(first!.origin, cast.persons.employee.id),
      signIn(second!.origin, team.hiringManager.id),
      signIn(first!.origin, cast.persons.manager.id),
      signIn(second!.origin, cast.persons.hr.id),
    ]);
    const submitted = await trpcFetch(second!.origin, {
      path: "application.submit",
      method: "POST",
      cookie: employee,
      input: { opportunityId: team.opportunityId, motivation: "テスト設計にお客様の声を活かしたい" },
    });
    expect(submitted.status, submitted.text).toBe(200);
    const { applicationId } = dataOf<ActResult>(submitted.text);

    const effectiveOn = japanDate(new Date(Date.now() + 14 * 86_400_000));
    const steps = [
      { action: "shortlist", cookie: hiring },
      { action: "offer", cookie: hiring },
      { action: "release_approve", cookie: manager },
      { action: "finalize", cookie: hr, effectiveOn },
    ];
    for (const { action, cookie, ...extra } of steps) {
      // Eight clicks at once, four on each process.
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, index) =>
          trpcFetch(apps[index % 2]!.origin, { path: "application.act", method: "POST", cookie, locale: "en", input: { applicationId, action, ...extra } }),
        ),
      );
      const applied = answers.filter((answer) => answer.status === 200 && !dataOf<ActResult>(answer.text).replayed);
      expect(applied, action).toHaveLength(1);
      for (const answer of answers.filter((answer) => !applied.includes(answer))) {
        // The others either see the step already taken or are told the application changed.
        if (answer.status === 200) expect(dataOf<ActResult>(answer.text).replayed).toBe(true);
        else {
          expect(answer.status, answer.text).toBe(409);
          expect((JSON.parse(answer.text) as TrpcErrorBody).error.json.message).toMatch(/changed/i);
        }
      }
      const audited = await db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, `application.${action}`), eq(auditLog.entityId, String(applicationId))));
      expect(audited, action).toHaveLength(1);
    }
    const [final] = await db.select({ status: applications.status, version: applications.version }).from(applications).where(eq(applications.id, applicationId));
    expect(final).toEqual({ status: "finalized", version: steps.length });

    // The workers deliver every notification and its e-mail…
    const undelivered = () =>
      db
        .select({ id: outbox.id })
        .from(outbox)
        .where(and(isNull(outbox.processedAt), inArray(outbox.type, ["application.submitted", "application.transitioned", "notification.mail"])));
    await until(async () => (await undelivered()).length === 0, "the workers to deliver every notification", 60_000);
    // …once: one notification of each kind per person, one e-mail per notification.
    const delivered = await db.select({ personId: notifications.personId, kind: notifications.kind, email: people.email }).from(notifications).innerJoin(people, eq(people.id, notifications.personId));
    const kinds = delivered.map((row) => `${row.kind} to ${row.personId}`).sort();
    expect(kinds.length).toBeGreaterThanOrEqual(steps.length + 1);
    expect(kinds).toEqual([...new Set(kinds)]);
    const mails = readdirSync(mailDir).map((file) => readFileSync(join(mailDir, file), "utf8"));
    const recipients = mails.map((mail) => /^To: (.+)$/m.exec(mail)?.[1]?.trim()).sort();
    expect(recipients).toEqual(delivered.map((row) => row.email).sort());
    // No one got the same message twice (the body names the step; identical text encodes identically).
    const messages = mails.map((mail) => `${/^To: (.+)$/m.exec(mail)?.[1]}\n${mail.split(/\r?\n\r?\n/).slice(1).join("\n")}`).sort();
    expect(messages).toEqual([...new Set(messages)]);
    // One application, its submission and four steps: nothing else happened to it.
    expect(await db.select({ id: auditLog.id }).from(auditLog).where(like(auditLog.action, "application.%"))).toHaveLength(steps.length + 1);
  });
});
