import { type StartedProcess, startProcess } from "./child-process";

/**
 * What a production web process runs with, on `databaseUrl`. E-mail goes to .eml files in `mailDir`
 * (the log transport) instead of SMTP, which production allows in demo mode only.
 */
export function productionEnv(databaseUrl: string, mailDir: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production",
    NEXTAUTH_SECRET: "fault-tests-secret",
    KAKEZAN_DEMO: "1",
    MAIL_DIR: mailDir,
    KAKEZAN_SCHEDULE_SECONDS: "1",
    LOG_LEVEL: "fatal",
  };
}

export type AppServer = StartedProcess & { origin: string };

/** Starts tests/setup/app-process.ts and waits until it serves HTTP. */
export async function startAppServer(env: Record<string, string>): Promise<AppServer> {
  const app = startProcess("tests/setup/app-process.ts", env);
  const origin = (await app.next("ready")).split(" ")[1]!;
  return { ...app, origin };
}

/** Signs a person in on one app process; returns the Cookie header its session cookie makes. */
export async function signIn(origin: string, personId: number): Promise<string> {
  const response = await fetch(`${origin}/sign-in`, { method: "POST", body: JSON.stringify({ personId }) });
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error(`Signing in on ${origin} failed (${response.status})`);
  return cookie.split(";")[0]!;
}
