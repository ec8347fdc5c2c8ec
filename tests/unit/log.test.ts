import { DrizzleQueryError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inRequestScope, log, safeError, setLogSink } from "../../server/log";

/** Log lines written while `work` runs, parsed. */
function linesLoggedBy(work: () => void): Record<string, unknown>[] {
  const lines: string[] = [];
  const previous = setLogSink((line) => void lines.push(line));
  try {
    work();
  } finally {
    setLogSink(previous);
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

const email = "hina.sato@example.co.jp";
const will = "接客で培った傾聴力を活かして、人事で新人研修を企画したい";

/** What drizzle throws when a statement fails: the statement, then its parameters, with the driver's error as cause. */
function failedQuery() {
  const driverError = Object.assign(new Error(`duplicate key value violates unique constraint "people_email_key" for ${email}`), {
    code: "23505",
    detail: `Key (email)=(${email}) already exists.`,
  });
  return new DrizzleQueryError('insert into "wills" ("person_id", "statement", "email") values ($1, $2, $3)', [42, will, email], driverError);
}

describe("the server log", () => {
  it("writes an unexpected error without the personal data its message quotes", () => {
    const [line] = linesLoggedBy(() => log.error({ error: safeError(failedQuery()) }, "unexpected error"));
    const text = JSON.stringify(line);
    expect(text).not.toContain(email);
    expect(text).not.toContain("hina.sato");
    expect(text).not.toContain(will);
    expect(text).not.toContain("傾聴力");
    expect(text).not.toContain("params");
    expect(line).toMatchObject({
      level: "error",
      msg: "unexpected error",
      error: {
        type: "DrizzleQueryError",
        message: 'Failed query: insert into "wills" ("person_id", "statement", "email") values ($1, $2, $3)',
        cause: { code: "23505", message: 'duplicate key value violates unique constraint "people_email_key" for <e-mail>' },
      },
    });
    // The stack keeps where it happened (this file), without repeating the message.
    const stack = (line!.error as { stack: string }).stack;
    expect(stack).toMatch(/^\s+at .*log\.test\.ts/);
    expect(stack).not.toContain("Failed query");
  });

  it("writes JSON lines with level, time and, inside a request, the request id", () => {
    const lines = linesLoggedBy(() => {
      inRequestScope("request-1", () => log.error({ path: "will.update" }, "inside"));
      log.error({}, "outside");
    });
    expect(lines).toEqual([
      expect.objectContaining({ level: "error", requestId: "request-1", path: "will.update", msg: "inside" }),
      expect.not.objectContaining({ requestId: expect.anything() }),
    ]);
    expect(new Date(String(lines[0]!.time)).toISOString()).toBe(lines[0]!.time);
  });
});
