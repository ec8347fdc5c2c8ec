import { type SQL, sql } from "drizzle-orm";
import { type Database, type Executor, queryRows } from "./client";

/**
 * The role the server's queries run as (db/migrations/0002_runtime_role_and_row_security.sql): it
 * owns nothing, may only append to the audit log, and row security binds it.
 */
export const RUNTIME_ROLE = "kakezan_app";

/** Each scoped transaction → the database it was opened on. */
const origins = new WeakMap<object, object>();

/**
 * The database behind a scoped transaction (or the executor itself): per-process caches are kept
 * per database, not per transaction, or every request would start with a cold cache.
 */
export function cacheOwnerOf(db: Executor): object {
  return origins.get(db) ?? db;
}

async function inScope<T>(db: Executor, settings: SQL, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    origins.set(tx, cacheOwnerOf(db));
    await tx.execute(settings);
    return work(tx as unknown as Database);
  });
}

/**
 * Runs `work` in a transaction as the runtime role on behalf of one person (or of nobody, signed
 * out), for the row-security policies: one extra statement, its settings end with the transaction.
 * The role switch makes the policies apply even on a connection that logged in as the owner.
 */
export function asActor<T>(db: Executor, personId: number | null, work: (tx: Database) => Promise<T>): Promise<T> {
  return inScope(
    db,
    sql`select set_config('role', ${RUNTIME_ROLE}, true), set_config('kakezan.actor_id', ${personId === null ? "" : String(personId)}, true), set_config('kakezan.scope', '', true)`,
    work,
  );
}

/**
 * Runs `work` in a transaction that sees and may change every row: background jobs, the outbox
 * dispatcher, candidate recomputes, organisation changes. Inside another transaction (a request's)
 * it is a savepoint, and the enclosing scope comes back when `work` ends: the system's reach never
 * outlives the work that needed it.
 */
export function asSystem<T>(db: Executor, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    origins.set(tx, cacheOwnerOf(db));
    const [current] = await queryRows<{ scope: string | null }>(tx, sql`select current_setting('kakezan.scope', true) as scope`);
    await tx.execute(sql`select set_config('kakezan.scope', 'system', true)`);
    const result = await work(tx as unknown as Database);
    await tx.execute(sql`select set_config('kakezan.scope', ${current?.scope ?? ""}, true)`);
    return result;
  });
}
