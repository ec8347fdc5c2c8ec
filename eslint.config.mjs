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
    // The matching engine is pure: no database, no other service, nothing that loads or serves.
    files: ["server/services/matching/{matching.score,matching.rank,matching.policy,matching.types,text-terms,candidate-facts}.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*", "@trpc/*", "react", "react-dom", "@/app/*", "@/server/trpc/*"], message: "Services hold the rules: no Next.js, tRPC or React here." },
            {
              group: ["drizzle-orm", "drizzle-orm/*", "@/db/*", "../*", "./matching.service", "./matching.data", "./match-cache", "./match-refresh", "./management-chain"],
              message: "The matching engine is pure: it scores what it is given and loads nothing.",
            },
          ],
        },
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

/**
 * Pages and components never cast a workflow state: the server's output types are precise (and
 * it sends the allowed actions), so a cast would only hide a wrong guess. Translation-key paths in
 * template literals are the one place a string is narrowed to a literal.
 */
const workflowTypes = "ApplicationStatus|HiringStage|ReleaseStatus|ApprovalStepName|ConfidentialityPolicy|OpportunityKind|Action|AllowedAction|WorkflowState|Settings|ActInput";
const noWorkflowCasts = {
  files: ["app/**/*.ts", "app/**/*.tsx"],
  rules: {
    "no-restricted-syntax": [
      "error",
      { selector: "TSAsExpression:not(TemplateLiteral > TSAsExpression) > TSLiteralType", message: "Do not cast to a string literal: make the server's output type precise." },
      { selector: `TSAsExpression > TSTypeReference[typeName.name=/^(${workflowTypes})$/]`, message: "Do not cast to a workflow type: the server's output says what it is." },
      { selector: "TSAsExpression > TSIndexedAccessType", message: "Do not cast to a property type (e.g. WorkflowState[\"status\"]): make the server's output type precise." },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  ...layerRules,
  noWorkflowCasts,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { ignores: [".next/**", "node_modules/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench/results/**"] },
];

export default config;
