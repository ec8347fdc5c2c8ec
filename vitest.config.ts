import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Tests of several processes sharing one database need PostgreSQL: they run in the
          // PostgreSQL pass (TEST_DATABASE_URL set; `npm test` and CI make that pass) and are not
          // part of the PGlite pass at all.
          exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE_URL ? [] : ["tests/integration/**/*.postgres.test.ts"])],
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite is WASM: each worker holds its own instances; two cores → two workers.
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          // `npm run test:faults`: databases stopped, restarted and killed under real app processes.
          // Each file starts its own throwaway PostgreSQL cluster or PGlite directory. One file at a
          // time: they measure how fast requests fail and recover, which a busy machine would blur.
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts"],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
