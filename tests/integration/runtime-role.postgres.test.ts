import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres, queryRows } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { asActor, RUNTIME_ROLE } from "../../db/scope";
import { createPerson } from "../../db/factories";
import { wills } from "../../db/schema";
import { createTestDatabase } from "../setup/test-database";

/** The server's PostgreSQL pool (db/client.ts with `role`) logs in as the owner here and acts as the runtime role. */
describe("the server's PostgreSQL connections", async () => {
  const { db, url } = await createTestDatabase();
  const runtime = await openPostgres({ url: url!, poolSize: 2, role: RUNTIME_ROLE });
  afterAll(() => runtime.close());
  const { url: freshUrl } = await createTestDatabase();
  const person = await createPerson(db);
  await db.insert(wills).values({ personId: person.id, statement: "まだ誰にも言っていない" });

  it("act as the runtime role on every connection", async () => {
    const [row] = await queryRows<{ current_user: string }>(runtime.db, sql`select current_user`);
    expect(row?.current_user).toBe(RUNTIME_ROLE);
  });

  it("see no protected row without a scope, and the owner's row in its owner's scope", async () => {
    expect(await queryRows(runtime.db, sql`select person_id from wills`)).toEqual([]);
    const own = await asActor(runtime.db, person.id, (tx) => queryRows<{ statement: string }>(tx, sql`select statement from wills`));
    expect(own).toEqual([{ statement: "まだ誰にも言っていない" }]);
  });

  it("cannot rewrite the audit log", async () => {
    await runtime.db.execute(sql`insert into audit_log (action, entity_type, entity_id) values ('test.entry', 'test', '1')`);
    for (const change of [sql`update audit_log set action = 'x'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      const refusal = await runtime.db.execute(change).then(
        () => "",
        (error: Error) => (error.cause instanceof Error ? error.cause.message : error.message),
      );
      expect(refusal).toMatch(/permission denied/);
    }
  });

  it("can use a schema made anew (dropped and recreated, as the bench seed does) once it is migrated", async () => {
    const owner = await openPostgres({ url: freshUrl!, poolSize: 1 });
    try {
      await owner.db.execute(sql`drop schema if exists drizzle cascade`);
      await owner.db.execute(sql`drop schema public cascade`);
      await owner.db.execute(sql`create schema public`);
      await migrateDatabase(owner);
    } finally {
      await owner.close();
    }
    const fresh = await openPostgres({ url: freshUrl!, poolSize: 1, role: RUNTIME_ROLE });
    try {
      expect(await queryRows(fresh.db, sql`select id from people`)).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
