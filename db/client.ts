import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";

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
  });
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

export type PgliteOptions = {
  /** A directory on disk; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A dump made by `dumpDataDir()`, to start from a migrated template (tests). */
  loadDataDir?: Blob | File;
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

/** Opens PostgreSQL when `DATABASE_URL` is set, otherwise the embedded PGlite directory. */
export function openDatabase(env: NodeJS.ProcessEnv = process.env, options: Pick<PostgresOptions, "onIdleClientError"> = {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return openPostgres({ ...options, url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined });
  }
  return openPglite({ dataDir: env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR });
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
