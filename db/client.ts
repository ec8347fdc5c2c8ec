import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { RUNTIME_ROLE } from "./scope";

/** One database type for both drivers (PGlite and node-postgres). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query API; services accept either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export type Engine = "pglite" | "postgres";

export type DatabaseHandle = {
  db: Database;
  engine: Engine;
  close(): Promise<void>;
};

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/** Thrown when another live process owns the PGlite data directory. */
export class DatabaseLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another Kakezan process (pid ${ownerPid}). ` +
        `Stop that process first (Ctrl-C in its terminal), or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "DatabaseLockedError";
  }
}

export type PostgresOptions = {
  url: string;
  poolSize?: number;
  /** Queries running longer are cancelled by the server: a runaway query must not hold a connection. */
  statementTimeoutMs?: number;
  /**
   * How long a query waits for a connection — a new one, or a free one from a full pool — before it
   * fails. Short, so that with the database down or hung a request fails in about this long.
   */
  connectTimeoutMs?: number;
  /** Where an idle client's error is reported (the server's log); standard error by default. */
  onIdleClientError?: (error: Error) => void;
  /** Every connection acts as this role (the login user must be a member): the server's `RUNTIME_ROLE`. */
  role?: string;
};

/**
 * A node-postgres pool, with the guards a long-running server needs: a connection timeout (the
 * default waits forever) and `error` listeners (a client's error otherwise crashes the process).
 */
export async function openPostgres(options: PostgresOptions): Promise<DatabaseHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs ?? 15_000,
    ...(options.role ? { options: `-c role=${options.role}` } : {}),
  });
  pool.on("connect", queueQueries);
  // An idle client losing its connection (e.g. a server restart) must not crash the process.
  pool.on("error", options.onIdleClientError ?? ((error) => console.error("[db] idle PostgreSQL client error:", error.message)));
  // The pool listens to a client only while it is idle; a connection that breaks while checked out
  // (a transaction between two queries when the server restarts) would crash the process too.
  // Nothing to do but listen: the query in flight, or the next one, fails with the error, and the
  // pool drops the broken client when it is released.
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = drizzle({ client: pool, schema, casing: "snake_case" }) as unknown as Database;
  const close = async () => {
    // Connections ending because we asked them to are not errors worth reporting.
    pool.removeAllListeners("error");
    pool.on("error", () => {});
    await pool.end();
  };
  return { db, engine: "postgres", close };
}

/**
 * One query at a time on a connection, in call order. A request's queries share its transaction's
 * connection, and services start several at once (`Promise.all`): node-postgres queues them itself
 * but deprecates that (pg 9 refuses it), so they wait their turn here instead. Callback and
 * streaming forms (the pool's own `query`, cursors) pass through.
 */
function queueQueries(client: import("pg").PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let last: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === "function" || typeof first?.submit === "function") return query(...args);
    const run = last.then(() => query(...args));
    last = run.catch(() => undefined);
    return run;
  }) as typeof client.query;
}

export type PgliteOptions = {
  /** A directory on disk; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A dump made by `dumpDataDir()`, to start from a migrated template (tests). */
  loadDataDir?: Blob | File;
  /** Acts as this role once open (the data directory must be migrated): the server's `RUNTIME_ROLE`. */
  role?: string;
};

/**
 * The embedded database. PGlite allows one process per data directory, so a directory on disk is
 * guarded by a lock file and closed cleanly on SIGINT/SIGTERM (an unclean stop can corrupt it).
 */
export async function openPglite(options: PgliteOptions = {}): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dataDir = options.dataDir ? resolve(/*turbopackIgnore: true*/ options.dataDir) : undefined;
  const releaseLock = dataDir ? acquireLock(dataDir) : () => {};
  let client: InstanceType<typeof PGlite>;
  try {
    client = new PGlite({ dataDir, loadDataDir: options.loadDataDir });
    await client.waitReady;
  } catch (error) {
    releaseLock();
    throw error;
  }
  if (options.role) {
    await actAs(client, options.role).catch(async (error: unknown) => {
      await client.close();
      releaseLock();
      throw error;
    });
  }
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      process.off("exit", releaseLock);
      await client.close();
      releaseLock();
    })();
    return closing;
  };
  // Ctrl-C or a stop request: flush and close the data directory, then exit as the signal would.
  const onSignal = (signal: NodeJS.Signals) => {
    void close().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  if (dataDir) {
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    process.once("exit", releaseLock);
  }
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Database;
  return { db, engine: "pglite", close };
}

/** `SET ROLE` on the embedded database; the role is made by the migrations, which must have run. */
async function actAs(client: { query(sql: string): Promise<unknown> }, role: string): Promise<void> {
  try {
    await client.query(`set role ${role}`);
  } catch (error) {
    throw new Error(`Could not act as the database role ${role}: apply the migrations first (npm run db:migrate).`, { cause: error });
  }
}

/**
 * Opens PostgreSQL when `DATABASE_URL` is set, otherwise the embedded PGlite directory: as the
 * owner (migrations, seed, scripts; through `DATABASE_OWNER_URL` when set), or with `runtime` as
 * `RUNTIME_ROLE` (the web server, the worker).
 */
export function openDatabase(
  env: NodeJS.ProcessEnv = process.env,
  options: Pick<PostgresOptions, "onIdleClientError"> & { runtime?: boolean } = {},
): Promise<DatabaseHandle> {
  const { runtime, ...postgresOptions } = options;
  const role = runtime ? RUNTIME_ROLE : undefined;
  if (env.DATABASE_URL) {
    const url = runtime ? env.DATABASE_URL : (env.DATABASE_OWNER_URL ?? env.DATABASE_URL);
    return openPostgres({ ...postgresOptions, role, url, poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined });
  }
  return openPglite({ dataDir: env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR, role });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes `<dataDir>.lock` atomically; a lock left by a dead process is taken over. */
function acquireLock(dataDir: string): () => void {
  mkdirSync(dirname(dataDir), { recursive: true });
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ownerPid = Number(readFileSync(lockPath, "utf8").trim());
      if (Number.isInteger(ownerPid) && ownerPid > 0 && ownerPid !== process.pid && isAlive(ownerPid)) {
        throw new DatabaseLockedError(dataDir, ownerPid);
      }
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
