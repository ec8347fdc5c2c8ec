import type { Pool } from "pg";
import type { DatabaseHandle } from "@/db/client";

/** PostgreSQL advisory-lock keys: one namespace for Kakezan ("KKZN"), one number per job. */
const LOCK_NAMESPACE = 0x4b4b5a4e;
const lockKeys = { "matches.refresh": 1, schedule: 2 } as const;
export type ExclusiveJob = keyof typeof lockKeys;

export type Outcome<T> = { ran: true; value: T } | { ran: false };
/** Runs the job's task unless it is already running in this or any other process; never waits. */
export type RunExclusive = <T>(job: ExclusiveJob, task: () => Promise<T>) => Promise<Outcome<T>>;

/**
 * Holds a session advisory lock (`pg_try_advisory_lock`) on one client checked out of the pool for
 * the whole task: the lock belongs to that connection, so it must not go back to the pool while
 * held, and the task's own queries use other connections. If the process dies, PostgreSQL ends the
 * session and frees the lock. Should that one connection drop while the task runs, the lock is
 * gone with it and another process may start the job alongside. That is rare, and what it risks is
 * bounded: a conflicting write fails and is retried on the next tick, and a candidate pool in
 * another process may miss a refresh until its periodic full reload (match-cache.ts). A
 * transaction-pooling proxy such as PgBouncer in transaction mode would break session locks:
 * connect directly or in session mode.
 */
async function withAdvisoryLock<T>(pool: Pool, key: number, task: () => Promise<T>): Promise<Outcome<T>> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>("select pg_try_advisory_lock($1, $2) as locked", [LOCK_NAMESPACE, key]);
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await task() };
    } finally {
      await client.query("select pg_advisory_unlock($1, $2)", [LOCK_NAMESPACE, key]).catch((error: Error) => {
        // Destroying the connection ends the session, which frees the lock just as well.
        broken = error;
      });
    }
  } finally {
    client.release(broken);
  }
}

const runningJobs = new WeakMap<object, Set<ExclusiveJob>>();

/**
 * Once-at-a-time jobs. On PostgreSQL several app and worker processes may share the database, so
 * each run holds the job's advisory lock; on the embedded PGlite database only one process can
 * open the data directory, so the in-process guard is the whole story.
 */
export function exclusiveRunner(handle: DatabaseHandle): RunExclusive {
  // Shared by every runner on this database handle in this process.
  const running = runningJobs.get(handle.db) ?? new Set<ExclusiveJob>();
  runningJobs.set(handle.db, running);
  return async (job, task) => {
    if (running.has(job)) return { ran: false };
    running.add(job);
    try {
      if (handle.engine === "pglite") return { ran: true, value: await task() };
      // drizzle's node-postgres database exposes the pool it was made with as `$client`.
      const pool = (handle.db as unknown as { $client: Pool }).$client;
      return await withAdvisoryLock(pool, lockKeys[job], task);
    } finally {
      running.delete(job);
    }
  };
}
