/**
 * A child process for tests/integration/embedded-database.test.ts: opens the PGlite directory
 * given as argument, migrates, records a department, prints "ready" and waits to be stopped.
 */
import { openPglite } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { departments } from "../../db/schema";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-embedded-database <dataDir> <code>");
const handle = await openPglite({ dataDir });
await migrateDatabase(handle);
await handle.db.insert(departments).values({ code: process.argv[3] ?? "held", nameJa: "保持", nameEn: "Held" });
console.log("ready");
setInterval(() => {}, 60_000);
