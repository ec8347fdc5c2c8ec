import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openPostgres } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

/** The newest PostgreSQL installed from Debian's packages (initdb, pg_ctl). */
function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((name) => existsSync(join(root, name, "bin", "pg_ctl"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`The fault tests need PostgreSQL's server binaries under ${root}/<version>/bin.`);
  return join(root, newest, "bin");
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export type PrivatePostgres = {
  /** A connection URL for `database` on this cluster. */
  url(database: string): string;
  /** A new database with the app's migrations applied; returns its URL. */
  createMigratedDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m fast`: ends every connection, then starts again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  start(): Promise<void>;
};

/**
 * A throwaway PostgreSQL cluster of this test file's own, on a free port, in a temporary directory:
 * the fault tests stop and restart it, which must never happen to the server on port 5432 that other work uses.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` OS user. Stopped
 * and removed after the file, whatever the outcome (and at exit, should the run be cut short).
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const root = mkdtempSync(join(tmpdir(), "kakezan-fault-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const [uid, gid] = ["-u", "-g"].map((flag) => Number(execFileSync("id", [flag, "postgres"]).toString().trim()));
    chownSync(root, uid!, gid!);
  }
  const dataDir = join(root, "data");
  const port = await freePort();
  const command = (tool: string, args: string[]): [string, string[]] => (asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args]);
  // Asynchronous, so the test's load keeps running while the server stops and starts.
  const run = async (tool: string, args: string[]) => {
    try {
      await promisify(execFile)(...command(tool, args));
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${tool} ${args.join(" ")} failed: ${stderr || stdout}`);
    }
  };
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const pgCtlArgs = (action: string, args: string[]) => [action, "-D", dataDir, "-l", join(root, "server.log"), "-w", "-t", "60", ...args];
  const pgCtl = (action: string, ...args: string[]) => run("pg_ctl", pgCtlArgs(action, args));

  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      // Synchronous: this also runs from the process's exit handler.
      if (existsSync(join(dataDir, "postmaster.pid"))) spawnSync(...command("pg_ctl", pgCtlArgs("stop", ["-m", "immediate"])));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  process.once("exit", remove);
  afterAll(() => {
    process.off("exit", remove);
    remove();
  });

  await run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  await pgCtl("start", "-o", serverOptions);

  const url = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createMigratedDatabase(name) {
      const admin = await openPostgres({ url: url("postgres"), poolSize: 1 });
      try {
        await admin.db.execute(`create database ${name}`);
      } finally {
        await admin.close();
      }
      const handle = await openPostgres({ url: url(name), poolSize: 2 });
      try {
        await migrateDatabase(handle);
      } finally {
        await handle.close();
      }
      return url(name);
    },
    restart: () => pgCtl("restart", "-m", "fast"),
    stop: () => pgCtl("stop", "-m", "fast"),
    start: () => pgCtl("start", "-o", serverOptions),
  };
}
