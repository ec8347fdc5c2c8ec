import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: optionalText,
    /** The tables' owner, for migrations and the seed, when DATABASE_URL logs in as a member of kakezan_app instead. */
    DATABASE_OWNER_URL: optionalText,
    PGLITE_DIR: optionalText,
    NEXTAUTH_URL: optionalText,
    NEXTAUTH_SECRET: optionalText,
    /** "1" turns on the one-click demo sign-in (`npm run demo` sets it). Never on by default. */
    KAKEZAN_DEMO: z.enum(["0", "1"]).default("0"),
    /** "off": this process serves requests only; the background jobs run in `npm run worker` instead. */
    KAKEZAN_JOBS: z.enum(["on", "off"]).default("on"),
    /** How often overdue releases are escalated and effective dates applied. */
    KAKEZAN_SCHEDULE_SECONDS: z.preprocess((value) => (value === "" ? undefined : value), z.coerce.number().int().positive().default(60)),
    OIDC_ISSUER: optionalText,
    OIDC_CLIENT_ID: optionalText,
    OIDC_CLIENT_SECRET: optionalText,
    OIDC_NAME: optionalText,
    /** The ID token claim that carries the employee number (e.g. `employee_number`); unset: people are linked by verified e-mail. */
    OIDC_EMPLOYEE_NUMBER_CLAIM: optionalText,
    /** SMTP server for e-mail; without it (demo, development, tests) e-mail is written to .eml files. */
    SMTP_URL: optionalText,
    /** The least severe log lines written (JSON on standard output); `silent` writes none. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      ctx.addIssue({ code: "custom", message: "Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together." });
    }
    // The demo sign-in opens any persona without a password: never beside a real company's sign-in.
    if (env.KAKEZAN_DEMO === "1" && oidc.some(Boolean)) {
      ctx.addIssue({ code: "custom", message: "KAKEZAN_DEMO=1 cannot be combined with OIDC_ISSUER: the demo sign-in would open a real company's data without a password. Unset KAKEZAN_DEMO or the OIDC_* variables." });
    }
    if (env.KAKEZAN_DEMO === "1" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", message: "KAKEZAN_DEMO=1 needs NEXTAUTH_SECRET: the demo sign-in form's CSRF token is checked with it (npm run demo makes one)." });
    }
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", message: "NEXTAUTH_SECRET is required in production." });
    }
    // Without SMTP, e-mail would silently go to files nobody reads; only the demo wants that.
    if (env.NODE_ENV === "production" && env.KAKEZAN_DEMO !== "1" && !env.SMTP_URL) {
      ctx.addIssue({ code: "custom", message: "SMTP_URL is required in production (only the demo, KAKEZAN_DEMO=1, writes e-mail to files)." });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Validated configuration. Read at call time, so a bad setting fails at start, not at import. */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `- ${issue.path.join(".") || "env"}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

export function runsBackgroundJobs(env: Env = readEnv()): boolean {
  return env.KAKEZAN_JOBS === "on";
}

export function isDemoSignInEnabled(env: Env = readEnv()): boolean {
  return env.KAKEZAN_DEMO === "1";
}

export function oidcConfig(env: Env = readEnv()) {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME ?? "SSO",
    employeeNumberClaim: env.OIDC_EMPLOYEE_NUMBER_CLAIM ?? null,
  };
}
