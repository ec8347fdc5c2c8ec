/**
 * `npm run worker`: the background jobs without the web server, so production can scale web
 * processes (started with KAKEZAN_JOBS=off) and workers apart. Any number of workers and web
 * processes may share one PostgreSQL database: the outbox is claimed with SKIP LOCKED and the
 * once-at-a-time jobs take advisory locks. The embedded PGlite database belongs to one process, so
 * with it the web process runs the jobs itself. Stops cleanly on SIGINT/SIGTERM: timers stop, runs
 * in progress finish, the database is closed.
 */
import { openDatabase } from "../db/client";
import { readEnv } from "../server/env";
import { startBackgroundJobs } from "../server/jobs/background";

async function main() {
  readEnv();
  const handle = await openDatabase(process.env, { runtime: true });
  const jobs = startBackgroundJobs(handle);
  // The job timers do not hold the process open (they must not in the web server): this does.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const stop = (signal: NodeJS.Signals) => {
    console.log(`Kakezan worker: ${signal}, finishing the runs in progress…`);
    clearInterval(keepAlive);
    void jobs
      .stop()
      .then(() => handle.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error instanceof Error ? error.message : error);
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  console.log(`Kakezan worker running on ${handle.engine === "postgres" ? "PostgreSQL" : "the embedded database"} (pid ${process.pid}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
