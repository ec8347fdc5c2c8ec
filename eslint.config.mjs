import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Imports flow one way: app → server/trpc → server/services → db; a layer never imports the one above it. */
const layerRules = [
  {
    files: ["db/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/server/*", "**/server/**", "@/tests/*", "**/tests/**", "@/app/*"], message: "db/ must not depend on server/, app/ or tests/." }] }],
    },
  },
  {
    files: ["server/services/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["next", "next/*", "@trpc/*", "react", "react-dom", "@/app/*", "@/server/trpc/*"], message: "Services hold the rules: no Next.js, tRPC or React here." }] },
      ],
    },
  },
  {
    files: ["server/trpc/routers/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["drizzle-orm", "drizzle-orm/*", "@/db/schema", "@/db/schema/*"], message: "Routers are transport only: call a service." }] }],
    },
  },
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["drizzle-orm", "drizzle-orm/*", "@/db/*"], message: "Pages and components go through tRPC, never the database." }] }],
    },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  ...layerRules,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/results/**"] },
];

export default config;
