import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { adminUrl, databaseUrl } from "./postgres-url";

/**
 * Builds one migrated template per run: a PGlite dump file, or a PostgreSQL template database
 * when TEST_DATABASE_URL is set. Each test file then starts from a fresh copy (tests/setup/test-database.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `kakezan_tpl_${randomBytes(4).toString("hex")}`;
    const admin = await openPostgres({ url: adminUrl(serverUrl) });
    await admin.db.execute(`create database ${template}`);
    const handle = await openPostgres({ url: databaseUrl(serverUrl, template) });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("postgresTemplate", template);
    return async () => {
      await admin.db.execute(`drop database if exists ${template} with (force)`);
      await admin.close();
    };
  }
  const handle = await openPglite();
  await migrateDatabase(handle);
  const dir = join(tmpdir(), "kakezan-tests");
  mkdirSync(dir, { recursive: true });
  const dumpPath = join(dir, `template-${process.pid}.tar.gz`);
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir("gzip");
  writeFileSync(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", dumpPath);
}

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplate?: string;
    pgliteTemplate?: string;
  }
}
