/**
 * One app process for the multi-process test: opens the database from DATABASE_URL as the runtime
 * role (as the server does), runs the background jobs as the web process does (instrumentation.ts,
 * unless KAKEZAN_JOBS=off), and makes the profile changes it is sent — one JSON line
 * `[{ personId, skillId, level }, …]` on stdin, answered by `done` on stdout — through the same
 * service the profile page uses.
 */
import { createInterface } from "node:readline";
import { openDatabase } from "../../db/client";
import { actorForPerson } from "../../server/auth/actor";
import { runsBackgroundJobs } from "../../server/env";
import { startBackgroundJobs } from "../../server/jobs/background";
import { setOwnSkill } from "../../server/services/profile/profile.service";

type Change = { personId: number; skillId: number; level: 1 | 2 | 3 | 4 };

const handle = await openDatabase(process.env, { runtime: true });
const jobs = runsBackgroundJobs() ? startBackgroundJobs(handle) : null;

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  void (async () => {
    for (const change of JSON.parse(line) as Change[]) {
      const actor = await actorForPerson(handle.db, change.personId);
      await setOwnSkill(handle.db, actor!, { skillId: change.skillId, level: change.level });
    }
    process.stdout.write("done\n");
  })();
});

process.once("SIGTERM", () => {
  lines.close();
  void (jobs?.stop() ?? Promise.resolve()).then(() => handle.close()).then(() => process.exit(0));
});
process.stdout.write("ready\n");
