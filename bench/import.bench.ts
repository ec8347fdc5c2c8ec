/**
 * The CSV import at scale: a 10,000-person export (a department path, a manager column and a skill
 * per row, 1 in 10 managers above them) is dry-run and then committed by an administrator; both
 * together within 30 s. Each run hires people with its own employee numbers, so it can be
 * repeated on the same database. Writes bench/results/import.json.
 */
import { randomBytes } from "node:crypto";
import { migrateDatabase } from "../db/migrate";
import { createDepartment, createPerson, createRole, createSkill } from "../db/factories";
import { actorForPerson } from "../server/auth/actor";
import { analyseImport, commitImport, dryRunImport } from "../server/services/import/import.service";
import { openBenchDatabase } from "./bench-db";
import { ms, verdict, writeResult } from "./big-seed";

const NAME = "import";
const PEOPLE = 10_000;
const TARGET_MS = 30_000;

const handle = await openBenchDatabase();
await migrateDatabase(handle);
const { db } = handle;
const run = randomBytes(3).toString("hex");
const top = await createDepartment(db, { code: `BENCH-${run}`, nameJa: `ベンチ${run}`, nameEn: `Bench ${run}`, parentId: null });
const role = await createRole(db, { slug: `bench-role-${run}`, nameJa: `ベンチ職種${run}`, nameEn: `Bench role ${run}` });
await createSkill(db, { slug: `bench-skill-${run}`, nameJa: `ベンチスキル${run}`, nameEn: `Bench skill ${run}` });
const admin = await createPerson(db, { departmentId: top.id, roleId: role.id, isAdmin: true });
const actor = (await actorForPerson(db, admin.id))!;

const lines = ["社員番号,姓,名,セイ,メイ,ローマ字,メールアドレス,入社日,部署,職種,等級,上長社員番号,スキル"];
const number = (index: number) => `B${run}-${String(index).padStart(5, "0")}`;
for (let index = 0; index < PEOPLE; index++) {
  const manager = index === 0 ? "" : number(Math.floor((index - 1) / 10));
  const path = `ベンチ${run}/部${index % 10}/課${index % 100}`;
  lines.push(`${number(index)},山田,太郎${index},ヤマダ,タロウ,Taro Yamada ${index},b${run}-${index}@bench.example,2020/04/01,${path},ベンチ職種${run},${(index % 4) + 1},${manager},ベンチスキル${run}:2`);
}
const file = { fileName: "bench.csv", bytes: new TextEncoder().encode(`${lines.join("\r\n")}\r\n`) };

const analysis = await analyseImport(db, actor, file);
const input = { sourceSystem: analysis.sourceSystem, mapping: analysis.mapping };
let start = performance.now();
const dryRun = await dryRunImport(db, actor, file, input);
const dryRunMs = performance.now() - start;
start = performance.now();
const commit = await commitImport(db, actor, file, input);
const commitMs = performance.now() - start;
const totalMs = dryRunMs + commitMs;
const pass = dryRun.errors.length === 0 && commit.status === "committed" && commit.counts.creates >= PEOPLE && totalMs <= TARGET_MS;
writeResult(NAME, { engine: handle.engine, people: PEOPLE, dryRunMs: ms(dryRunMs), commitMs: ms(commitMs), totalMs: ms(totalMs), counts: commit.counts, targetMs: TARGET_MS, pass });
console.log(`${NAME}: ${PEOPLE} people, dry run ${ms(dryRunMs)} ms + commit ${ms(commitMs)} ms (target ≤ ${TARGET_MS} ms) ${verdict(pass)}`);
await handle.close();
if (!pass) process.exitCode = 1;
