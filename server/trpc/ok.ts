import { z } from "zod";

/** The answer of a mutation that has nothing to tell but that it happened. */
export const okOutput = z.object({ ok: z.literal(true) });

/** Waits for a service call that returns nothing, then answers `{ ok: true }`. */
export async function answerOk(work: Promise<unknown>): Promise<z.infer<typeof okOutput>> {
  await work;
  return { ok: true };
}
