import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** Where the e2e server writes e-mail (.eml files), for specs to read. */
export const e2eMailDir = `.data/e2e-${port}/mail`;
/** The app with the company sign-in (e2e/oidc-app.ts) and, on the port after it, its identity provider. */
export const oidcBaseURL = `http://localhost:${port + 2}`;

/** Debian's Chromium (browsers cannot be downloaded here), with the flags this network needs. */
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromium,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromium } }],
  webServer: [
    {
      // The demo command itself, on its own fresh data directory and port.
      command: "npx tsx scripts/demo.ts",
      url: `${baseURL}/ja/signin`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      // E-mail goes to files the specs read; effective dates are checked every 2 s instead of every
      // minute; the server logs warnings and errors only, so the run's output stays readable.
      env: {
        PORT: String(port),
        PGLITE_DIR: `.data/e2e-${port}/pglite`,
        KAKEZAN_FRESH: "1",
        NEXTAUTH_URL: baseURL,
        DATABASE_URL: "",
        MAIL_DIR: e2eMailDir,
        KAKEZAN_SCHEDULE_SECONDS: "2",
        LOG_LEVEL: "warn",
      },
    },
    {
      // The company sign-in cannot share a server with the demo sign-in (they are refused together):
      // a second, small app with OIDC against a local provider, for e2e/oidc.spec.ts. Playwright
      // starts it once the demo answers, so it serves the build the demo command made or checked.
      command: "npx tsx e2e/oidc-app.ts",
      url: `${oidcBaseURL}/ja/signin`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: { PORT: String(port + 2), LOG_LEVEL: "warn" },
    },
  ],
});
