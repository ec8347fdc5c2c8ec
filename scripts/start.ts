/**
 * Production start: validate configuration, apply migrations, refuse the demo sign-in on a database
 * the demo did not seed, then serve the built app.
 * A small custom server (instead of the `next start` CLI) so the embedded database is migrated
 * and released before the app opens it, and so shutdown closes it cleanly (db/client.ts).
 */
import { createServer } from "node:http";
import next from "next";
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { readEnv } from "../server/env";
import { assertDemoDatabase } from "../server/services/session/demo-database";

export async function startServer(options: { port: number; hostname?: string }) {
  const env = readEnv();
  const handle = await openDatabase();
  try {
    await migrateDatabase(handle);
    await assertDemoDatabase(env, handle.db);
  } finally {
    await handle.close();
  }
  const app = next({ dev: false, dir: process.cwd(), port: options.port, hostname: options.hostname ?? "0.0.0.0" });
  await app.prepare();
  const handler = app.getRequestHandler();
  const server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server.listen(options.port, options.hostname ?? "0.0.0.0", resolve));
  if (env.KAKEZAN_DEMO === "1") console.warn("Demo sign-in is ON (KAKEZAN_DEMO=1): anyone can sign in as a demo persona.");
  return server;
}

function isMain() {
  return process.argv[1]?.endsWith("scripts/start.ts") ?? false;
}

if (isMain()) {
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
  const port = Number(process.env.PORT ?? 3000);
  startServer({ port }).then(
    () => console.log(`Kakezan is listening on http://localhost:${port}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
