/**
 * A child process for the embedded-database tests: opens the PGlite directory given as argument,
 * migrates, records a department, prints "ready" and waits to be stopped. With `--keep-writing` it
 * then writes batches of departments until it is killed, one transaction each, printing
 * `committed <batch> <rows>` after each commit (tests/faults/embedded-crash.test.ts).
 */
import { openPglite } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { departments } from "../../db/schema";

const BATCH_SIZE = 20;

const [dataDir, code = "held", mode] = process.argv.slice(2);
if (!dataDir) throw new Error("usage: hold-embedded-database <dataDir> <code> [--keep-writing]");
const handle = await openPglite({ dataDir });
await migrateDatabase(handle);
await handle.db.insert(departments).values({ code, nameJa: "保持", nameEn: "Held" });
console.log("ready");
if (mode === "--keep-writing") {
  for (let batch = 0; ; batch++) {
    const rows = Array.from({ length: BATCH_SIZE }, (_, row) => ({ code: `${code}-${batch}-${row}`, nameJa: "書込", nameEn: "Written" }));
    await handle.db.transaction(async (tx) => {
      for (const values of rows) await tx.insert(departments).values(values);
    });
    console.log(`committed ${batch} ${BATCH_SIZE}`);
  }
}
setInterval(() => {}, 60_000);
