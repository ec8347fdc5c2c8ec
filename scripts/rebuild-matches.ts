/** `npm run matches:rebuild`: recomputes every open posting's candidates (after a policy change, say). */
import { openDatabase } from "../db/client";
import { recomputeCandidates } from "../server/services/matching/matching.service";

const handle = await openDatabase();
try {
  const started = performance.now();
  const { length: count } = await recomputeCandidates(handle.db);
  console.log(`Rebuilt the candidates of ${count} open postings in ${Math.round(performance.now() - started)} ms.`);
} finally {
  await handle.close();
}
