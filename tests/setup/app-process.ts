/**
 * One app process for the multi-process and fault tests: opens the database from DATABASE_URL
 * as the runtime role (as the server does), runs the background jobs as the web process does (instrumentation.ts, unless KAKEZAN_JOBS=off),
 * and serves HTTP on a free port of 127.0.0.1, printed as `ready http://127.0.0.1:<port>`:
 * - `/api/trpc/…` through the same handler the Next.js route delegates to;
 * - `POST /sign-in` with `{ personId }`: a database session and its cookie, as a sign-in ends.
 * It also makes the profile changes it is sent on stdin — one JSON line
 * `[{ personId, skillId, level }, …]`, answered by `done` — through the service the profile page uses.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { openDatabase } from "../../db/client";
import { actorForPerson } from "../../server/auth/actor";
import { sessionCookieName } from "../../server/auth/session-cookie";
import { readEnv, runsBackgroundJobs } from "../../server/env";
import { startBackgroundJobs } from "../../server/jobs/background";
import { log, safeError } from "../../server/log";
import { setOwnSkill } from "../../server/services/profile/profile.service";
import { createSessionForPerson } from "../../server/services/session/session.service";
import { handleTrpcRequest } from "../../server/trpc/http";

type Change = { personId: number; skillId: number; level: 1 | 2 | 3 | 4 };

// As server/db.ts opens it for the web server: an idle client's error goes to the server's log.
const handle = await openDatabase(process.env, { runtime: true, onIdleClientError: (error) => log.error({ error: safeError(error) }, "idle PostgreSQL client error") });
const jobs = runsBackgroundJobs() ? startBackgroundJobs(handle) : null;

async function readBody(message: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function answer(message: IncomingMessage, origin: string): Promise<Response> {
  const url = new URL(message.url ?? "/", origin);
  const body = await readBody(message);
  if (url.pathname === "/sign-in" && message.method === "POST") {
    const { personId } = JSON.parse(body.toString()) as { personId: number };
    const session = await createSessionForPerson(handle.db, personId);
    const cookie = `${sessionCookieName(readEnv().NEXTAUTH_URL)}=${session.sessionToken}; Path=/; HttpOnly; SameSite=Lax`;
    return new Response(null, { status: 204, headers: { "set-cookie": cookie } });
  }
  if (!url.pathname.startsWith("/api/trpc/")) return new Response(null, { status: 404 });
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  return handleTrpcRequest(new Request(url, { method: message.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined }), handle.db);
}

async function serve(message: IncomingMessage, response: ServerResponse, origin: string) {
  try {
    const answered = await answer(message, origin);
    response.writeHead(answered.status, Object.fromEntries(answered.headers));
    response.end(Buffer.from(await answered.arrayBuffer()));
  } catch (error) {
    // What Next.js does with a route handler that throws: a bare 500, the error in the log only.
    log.error({ error: safeError(error) }, "request failed");
    if (!response.headersSent) response.writeHead(500);
    response.end();
  }
}

const server = createServer((message, response) => void serve(message, response, origin));
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

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
  server.close();
  server.closeAllConnections();
  void (jobs?.stop() ?? Promise.resolve()).then(() => handle.close()).then(() => process.exit(0));
});
process.stdout.write(`ready ${origin}\n`);
