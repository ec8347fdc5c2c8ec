import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";

export type StartedProcess = {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Resolves with the next stdout line containing `text`; rejects if the process exits first. */
  next(text: string): Promise<string>;
  /** Every stdout line so far. */
  lines(): string[];
  /** Everything it wrote to standard error so far. */
  stderr(): string;
};

/**
 * A TypeScript script in its own Node process (with tsx's loader), its stdout read line by line.
 * Node itself runs the script, so signals reach it directly as they would reach a deployed process.
 */
export function startProcess(script: string, env: Record<string, string>, args: string[] = []): StartedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, stdio: "pipe" });
  const waiting: Array<{ text: string; resolve: (line: string) => void }> = [];
  const seen: string[] = [];
  let errors = "";
  createInterface({ input: child.stdout }).on("line", (line) => {
    seen.push(line);
    const index = waiting.findIndex((wait) => line.includes(wait.text));
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(line);
  });
  child.stderr.on("data", (chunk: Buffer) => {
    errors += chunk.toString();
    process.stderr.write(`[${script}] ${chunk.toString()}`);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    next: (text) =>
      new Promise<string>((resolve, reject) => {
        waiting.push({ text, resolve });
        void exited.then((code) => reject(new Error(`${script} exited (${code}) before printing "${text}"; it printed: ${seen.slice(-20).join(" | ")}`)));
      }),
    lines: () => [...seen],
    stderr: () => errors,
  };
}

/** Checks `condition` every 200 ms until it holds; fails after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Gave up waiting for ${what}`);
}
