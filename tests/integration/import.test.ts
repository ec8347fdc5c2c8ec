import { readFileSync } from "node:fs";
import { asc, eq, isNull } from "drizzle-orm";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createDepartment, createPerson, createRole, createSkill } from "../../db/factories";
import { auditLog, departments, imports, memberships, moves, people, personSkills, roles, skills } from "../../db/schema";
import { actorForPerson } from "../../server/auth/actor";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";
import { createTestDatabase } from "../setup/test-database";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));

const named = (employeeNumber: string, familyName: string, givenName: string, familyNameKana: string, givenNameKana: string, romanizedName: string) => ({
  employeeNumber,
  familyName,
  givenName,
  familyNameKana,
  givenNameKana,
  romanizedName,
  email: `${romanizedName.toLowerCase().replace(" ", ".")}@example.com`,
  hiredOn: "2010-04-01",
});

/**
 * An organisation as an HR system's export finds it: 本社 > 営業部 > 第一課 and 本社 > 開発部, all
 * headed by 9001; 1004 and 1005 already work in 営業部. Every fixture hires 1001–1003, moves 1005
 * to 開発部, marks 1004 as having left and gives 1001 a concurrent post in 開発部.
 */
async function organisation() {
  const { db, engine, close } = await createTestDatabase();
  const hq = await createDepartment(db, { code: "HQ", nameJa: "本社", nameEn: "Head office", parentId: null });
  const sales = await createDepartment(db, { code: "SALES", nameJa: "営業部", nameEn: "Sales", parentId: hq.id });
  await createDepartment(db, { code: "SALES1", nameJa: "第一課", nameEn: "Sales 1", parentId: sales.id });
  const dev = await createDepartment(db, { code: "DEV", nameJa: "開発部", nameEn: "Development", parentId: hq.id });
  const salesRole = await createRole(db, { slug: "sales", nameJa: "営業", nameEn: "Sales" });
  await createRole(db, { slug: "engineer", nameJa: "エンジニア", nameEn: "Engineer" });
  await createSkill(db, { slug: "typescript", nameJa: "TypeScript", nameEn: "TypeScript" });
  const head = await createPerson(db, { ...named("9001", "佐藤", "一郎", "サトウ", "イチロウ", "Ichiro Sato"), departmentId: hq.id, roleId: salesRole.id, level: 4, managerId: null });
  for (const id of [hq.id, sales.id, dev.id]) await db.update(departments).set({ headId: head.id }).where(eq(departments.id, id));
  const common = { departmentId: sales.id, roleId: salesRole.id, level: 2, managerId: head.id, businessName: null };
  await createPerson(db, { ...common, employeeNumber: "1004", familyName: "田中", givenName: "次郎", familyNameKana: "タナカ", givenNameKana: "ジロウ", romanizedName: "Jiro Tanaka", email: "jiro.tanaka@example.com", hiredOn: "2015-04-01" });
  await createPerson(db, { ...common, employeeNumber: "1005", familyName: "伊藤", givenName: "美咲", familyNameKana: "イトウ", givenNameKana: "ミサキ", romanizedName: "Misaki Ito", email: "misaki.ito@example.com", hiredOn: "2016-04-01" });
  const admin = await createPerson(db, { ...named("0001", "管理", "者", "カンリ", "シャ", "Admin Kanri"), departmentId: hq.id, roleId: salesRole.id, isAdmin: true });
  const actor = await actorForPerson(db, admin.id);
  const caller = createCaller(createContextInner({ db, actor }));
  return { db, engine, close, caller, adminId: admin.id };
}

/** Everything an import may change, by the keys other systems know (numbers and codes), not ids. */
async function state(db: Database) {
  const departmentRows = await db.select({ id: departments.id, code: departments.code, parentId: departments.parentId, nameJa: departments.nameJa }).from(departments).orderBy(asc(departments.code));
  const codeOf = new Map(departmentRows.map((row) => [row.id, row.code]));
  const roleRows = await db.select({ id: roles.id, slug: roles.slug }).from(roles);
  const slugOf = new Map(roleRows.map((row) => [row.id, row.slug]));
  const personRows = await db.select().from(people).orderBy(asc(people.employeeNumber));
  const numberOf = new Map(personRows.map((row) => [row.id, row.employeeNumber]));
  const openPosts = await db.select().from(memberships).where(isNull(memberships.endOn));
  const skillRows = await db.select({ personId: personSkills.personId, slug: skills.slug, level: personSkills.level }).from(personSkills).innerJoin(skills, eq(skills.id, personSkills.skillId));
  return {
    departments: departmentRows.map((row) => ({ code: row.code, nameJa: row.nameJa, parent: row.parentId && codeOf.get(row.parentId) })),
    people: personRows.map((row) => ({
      number: row.employeeNumber,
      name: [row.familyName, row.givenName, row.familyNameKana, row.givenNameKana, row.businessName, row.romanizedName, row.email, row.hiredOn],
      post: [codeOf.get(row.departmentId), slugOf.get(row.roleId), row.level, row.managerId && numberOf.get(row.managerId), row.active],
      concurrent: openPosts.filter((post) => post.personId === row.id).map((post) => [codeOf.get(post.departmentId), slugOf.get(post.roleId)]),
      skills: skillRows.filter((skill) => skill.personId === row.id).map((skill) => [skill.slug, skill.level]),
    })),
  };
}

async function importFile(caller: Awaited<ReturnType<typeof organisation>>["caller"], fileName: string, bytes: Uint8Array) {
  const file = { fileName, content: Buffer.from(bytes).toString("base64") };
  const analysis = await caller.import.analyse(file);
  const run = { ...file, sourceSystem: analysis.sourceSystem, mapping: analysis.mapping };
  const dryRun = await caller.import.dryRun(run);
  const commit = await caller.import.commit(run);
  return { analysis, dryRun, commit };
}

const expectedPeople = [
  { number: "0001" },
  { number: "1001", name: ["山田", "太郎", "ヤマダ", "タロウ", null, "Taro Yamada", "taro.yamada@example.com", "2020-04-01"], post: ["SALES1", "engineer", 2, "9001", true], concurrent: [["DEV", "engineer"]], skills: [["typescript", 3]] },
  { number: "1002", name: ["鈴木", "花子", "スズキ", "ハナコ", "佐々木 花子", "Hanako Suzuki", "hanako.suzuki@example.com", "2018-10-01"], post: ["DEV", "engineer", 3, "9001", true], concurrent: [], skills: [] },
  { number: "1003", name: ["高橋", "健", "タカハシ", "ケン", null, "Ken Takahashi", "ken.takahashi@example.com", "2024-04-01"], post: ["SALES", "sales", 1, "9001", true] },
  { number: "1004", post: ["SALES", "sales", 2, "9001", false] },
  { number: "1005", post: ["DEV", "sales", 2, "9001", true], concurrent: [] },
  { number: "9001", post: ["HQ", "sales", 4, null, true] },
];

describe("CSV / Excel import", async () => {
  const reference = await organisation();
  const { engine } = reference;
  const { analysis, dryRun, commit } = await importFile(reference.caller, "smarthr.csv", fixture("smarthr.csv"));
  const referenceState = await state(reference.db);

  it(`imports a SmartHR export: hires, a move, a leaver, a concurrent post and a skill (${engine})`, async () => {
    expect(analysis).toMatchObject({ sourceSystem: "smarthr", encoding: "utf-8", rowCount: 5, missing: [] });
    expect(dryRun.errors).toEqual([]);
    expect(dryRun.counts).toEqual({ creates: 3, updates: 1, deactivations: 1, moves: 1, errors: 0 });
    expect(dryRun.changes.map((change) => [change.kind, change.employeeNumber])).toEqual([
      ["create", "1001"],
      ["create", "1002"],
      ["create", "1003"],
      ["deactivate", "1004"],
      ["move", "1005"],
    ]);
    expect(commit).toMatchObject({ status: "committed", counts: dryRun.counts, errors: [] });
    expect(referenceState.people).toMatchObject(expectedPeople);
    // The move is in the ledger as a reorganisation, and the audit trail has the admin's changes.
    const [person1005] = await reference.db.select({ id: people.id }).from(people).where(eq(people.employeeNumber, "1005"));
    const ledger = await reference.db.select().from(moves).where(eq(moves.personId, person1005!.id));
    expect(ledger).toMatchObject([{ kind: "reorganisation" }]);
    const actions = (await reference.db.select({ action: auditLog.action, actorId: auditLog.actorId }).from(auditLog)).filter((entry) => entry.actorId === reference.adminId).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(["person.create", "person.post_changed", "person.deactivate", "membership.add", "import.commit"]));
    const runs = await reference.db.select().from(imports).orderBy(asc(imports.id));
    expect(runs.map((run) => [run.status, run.fileName, run.rowsDone, run.rowsTotal])).toEqual([
      ["dry_run", "smarthr.csv", 5, 5],
      ["committed", "smarthr.csv", 5, 5],
    ]);
    expect(runs[1]!.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it(`re-importing the same file changes nothing (${engine})`, async () => {
    const again = await importFile(reference.caller, "smarthr.csv", fixture("smarthr.csv"));
    expect(again.dryRun.counts).toEqual({ creates: 0, updates: 0, deactivations: 0, moves: 0, errors: 0 });
    expect(again.dryRun.changes).toEqual([]);
    expect(await state(reference.db)).toEqual(referenceState);
    // The mapping is remembered for the source and offered again.
    expect(again.analysis).toMatchObject({ remembered: true, mapping: analysis.mapping });
  });

  it.each(["freee.csv", "kaonavi.csv", "hrmos.csv"])(`%s imports to the same state as the SmartHR export (${engine})`, async (name) => {
    const world = await organisation();
    const result = await importFile(world.caller, name, fixture(name));
    expect(result.dryRun.errors).toEqual([]);
    expect(result.commit.status).toBe("committed");
    expect(await state(world.db)).toEqual(referenceState);
    await world.close();
  });

  it(`a Shift_JIS twin and an .xlsx twin import the same (${engine})`, async () => {
    const text = fixture("kaonavi.csv").toString("utf8");
    const sjis = await organisation();
    const fromSjis = await importFile(sjis.caller, "kaonavi-sjis.csv", iconv.encode(text, "cp932"));
    expect(fromSjis.analysis.encoding).toBe("cp932");
    expect(await state(sjis.db)).toEqual(referenceState);
    await sjis.close();

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("社員");
    for (const line of fixture("smarthr.csv").toString("utf8").trim().split("\r\n")) sheet.addRow(line.split(","));
    const xlsx = await organisation();
    const fromXlsx = await importFile(xlsx.caller, "smarthr.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(fromXlsx.analysis).toMatchObject({ encoding: "xlsx", sourceSystem: "smarthr" });
    expect(await state(xlsx.db)).toEqual(referenceState);
    await xlsx.close();
  });

  it(`a file with one bad row shows that row's error and changes nothing (${engine})`, async () => {
    const good = fixture("smarthr.csv").toString("utf8").trimEnd();
    const badRows: [string, string, string, number][] = [
      ["1006,木村,翔,キムラ,ショウ,,Sho Kimura,sho.kimura@example.com,2024/04/01,本社/営業部,,営業,1,7777,在籍,", "unknownManager", "上長社員番号", 7],
      ["1006,木村,翔,キムラ,ショウ,,Sho Kimura,sho.kimura@example.com,2024/04/01,本社/営業部,,営業,5,9001,在籍,", "levelOutOfRange", "等級", 7],
      ["1003,木村,翔,キムラ,ショウ,,Sho Kimura,sho.kimura@example.com,2024/04/01,本社/営業部,,営業,1,9001,在籍,", "duplicateEmployeeNumber", "社員番号", 7],
    ];
    const cycle = good.replace("1002,鈴木,花子,スズキ,ハナコ,佐々木 花子,Hanako Suzuki,hanako.suzuki@example.com,2018/10/01,本社/開発部,,エンジニア,3,9001", "1002,鈴木,花子,スズキ,ハナコ,佐々木 花子,Hanako Suzuki,hanako.suzuki@example.com,2018/10/01,本社/開発部,,エンジニア,3,1006");
    const files: { bytes: Uint8Array; code: string; column: string; line: number }[] = badRows.map(([row, code, column, line]) => ({ bytes: new TextEncoder().encode(`${good}\r\n${row}\r\n`), code, column, line }));
    files.push({ bytes: new TextEncoder().encode(`${cycle}\r\n1006,木村,翔,キムラ,ショウ,,Sho Kimura,sho.kimura@example.com,2024/04/01,本社/営業部,,営業,1,1002,在籍,\r\n`), code: "managerCycle", column: "上長社員番号", line: 3 });
    const broken = new Uint8Array([...new TextEncoder().encode(`${good}\r\n1006,`), 0xe6, 0x9c, 0x28, ...new TextEncoder().encode(",翔,キムラ,ショウ,,Sho Kimura,sho.kimura@example.com,2024/04/01,本社/営業部,,営業,1,9001,在籍,\r\n")]);
    files.push({ bytes: broken, code: "brokenEncoding", column: "姓", line: 7 });

    const world = await organisation();
    const before = await state(world.db);
    for (const file of files) {
      const { dryRun, commit } = await importFile(world.caller, "bad.csv", file.bytes);
      expect(dryRun.errors[0]).toMatchObject({ line: file.line, column: file.column, code: file.code });
      expect(commit).toMatchObject({ status: "failed", errors: dryRun.errors });
      expect(await state(world.db)).toEqual(before);
    }
    const runs = await world.db.select({ status: imports.status }).from(imports);
    expect(runs.filter((run) => run.status === "failed")).toHaveLength(files.length);
    await world.close();
  });
});
