import { sql, type SQL } from "drizzle-orm";
import { openPostgres } from "@/db/client";
import { asSystem } from "@/db/scope";
import { loadReportFacts, type FactPart } from "@/server/services/reports/report.loader";
async function main() {
  const h = await openPostgres({ url: process.env.BENCH_DATABASE_URL!, statementTimeoutMs: 600000 });
  const parts = (process.argv[2] ?? "fills").split(",") as FactPart[];
  const root = process.argv[3] ? Number(process.argv[3]) : null;
  await asSystem(h.db, async (tx) => {
    const original = tx.execute.bind(tx);
    (tx as unknown as { execute: (q: SQL) => Promise<unknown> }).execute = async (q: SQL) => {
      const t = performance.now();
      const r = await original(q);
      const ms = performance.now() - t;
      if (ms > 30) {
        const plan = (await original(sql`explain (analyze, buffers off) ${q}`)) as unknown as { rows: { "QUERY PLAN": string }[] };
        console.log(`---- ${ms.toFixed(0)} ms`);
        console.log(plan.rows.map((row) => row["QUERY PLAN"]).filter((l) => /actual time=[\d.]+\.\.([\d]{2,}|[1-9]\d*\.\d)/.test(l) || !l.includes("actual")).slice(0, 25).join("\n"));
      }
      return r;
    };
    await loadReportFacts(tx, { from: "2025-11", to: "2026-10" }, { today: "2026-11-01", now: new Date("2026-11-01"), rootDepartmentId: root, visibleApplicationsOf: null, willAudience: "hr", pastStandardManagerId: null, parts: new Set(parts) });
  });
  await h.close();
}
void main();
