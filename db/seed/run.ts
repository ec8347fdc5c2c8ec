import { fileURLToPath } from "node:url";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { seedDemo } from "./index";

async function main() {
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    const outcome = await seedDemo(handle.db);
    console.log(
      outcome === "seeded"
        ? `Demo company seeded (${handle.engine}).`
        : `The database already has people; seed skipped (${handle.engine}).`,
    );
  } finally {
    await handle.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
