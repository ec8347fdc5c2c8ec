/**
 * Runs once when the server starts (not during `next build`): opens the database eagerly, so the
 * embedded PGlite directory is owned (locked) by this server from the start and the first request
 * does not pay for opening it; then starts the background jobs (outbox, candidate recompute,
 * deadlines, effective dates) unless KAKEZAN_JOBS=off leaves them to `npm run worker`.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDatabaseHandle } = await import("./server/db");
  const { runsBackgroundJobs } = await import("./server/env");
  const handle = await getDatabaseHandle();
  if (!runsBackgroundJobs()) return;
  const { startBackgroundJobs } = await import("./server/jobs/background");
  startBackgroundJobs(handle);
}
