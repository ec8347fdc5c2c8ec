import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type StartedProcess, startProcess, until } from "../setup/child-process";

/** A port nobody listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("the demo killed while it writes its database", async () => {
  const root = mkdtempSync(join(tmpdir(), "kakezan-demo-crash-"));
  const dataDir = join(root, "pglite");
  const port = await freePort();
  const env = { PGLITE_DIR: dataDir, PORT: String(port), LOG_LEVEL: "warn" };
  const running: StartedProcess[] = [];
  afterAll(() => {
    for (const { child } of running) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(root, { recursive: true, force: true });
  });

  it("starts again by itself, with its demo company whole", { timeout: 900_000 }, async () => {
    // `npm run demo` (builds first when the build is missing or stale, so the wait is long).
    const first = startProcess("scripts/demo.ts", env);
    running.push(first);
    await until(async () => existsSync(`${dataDir}.lock`), "the demo to open its database", 600_000);
    // Migrating, then seeding the company in one transaction: killed in the middle of it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    first.child.kill("SIGKILL");
    await first.exited;
    expect(first.lines().some((line) => line.startsWith("Sign in at"))).toBe(false);
    expect(existsSync(`${dataDir}.lock`)).toBe(true);

    const second = startProcess("scripts/demo.ts", env);
    running.push(second);
    await second.next("Sign in at");
    // The cut-off seed left nothing behind, so the second start seeds the company in full.
    expect(second.lines()).toContain("Seeded the demo company.");
    const page = await fetch(`http://localhost:${port}/en/signin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Hina Sato");
    second.child.kill("SIGTERM");
    await second.exited;
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
