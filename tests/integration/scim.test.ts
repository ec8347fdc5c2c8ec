import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../../db/client";
import { createDepartment, createPerson, createRole } from "../../db/factories";
import { approvalSteps, auditLog, moves, people, scimTokens } from "../../db/schema";
import { handleScimRequest } from "../../server/http/scim";
import { callerAs, callerForPerson, createCast } from "../setup/cast";
import { sessionCookieFor, trpcHttp } from "../setup/http";
import { createReceivingTeam } from "../setup/mobility";
import { createTestDatabase } from "../setup/test-database";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

type ScimBody = Record<string, unknown> & { id?: string; status?: string; scimType?: string; totalResults?: number; itemsPerPage?: number; Resources?: Record<string, unknown>[] };

/** One SCIM request through the route handler, as an identity provider sends it. */
async function scim(db: Database, method: string, path: string, options: { token?: string; authorization?: string; body?: unknown } = {}) {
  const url = new URL(`http://localhost/scim/v2/${path}`);
  const headers = new Headers({ accept: "application/scim+json" });
  const authorization = options.authorization ?? (options.token ? `Bearer ${options.token}` : undefined);
  if (authorization) headers.set("authorization", authorization);
  if (options.body !== undefined) headers.set("content-type", "application/scim+json");
  const request = new Request(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const response = await handleScimRequest(request, db, url.pathname.replace(/^\/scim\/v2\/?/, "").split("/").filter(Boolean).map(decodeURIComponent));
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type"), body: (text ? JSON.parse(text) : null) as ScimBody };
}

describe("SCIM 2.0 provisioning", async () => {
  const { db, engine } = await createTestDatabase();
  const cast = await createCast(db);
  const receiving = await createReceivingTeam(db, cast, { confidentiality: "manager_first" });
  const admin = callerAs(db, cast, "admin");
  const { token } = await admin.scim.createToken({ name: "Entra ID" });
  const auditOf = async (personId: number) => db.select().from(auditLog).where(and(eq(auditLog.entityType, "person"), eq(auditLog.entityId, String(personId)))).orderBy(desc(auditLog.id));

  it(`Entra ID: create, then department and manager by PATCH, then deactivate — the session ends and waiting releases move up (${engine})`, async () => {
    const sales = await createDepartment(db, { code: `SALES-${engine}`, nameEn: `Sales ${engine}` });
    const engineering = await createDepartment(db, { code: `ENG-${engine}`, nameEn: `Engineering ${engine}` });
    const role = await createRole(db, { nameEn: `Account Executive ${engine}` });
    const head = await createPerson(db, { departmentId: engineering.id, level: 4 });
    const userName = `hanako.suzuki.${engine}@contoso.example`;

    const lookup = await scim(db, "GET", `Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`, { token });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, Resources: [] });

    // Entra ID's create request: core and enterprise schemas, the UPN as userName, string titles.
    const created = await scim(db, "POST", "Users", {
      token,
      body: {
        schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
        externalId: "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
        userName,
        active: true,
        displayName: "Hanako Suzuki",
        title: `Account Executive ${engine}`,
        emails: [{ primary: true, type: "work", value: userName }],
        meta: { resourceType: "User" },
        name: { formatted: "Hanako Suzuki", familyName: "鈴木", givenName: "花子" },
        roles: [],
        [ENTERPRISE]: { employeeNumber: `SC-${engine}-1`, department: `SALES-${engine}` },
      },
    });
    expect(created.status).toBe(201);
    expect(created.contentType).toBe("application/scim+json");
    expect(created.body).toMatchObject({ userName, active: true, name: { familyName: "鈴木", givenName: "花子" }, [ENTERPRISE]: { employeeNumber: `SC-${engine}-1`, department: `SALES-${engine}` } });
    const personId = Number(created.body.id);
    expect(await db.select({ departmentId: people.departmentId, roleId: people.roleId, romanizedName: people.romanizedName }).from(people).where(eq(people.id, personId))).toEqual([
      { departmentId: sales.id, roleId: role.id, romanizedName: "Hanako Suzuki" },
    ]);

    // Entra ID's PATCH: capitalised ops, the department by name and the manager by our id.
    const moved = await scim(db, "PATCH", `Users/${personId}`, {
      token,
      body: {
        schemas: [PATCH_OP],
        Operations: [
          { op: "Replace", path: `${ENTERPRISE}:department`, value: `Engineering ${engine}` },
          { op: "Add", path: `${ENTERPRISE}:manager`, value: String(head.id) },
        ],
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.body[ENTERPRISE]).toMatchObject({ department: `ENG-${engine}`, manager: { value: String(head.id) } });
    const [move] = await db.select().from(moves).where(eq(moves.personId, personId));
    expect(move).toMatchObject({ kind: "reorganisation", fromDepartmentId: sales.id, toDepartmentId: engineering.id, toManagerId: head.id });
    const actions = (await auditOf(personId)).map((row) => ({ action: row.action, actorId: row.actorId }));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "person.post_changed", actorId: cast.persons.admin.id },
        { action: "person.manager_changed", actorId: cast.persons.admin.id },
        { action: "person.create", actorId: cast.persons.admin.id },
      ]),
    );

    // Someone reports to the new person and applies: the release waits on them.
    const report = await createPerson(db, { departmentId: engineering.id, managerId: personId });
    const { applicationId } = await (await callerForPerson(db, report.id)).application.submit({ opportunityId: receiving.opportunityId, motivation: "新しい挑戦をしたい" });
    const cookie = await sessionCookieFor(db, personId);
    expect((await trpcHttp(db, { path: "me.profile", method: "GET", cookie })).status).toBe(200);

    const disabled = await scim(db, "PATCH", `Users/${personId}`, { token, body: { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "False" }] } });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await trpcHttp(db, { path: "me.profile", method: "GET", cookie })).status).toBe(401);
    expect(await db.select().from(approvalSteps).where(and(eq(approvalSteps.approverId, personId), isNull(approvalSteps.decidedAt)))).toEqual([]);
    const [release] = await db.select().from(approvalSteps).where(and(eq(approvalSteps.applicationId, applicationId), eq(approvalSteps.step, "manager_release")));
    expect(release).toMatchObject({ approverId: head.id, decidedAt: null });
    expect((await auditOf(personId))[0]).toMatchObject({ action: "person.deactivate", actorId: cast.persons.admin.id });
  });

  it(`Okta: looks up, creates, deactivates with a path-less replace, and DELETE deactivates (${engine})`, async () => {
    const department = await createDepartment(db, { code: `OKTA-${engine}` });
    const role = await createRole(db);
    const userName = `test.user.${engine}@okta.local`;
    const oktaUser = (login: string, number: string) => ({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
      userName: login,
      name: { givenName: "Test", familyName: "User" },
      emails: [{ primary: true, value: login, type: "work" }],
      displayName: "Test User",
      locale: "en-US",
      externalId: "00ujl29u0le5T6Aj10h7",
      groups: [],
      password: "1mz050nq",
      active: true,
      title: role.slug,
      [ENTERPRISE]: { employeeNumber: number, department: department.code },
    });
    const lookup = await scim(db, "GET", `Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}&startIndex=1&count=100`, { token });
    expect(lookup.body.totalResults).toBe(0);
    const created = await scim(db, "POST", "Users", { token, body: oktaUser(userName, `OK-${engine}-1`) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: "User Test", name: { givenName: "Test", familyName: "User" } });
    const found = await scim(db, "GET", `Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}&startIndex=1&count=100`, { token });
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id: created.body.id, active: true }] });

    const deactivated = await scim(db, "PATCH", `Users/${created.body.id}`, { token, body: { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] } });
    expect(deactivated.status).toBe(200);
    expect((await scim(db, "GET", `Users/${created.body.id}`, { token })).body.active).toBe(false);
    const reactivated = await scim(db, "PUT", `Users/${created.body.id}`, { token, body: { ...oktaUser(userName, `OK-${engine}-1`), name: { givenName: "Tess", familyName: "User" } } });
    expect(reactivated.body).toMatchObject({ active: true, name: { givenName: "Tess" } });

    const other = await scim(db, "POST", "Users", { token, body: oktaUser(`other.${engine}@okta.local`, `OK-${engine}-2`) });
    const deleted = await scim(db, "DELETE", `Users/${other.body.id}`, { token });
    expect(deleted.status).toBe(204);
    expect(await db.select({ active: people.active }).from(people).where(eq(people.id, Number(other.body.id)))).toEqual([{ active: false }]);
  });

  it(`refuses a missing, malformed, unknown, rotated or revoked token with 401 and marks a used token (${engine})`, async () => {
    const { id, token: own } = await admin.scim.createToken({ name: "Okta" });
    expect((await scim(db, "GET", "Users", { token: own })).status).toBe(200);
    const [used] = await db.select({ lastUsedAt: scimTokens.lastUsedAt, tokenHash: scimTokens.tokenHash }).from(scimTokens).where(eq(scimTokens.id, id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    expect(used?.tokenHash).not.toContain(own);

    const refused = async (options: { token?: string; authorization?: string }) => {
      const response = await scim(db, "GET", "Users", options);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    };
    await refused({});
    await refused({ authorization: "Bearer" });
    await refused({ authorization: `Basic ${Buffer.from(`x:${own}`).toString("base64")}` });
    await refused({ token: `${own}x` });

    const rotated = await admin.scim.rotateToken({ tokenId: id });
    await refused({ token: own });
    expect((await scim(db, "GET", "ServiceProviderConfig", { token: rotated.token })).status).toBe(200);
    await admin.scim.revokeToken({ tokenId: rotated.id });
    await refused({ token: rotated.token });
    expect((await admin.scim.tokens()).filter((row) => row.name === "Okta").map((row) => row.revokedAt === null)).toEqual([false, false]);
  });

  it(`filters and pages the users, and answers SCIM errors with their status (${engine})`, async () => {
    const all = await scim(db, "GET", "Users?startIndex=1&count=0", { token });
    const total = all.body.totalResults!;
    expect(total).toBeGreaterThan(3);
    const first = await scim(db, "GET", "Users?startIndex=1&count=2", { token });
    const second = await scim(db, "GET", "Users?startIndex=3&count=2", { token });
    expect(first.body).toMatchObject({ totalResults: total, startIndex: 1, itemsPerPage: 2 });
    expect(second.body).toMatchObject({ totalResults: total, startIndex: 3, itemsPerPage: 2 });
    expect(second.body.Resources!.map((user) => user.id)).not.toContain(first.body.Resources![0]!.id);

    const employee = cast.persons.employee;
    const byExternalId = await scim(db, "GET", `Users?filter=${encodeURIComponent(`externalId eq "${employee.employeeNumber}"`)}`, { token });
    expect(byExternalId.body).toMatchObject({ totalResults: 1, Resources: [{ id: String(employee.id), userName: employee.email }] });

    expect((await scim(db, "GET", `Users?filter=${encodeURIComponent('userName co "a" or active eq true')}`, { token })).body).toMatchObject({ status: "400", scimType: "invalidFilter" });
    expect((await scim(db, "GET", `Users?filter=${encodeURIComponent('title eq "x"')}`, { token })).body).toMatchObject({ status: "400", scimType: "invalidFilter" });
    expect((await scim(db, "GET", "Users/999999999", { token })).status).toBe(404);
    expect((await scim(db, "GET", "Users/not-a-number", { token })).status).toBe(404);

    const role = await createRole(db);
    const conflict = await scim(db, "POST", "Users", {
      token,
      body: { userName: employee.email.toUpperCase(), name: { familyName: "重複", givenName: "太郎" }, title: role.slug, [ENTERPRISE]: { employeeNumber: `DUP-${engine}`, department: cast.departments.team.code } },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness" });
    const numberTaken = await scim(db, "PATCH", `Users/${cast.persons.colleague.id}`, {
      token,
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: `${ENTERPRISE}:employeeNumber`, value: employee.employeeNumber }] },
    });
    expect(numberTaken.body).toMatchObject({ status: "409", scimType: "uniqueness" });
    const unknownDepartment = await scim(db, "PATCH", `Users/${cast.persons.colleague.id}`, {
      token,
      body: { schemas: [PATCH_OP], Operations: [{ op: "replace", path: `${ENTERPRISE}:department`, value: "NO-SUCH-DEPARTMENT" }] },
    });
    expect(unknownDepartment.body).toMatchObject({ status: "400", scimType: "invalidValue" });
    const badBoolean = await scim(db, "PATCH", `Users/${cast.persons.colleague.id}`, { token, body: { schemas: [PATCH_OP], Operations: [{ op: "Replace", path: "active", value: "Nope" }] } });
    expect(badBoolean.body).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect((await db.select({ active: people.active }).from(people).where(eq(people.id, cast.persons.colleague.id)))[0]).toEqual({ active: true });
  });

  it(`describes itself and lists departments as read-only groups (${engine})`, async () => {
    expect((await scim(db, "GET", "ServiceProviderConfig", { token })).body).toMatchObject({ patch: { supported: true }, filter: { supported: true } });
    expect((await scim(db, "GET", "ResourceTypes", { token })).body.Resources!.map((type) => type.id)).toEqual(["User", "Group"]);
    expect((await scim(db, "GET", `Schemas/${ENTERPRISE}`, { token })).body).toMatchObject({ id: ENTERPRISE });
    const team = cast.departments.team;
    const groups = await scim(db, "GET", `Groups?filter=${encodeURIComponent(`externalId eq "${team.code}"`)}`, { token });
    expect(groups.body).toMatchObject({ totalResults: 1, Resources: [{ id: String(team.id), displayName: team.nameEn }] });
    expect(groups.body.Resources![0]!.members).toEqual(expect.arrayContaining([expect.objectContaining({ value: String(cast.persons.employee.id) })]));
    expect((await scim(db, "GET", `Groups/${team.id}?excludedAttributes=members`, { token })).body.members).toBeUndefined();
    expect((await scim(db, "POST", "Groups", { token, body: { displayName: "x" } })).status).toBe(501);
  });
});
