import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, inject } from "vitest";
import { type DatabaseHandle, openPglite, openPostgres } from "../../db/client";
import { adminUrl, databaseUrl } from "./postgres-url";

/**
 * A fresh, migrated database for one test file: a copy of the run's template (PGlite dump or
 * PostgreSQL `CREATE DATABASE … TEMPLATE`). Closed and dropped after the file. On PostgreSQL `url`
 * lets other processes connect to it.
 */
export async function createTestDatabase(): Promise<DatabaseHandle & { url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (serverUrl && template) {
    const name = `kakezan_test_${randomBytes(5).toString("hex")}`;
    const admin = await openPostgres({ url: adminUrl(serverUrl), poolSize: 1 });
    await admin.db.execute(`create database ${name} template ${template}`);
    const url = databaseUrl(serverUrl, name);
    const handle = await openPostgres({ url, poolSize: 60 });
    afterAll(async () => {
      await handle.close();
      await admin.db.execute(`drop database if exists ${name} with (force)`);
      await admin.close();
    });
    return { ...handle, url };
  }
  const dumpPath = inject("pgliteTemplate");
  if (!dumpPath) throw new Error("The integration global setup did not provide a database template.");
  const handle = await openPglite({ loadDataDir: new Blob([readFileSync(dumpPath)]) });
  afterAll(() => handle.close());
  return handle;
}
