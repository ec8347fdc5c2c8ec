import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type Logger } from "pino";
import { readEnv } from "./env";

/*
 * The server's structured log: one JSON object per line on standard output, with `level`, `time`
 * and — inside a request — the request's `requestId` (the same id a user sees as "Reference" on an
 * unexpected error). The level is LOG_LEVEL (default info).
 *
 * No personal data in any line: log ids, paths, codes and redacted error messages only — never a
 * name, an e-mail, a Will or a motivation, and never an error object as it is (see `safeError`).
 */

type Fields = Record<string, unknown>;

const requestScope = new AsyncLocalStorage<string>();

/** Runs `work` as part of one request: every line it logs, however deep, carries this request id. */
export function inRequestScope<T>(requestId: string, work: () => T): T {
  return requestScope.run(requestId, work);
}

/** Where the lines go. Standard output, except where a test setup keeps them (tests/setup). */
let sink: (line: string) => void = (line) => void process.stdout.write(line);

/** Sends the lines to `write` instead; returns where they went before. */
export function setLogSink(write: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = write;
  return previous;
}

let logger: Logger | undefined;

/** Created on first use, so reading LOG_LEVEL happens after the configuration was checked at start. */
function root(): Logger {
  logger ??= pino(
    {
      level: readEnv().LOG_LEVEL,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => {
        const requestId = requestScope.getStore();
        return requestId ? { requestId } : {};
      },
    },
    { write: (line: string) => sink(line) },
  );
  return logger;
}

export const log = {
  error: (fields: Fields, message: string) => root().error(fields, message),
  warn: (fields: Fields, message: string) => root().warn(fields, message),
  info: (fields: Fields, message: string) => root().info(fields, message),
  debug: (fields: Fields, message: string) => root().debug(fields, message),
};

export type SafeError = { type: string; code?: string; message: string; stack?: string; cause?: SafeError };

const emailPattern = /[^\s@"'<>(),;]+@[^\s@"'<>(),;]+\.[a-z]{2,}/gi;
const quotedLiteralPattern = /'(?:[^']|'')*'/g;

/**
 * A message with what may quote stored data taken out: drizzle appends a failed query's parameters
 * ("Failed query: … params: <values>"), so everything from `params:` on goes; quoted SQL literals
 * and anything shaped like an e-mail address are masked too. The rest (the statement with its $n
 * placeholders, a constraint name) is what finds the bug.
 */
export function redactMessage(message: string): string {
  const beforeParams = message.split(/\bparams:/)[0]!.trimEnd();
  return beforeParams.replace(quotedLiteralPattern, "'?'").replace(emailPattern, "<e-mail>");
}

/** The stack's frames only: its first line(s) repeat the message, which `redactMessage` handles. */
function framesOf(stack: string | undefined): string | undefined {
  const frames = stack?.split("\n").filter((line) => /^\s+at /.test(line));
  return frames && frames.length > 0 ? frames.join("\n") : undefined;
}

/** An error as it may be logged: class, code (e.g. PostgreSQL's SQLSTATE), redacted message, frames, cause. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: "(not an Error)" };
  const code = (error as { code?: unknown }).code;
  const cause = depth < 3 && error.cause !== undefined ? safeError(error.cause, depth + 1) : undefined;
  return {
    type: error.constructor.name,
    ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}),
    message: redactMessage(error.message),
    ...(framesOf(error.stack) ? { stack: framesOf(error.stack) } : {}),
    ...(cause ? { cause } : {}),
  };
}
