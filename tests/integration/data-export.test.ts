import { describe, expect, it } from "vitest";
import { createPerson, createSkill, setPersonSkill } from "../../db/factories";
import { createSessionForPerson } from "../../server/services/session/session.service";
import { handleDataExportRequest } from "../../server/trpc/data-export-csv";
import { type CastRole, callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

/** The company-wide CSV exports, through the download handler as a browser calls it. */
describe("company exports", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const cookieOf = async (role: Exclude<CastRole, "anonymous">) => `next-auth.session-token=${(await createSessionForPerson(db, cast.persons[role].id)).sessionToken}`;
  const download = (table: string, cookie: string | null, locale = "ja") =>
    handleDataExportRequest(new Request(`http://localhost/api/exports/${table}?locale=${locale}`, { headers: cookie ? { cookie } : {} }), db, table, new Date("2026-12-07T20:00:00Z"));
  const admin = await cookieOf("admin");
  const hrAdminPerson = await createPerson(db, { departmentId: cast.departments.people.id, isHr: true, isAdmin: true });
  const hrAdmin = `next-auth.session-token=${(await createSessionForPerson(db, hrAdminPerson.id)).sessionToken}`;

  const hostile = await createPerson(db, { departmentId: cast.departments.team.id, familyName: "=HYPERLINK(\"http://evil.example\")", givenName: "太郎, 次郎" });
  const skill = await createSkill(db, { nameJa: "クレーム対応", nameEn: "Complaint handling" });
  await setPersonSkill(db, hostile.id, skill.id, 3);
  const will = (shareWithHr: boolean, statement: string) => ({
    statement,
    targetRoleIds: [],
    desiredSkillIds: [skill.id],
    horizon: "one_year" as const,
    openness: "within_year" as const,
    shareWithManager: true,
    shareWithHr,
    shareWithMatching: true,
    expectedVersion: 0,
  });
  await callerAs(db, cast, "employee").will.save(will(true, "+QA に挑戦したい"));
  await callerAs(db, cast, "colleague").will.save(will(false, "人事には秘密の Will"));

  it("writes everyone as Excel reads it: a byte-order mark, translated headers, formulas kept as text", async () => {
    const response = await download("people", admin);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="kakezan-people-2026-12-08.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toMatch(/^社員番号,姓,名,氏名（ローマ字）,/);
    expect(lines.find((line) => line.startsWith(`${hostile.employeeNumber},`))).toContain(`"'=HYPERLINK(""http://evil.example"")","太郎, 次郎"`);
    expect(lines.filter((line) => line !== "")).toHaveLength(1 + 7);
    const english = await (await download("people", admin, "en")).text();
    expect(english).toMatch(/^Employee number,Family name,Given name,Name \(romanised\),/);
  });

  it("writes each person's skills", async () => {
    const text = await (await download("skills", admin, "en")).text();
    expect(text.split("\r\n")[1]).toMatch(new RegExp(`^${hostile.employeeNumber},"'=HYPERLINK.*,Complaint handling,3,,,$`));
  });

  it("writes only the Wills shared with HR, for an admin who is also HR", async () => {
    const text = await (await download("wills", hrAdmin)).text();
    expect(text).toContain(`${cast.persons.employee.employeeNumber},`);
    expect(text).toContain("'+QA に挑戦したい,1年後,1年以内なら異動したい,,クレーム対応,");
    expect(text).not.toContain("人事には秘密");
  });

  it("refuses everyone but admins (Wills: admins who are not HR too), and signed-out callers, in their language", async () => {
    for (const role of ["employee", "manager", "hr"] as const) {
      for (const table of ["people", "skills", "wills"]) {
        const response = await download(table, await cookieOf(role), "en");
        expect(response.status).toBe(403);
        expect(await response.text()).toBe("You do not have permission to do this.");
      }
    }
    const adminOnly = await download("wills", admin, "en");
    expect(adminOnly.status).toBe(403);
    expect(await adminOnly.text()).not.toContain("QA");
    const signedOut = await download("people", null, "ja");
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toMatch(/ログイン/);
    expect((await download("salaries", admin)).status).toBe(404);
  });
});
