import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "../../db/client";
import { createCast } from "../setup/cast";
import { productionEnv, signIn, startAppServer } from "../setup/app-server";
import { type StartedProcess, until } from "../setup/child-process";
import { type TrpcErrorBody, trpcFetch } from "../setup/http";
import { freePort, startPrivatePostgres } from "../setup/private-postgres";

/** One request the load sent: when it started (ms since epoch), how long it took, what came back. */
type Sample = { startedAt: number; ms: number; status: number; text: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The message anyone gets for an error nobody meant: generic, translated, with a reference only. */
const genericMessage = /^Something went wrong on our side\. Please try again later\. Reference: ([0-9a-f-]{36})$/;

/** What a failed request may show: the generic message and its reference, no stack, SQL or driver detail. */
function expectGenericError(sample: Sample) {
  expect(sample.status, sample.text).toBe(500);
  const { message, data } = (JSON.parse(sample.text) as TrpcErrorBody).error.json;
  const reference = genericMessage.exec(message)?.[1];
  expect(reference, message).toBeDefined();
  expect(data.correlationId).toBe(reference);
  expect(data.stack).toBeUndefined();
  expect(sample.text).not.toMatch(/select |insert into|ECONN|terminat|timeout|shutting down|postgres|\.ts:\d+/i);
}

/** One request, timed; a request the server never answered (it died, say) is recorded as status 0. */
async function timed(send: () => Promise<{ status: number; text: string }>): Promise<Sample> {
  const startedAt = Date.now();
  const { status, text } = await send().catch((error: unknown) => ({ status: 0, text: String(error) }));
  return { startedAt, ms: Date.now() - startedAt, status, text };
}

describe("the web server when PostgreSQL restarts or goes away", async () => {
  const postgres = await startPrivatePostgres();
  const url = await postgres.createMigratedDatabase("kakezan_outage");
  // The test's own connections see the outage too; their idle errors are expected, not failures.
  const handle = await openPostgres({ url, poolSize: 2, onIdleClientError: () => {} });
  const cast = await createCast(handle.db);
  await handle.close();

  const mailDir = mkdtempSync(join(tmpdir(), "kakezan-mail-"));
  const apps: StartedProcess[] = [];
  afterAll(() => {
    for (const { child } of apps) if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(mailDir, { recursive: true, force: true });
  });
  // A single web process runs the background jobs too (the default): they meet the outage as well.
  const app = await startAppServer(productionEnv(url, mailDir));
  apps.push(app);
  const { origin } = app;
  const cookies: string[] = [];
  for (const person of Object.values(cast.persons)) cookies.push(await signIn(origin, person.id));

  /**
   * Signed-in people, one loop each, reading their profile and saving it (a transaction) in turn
   * until stopped; every request is recorded.
   */
  function startLoad() {
    const samples: Sample[] = [];
    let running = true;
    const loops = cookies.map(async (cookie, index) => {
      for (let round = 0; running; round++) {
        const request =
          round % 2 === 0
            ? { path: "me.profile", cookie, locale: "en" }
            : { path: "profile.update", method: "POST" as const, cookie, locale: "en", input: { tagline: `round ${round} of ${index}` } };
        samples.push(await timed(() => trpcFetch(origin, request)));
        // Paced to stay well under the per-person limit on profile saves (120 a minute).
        await sleep(200);
      }
    });
    return {
      samples,
      async stop() {
        running = false;
        await Promise.all(loops);
        return samples;
      },
    };
  }

  /** Resolves once a request that started after `since` succeeded; fails after 10 s. */
  const succeedsAgain = (load: ReturnType<typeof startLoad>, since: number) =>
    until(async () => load.samples.some((sample) => sample.startedAt >= since && sample.status === 200), "a request to succeed again", 10_000);

  it("keeps serving through `pg_ctl restart -m fast` under load: failures are generic, and requests succeed again within 10 s", async () => {
    const load = startLoad();
    await sleep(1_500);
    const restartAt = Date.now();
    await postgres.restart();
    const backAt = Date.now();
    await succeedsAgain(load, backAt);
    await sleep(1_500);
    const samples = await load.stop();

    expect(app.child.exitCode).toBeNull();
    const before = samples.filter((sample) => sample.startedAt + sample.ms < restartAt);
    expect(before.length).toBeGreaterThan(10);
    expect(before.every((sample) => sample.status === 200)).toBe(true);
    for (const failed of samples.filter((sample) => sample.status !== 200)) expectGenericError(failed);
    // Once one request succeeded again, they all do: no broken connection was kept in the pool.
    const firstSuccess = Math.min(...samples.filter((sample) => sample.startedAt >= backAt && sample.status === 200).map((sample) => sample.startedAt));
    const after = samples.filter((sample) => sample.startedAt > firstSuccess + 500);
    expect(after.length).toBeGreaterThan(5);
    expect(after.filter((sample) => sample.status !== 200)).toEqual([]);
  });

  it("with the database down, answers every request within 3 s with the generic error; back up, serves again within 10 s", async () => {
    const load = startLoad();
    await sleep(1_000);
    await postgres.stop();
    const downAt = Date.now();
    await sleep(4_000);
    const restartAt = Date.now();
    await postgres.start();
    const backAt = Date.now();
    await succeedsAgain(load, backAt);
    const samples = await load.stop();

    expect(app.child.exitCode).toBeNull();
    const duringOutage = samples.filter((sample) => sample.startedAt >= downAt && sample.startedAt + sample.ms <= restartAt);
    expect(duringOutage.length).toBeGreaterThan(10);
    for (const sample of duringOutage) {
      expect(sample.ms).toBeLessThan(3_000);
      expectGenericError(sample);
    }
    expect(Math.max(...samples.map((sample) => sample.ms))).toBeLessThan(3_000);
  });

  it("with a database that accepts connections but never answers, fails each request within 3 s", async () => {
    // A hung server (or a network that drops packets): the connection opens, then nothing comes back.
    const held: Socket[] = [];
    const silent = createServer((socket) => void held.push(socket));
    const port = await freePort();
    await new Promise<void>((resolve) => silent.listen(port, "127.0.0.1", resolve));
    const hungApp = await startAppServer(productionEnv(`postgres://postgres@127.0.0.1:${port}/kakezan_outage`, mailDir));
    apps.push(hungApp);
    try {
      const results = await Promise.all(cookies.map((cookie) => timed(() => trpcFetch(hungApp.origin, { path: "me.profile", cookie, locale: "en" }))));
      for (const sample of results) {
        expect(sample.ms).toBeLessThan(3_000);
        expectGenericError(sample);
      }
      expect(hungApp.child.exitCode).toBeNull();
    } finally {
      hungApp.child.kill("SIGKILL");
      for (const socket of held) socket.destroy();
      silent.close();
    }
  });
});
