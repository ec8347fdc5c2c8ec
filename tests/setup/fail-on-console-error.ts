import { afterEach, beforeEach, vi } from "vitest";
import { setLogSink } from "../../server/log";

/** An unexpected console.error is a bug: fail the test that caused it. */
let spy: ReturnType<typeof vi.spyOn> | undefined;
let unexpected: string[] = [];
beforeEach(() => {
  unexpected = [];
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(" ");
    unexpected.push(text);
    throw new Error(`console.error was called: ${text}`);
  });
});
afterEach(() => {
  spy?.mockRestore();
  // Thrown where a library catches it (e.g. inside tRPC's error formatter), the error above may
  // never reach the test; this one always does.
  if (unexpected.length > 0) throw new Error(`console.error was called: ${unexpected.join("\n")}`);
});

/*
 * The server logs errors through server/log.ts, not console.error, so the spy above alone would
 * no longer see them. In tests the log's error and fatal lines are handed to console.error, and
 * so fail the test like any unexpected error; a test that provokes one on purpose mocks
 * console.error and reads the line (tests/integration/errors.test.ts). Lines below error (one per
 * procedure call) are dropped to keep test output readable — unless LOG_LEVEL is set, when they are
 * printed for debugging. The level itself stays as configured: `silent` would hide errors too.
 */
const errorLevels = new Set(["error", "fatal"]);
setLogSink((line) => {
  const { level } = JSON.parse(line) as { level: string };
  if (errorLevels.has(level)) console.error(line);
  else if (process.env.LOG_LEVEL) process.stdout.write(line);
});
