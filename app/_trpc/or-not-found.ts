import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/**
 * "Not yours" and "does not exist" are both NOT_FOUND; BAD_REQUEST is an id or slug from the URL
 * that the input schema refuses. To a page all three are the same: nothing to show here.
 */
function isNotFound(error: unknown): boolean {
  return error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST");
}

/** What a server-side procedure call returns, or Next's 404 page when there is nothing to show. */
export async function orNotFound<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
}

/** What a server-side procedure call returns, or null when there is nothing to show (the page decides). */
export async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** A row id from the URL (`/people/42`), or Next's 404 page for anything else (`/people/x`, `/people/-1`). */
export function idFromPath(segment: string): number {
  const id = Number(segment);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

/**
 * Like `orNotFound`, and a refusal (FORBIDDEN) shows the same 404 page: for a page only some
 * people may use (the reports), one they may not use reads as one that does not exist.
 */
export async function orNotFoundWhenRefused<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error) || (error instanceof TRPCError && error.code === "FORBIDDEN")) notFound();
    throw error;
  }
}
