import { describe, expect, it } from "vitest";
import type { Actor } from "../../server/auth/actor";
import { auditScopeOf, canAdministerOrganisation, canChangeOwnAccess, canExportCompanyData, canExportWillsSharedWithHr, canImportPeople, canManageScimTokens, canManageSettings, canRevokeSessionsOf, canViewRestrictedProfile, isAdministrator, isHrStaff, reportScopeOf } from "../../server/auth/policies";

const actor = (overrides: Partial<Actor> = {}): Actor => ({
  personId: 1,
  userId: "u1",
  departmentId: 10,
  managerId: null,
  isHr: false,
  isAdmin: false,
  isManager: false,
  ...overrides,
});

const report = { id: 2, managerId: 1 };
const stranger = { id: 3, managerId: 4 };

describe("profile policies", () => {
  it.each([
    ["the person themselves", actor({ personId: 2 }), report, true],
    ["their direct manager", actor({ personId: 1, isManager: true }), report, true],
    ["a manager of someone else", actor({ personId: 1, isManager: true }), stranger, false],
    ["a colleague", actor({ personId: 5 }), report, false],
    ["HR", actor({ personId: 9, isHr: true }), stranger, true],
    ["an admin", actor({ personId: 9, isAdmin: true }), stranger, true],
  ])("restricted fields: %s → %s", (_who, viewer, person, expected) => {
    expect(canViewRestrictedProfile(viewer, person)).toBe(expected);
  });

  it("only admins export company data, and only admins who are also HR export Wills shared with HR", () => {
    expect(canExportCompanyData(actor({ isAdmin: true }))).toBe(true);
    expect(canExportCompanyData(actor({ isHr: true }))).toBe(false);
    expect(canExportWillsSharedWithHr(actor({ isAdmin: true }))).toBe(false);
    expect(canExportWillsSharedWithHr(actor({ isHr: true }))).toBe(false);
    expect(canExportWillsSharedWithHr(actor({ isAdmin: true, isHr: true }))).toBe(true);
  });

  it("only HR manages settings; the tiers follow the flags", () => {
    expect(canManageSettings(actor({ isHr: true }))).toBe(true);
    expect(canManageSettings(actor({ isAdmin: true }))).toBe(false);
    expect(isHrStaff(actor({ isHr: true }))).toBe(true);
    expect(isAdministrator(actor({ isAdmin: true }))).toBe(true);
    expect(isAdministrator(actor({ isHr: true }))).toBe(false);
  });

  it.each([
    ["HR", actor({ isHr: true }), "company"],
    ["HR who also manages", actor({ isHr: true, isManager: true }), "company"],
    ["a manager", actor({ isManager: true }), "organisation"],
    ["an employee", actor(), null],
    ["an admin who manages nobody", actor({ isAdmin: true }), null],
  ])("reports: %s sees %s", (_who, viewer, expected) => {
    expect(reportScopeOf(viewer)).toBe(expected);
  });

  it("audit trail: admins read all of it, HR the workflow's part, managers and employees none", () => {
    expect(auditScopeOf(actor({ isAdmin: true }))).toBe("all");
    expect(auditScopeOf(actor({ isAdmin: true, isHr: true }))).toBe("all");
    expect(auditScopeOf(actor({ isHr: true }))).toBe("workflow");
    expect(auditScopeOf(actor({ isManager: true }))).toBeNull();
    expect(auditScopeOf(actor())).toBeNull();
  });

  it("sessions: anyone may end their own; only an admin may end someone else's", () => {
    expect(canRevokeSessionsOf(actor({ personId: 3 }), stranger)).toBe(true);
    expect(canRevokeSessionsOf(actor({ personId: 4, isManager: true }), stranger)).toBe(false);
    expect(canRevokeSessionsOf(actor({ personId: 9, isHr: true }), stranger)).toBe(false);
    expect(canRevokeSessionsOf(actor({ personId: 9, isAdmin: true }), stranger)).toBe(true);
  });

  it("SCIM tokens: administrators only, never HR (a token creates and deactivates people)", () => {
    expect(canManageScimTokens(actor({ isAdmin: true }))).toBe(true);
    expect(canManageScimTokens(actor({ isHr: true }))).toBe(false);
    expect(canManageScimTokens(actor({ isManager: true }))).toBe(false);
  });

  it("organisation administration: administrators only, and never against their own admin right or presence", () => {
    expect(canAdministerOrganisation(actor({ isAdmin: true }))).toBe(true);
    expect(canAdministerOrganisation(actor({ isHr: true }))).toBe(false);
    expect(canAdministerOrganisation(actor({ isManager: true }))).toBe(false);
    expect(canImportPeople(actor({ isAdmin: true }))).toBe(true);
    expect(canImportPeople(actor({ isHr: true }))).toBe(false);
    const admin = actor({ personId: 9, isAdmin: true });
    expect(canChangeOwnAccess(admin, 9, { isAdmin: true })).toBe(true);
    expect(canChangeOwnAccess(admin, 9, { isAdmin: false })).toBe(false);
    expect(canChangeOwnAccess(admin, 9, "deactivate")).toBe(false);
    expect(canChangeOwnAccess(admin, 3, { isAdmin: false })).toBe(true);
    expect(canChangeOwnAccess(admin, 3, "deactivate")).toBe(true);
  });
});
