import { describe, expect, it } from "vitest";
import { ScimError } from "../../server/services/scim/scim.errors";
import { parseScimFilter } from "../../server/services/scim/scim.filter";
import { ENTERPRISE_SCHEMA, kanaReading, readScimUser, USER_EXTENSIONS, UNKNOWN_KANA } from "../../server/services/scim/scim.mapping";
import { applyPatch } from "../../server/services/scim/scim.patch";

const user = () => ({
  userName: "taro@example.com",
  name: { familyName: "山田", givenName: "太郎" },
  emails: [{ value: "taro@example.com", type: "work", primary: true }],
  active: true,
  [ENTERPRISE_SCHEMA]: { employeeNumber: "E001", department: "SALES", manager: { value: "7" } },
});
const patch = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
const scimError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ScimError) return error.toJSON();
  }
  throw new Error("expected a SCIM error");
};

describe("SCIM filters", () => {
  it("reads the lookups identity providers send, case-insensitively", () => {
    expect(parseScimFilter('userName eq "taro@example.com"')).toEqual([{ attribute: "userName", operator: "eq", value: "taro@example.com" }]);
    expect(parseScimFilter('externalId EQ "E 001" and active eq true')).toEqual([
      { attribute: "externalId", operator: "eq", value: "E 001" },
      { attribute: "active", operator: "eq", value: true },
    ]);
    expect(parseScimFilter('displayName eq "say \\"hi\\""')[0]!.value).toBe('say "hi"');
  });

  it("refuses what it cannot evaluate as invalidFilter", () => {
    expect(scimError(() => parseScimFilter('userName eq "a" or userName eq "b"'))).toMatchObject({ status: "400", scimType: "invalidFilter" });
    expect(scimError(() => parseScimFilter("userName eq"))).toMatchObject({ scimType: "invalidFilter" });
    expect(scimError(() => parseScimFilter("  "))).toMatchObject({ scimType: "invalidFilter" });
  });
});

describe("SCIM PATCH", () => {
  it("takes Entra ID's capitalised ops, string booleans and URN-qualified extension paths", () => {
    const patched = applyPatch(
      user(),
      patch(
        { op: "Replace", path: "active", value: "False" },
        { op: "Add", path: `${ENTERPRISE_SCHEMA}:department`, value: "Engineering" },
        { op: "Add", path: `${ENTERPRISE_SCHEMA}:manager`, value: "42" },
        { op: "Replace", path: "name.givenName", value: "次郎" },
      ),
      USER_EXTENSIONS,
    );
    expect(readScimUser(patched)).toMatchObject({ active: false, department: "Engineering", manager: "42", givenName: "次郎", familyName: "山田" });
  });

  it("takes Okta's replace without a path", () => {
    const patched = applyPatch(user(), patch({ op: "replace", value: { active: false, name: { givenName: "花子" } } }), USER_EXTENSIONS);
    expect(readScimUser(patched)).toMatchObject({ active: false, givenName: "花子", familyName: "山田" });
  });

  it("follows a value filter in the path, adding the element when none matches", () => {
    const changed = applyPatch(user(), patch({ op: "replace", path: 'emails[type eq "work"].value', value: "new@example.com" }), USER_EXTENSIONS);
    expect(readScimUser(changed, user()).email).toBe("new@example.com");
    const added = applyPatch({ userName: "x@example.com" }, patch({ op: "add", path: 'emails[type eq "work"].value', value: "w@example.com" }), USER_EXTENSIONS);
    expect(added.emails).toEqual([{ type: "work", value: "w@example.com" }]);
  });

  it("removes the manager", () => {
    const patched = applyPatch(user(), patch({ op: "Remove", path: `${ENTERPRISE_SCHEMA}:manager` }), USER_EXTENSIONS);
    expect(readScimUser(patched, user()).manager).toBeNull();
    expect(readScimUser(applyPatch(user(), patch({ op: "replace", path: "active", value: true }), USER_EXTENSIONS), user()).manager).toBe("7");
  });

  it("refuses unknown ops, missing values and foreign schemas with SCIM errors", () => {
    expect(scimError(() => applyPatch(user(), patch({ op: "move", path: "active" }), USER_EXTENSIONS))).toMatchObject({ status: "400", scimType: "invalidSyntax" });
    expect(scimError(() => applyPatch(user(), patch({ op: "replace", path: "active" }), USER_EXTENSIONS))).toMatchObject({ scimType: "invalidValue" });
    expect(scimError(() => applyPatch(user(), patch({ op: "remove" }), USER_EXTENSIONS))).toMatchObject({ scimType: "noTarget" });
    expect(scimError(() => applyPatch(user(), patch({ op: "replace", path: "urn:example:other:title", value: "x" }), USER_EXTENSIONS))).toMatchObject({ scimType: "invalidPath" });
    expect(scimError(() => readScimUser(applyPatch(user(), patch({ op: "replace", path: "active", value: "maybe" }), USER_EXTENSIONS)))).toMatchObject({ scimType: "invalidValue" });
  });
});

describe("SCIM user mapping", () => {
  it("reads userName as the e-mail and keeps kana readings only when they are kana", () => {
    expect(readScimUser(user())).toMatchObject({ email: "taro@example.com", employeeNumber: "E001", department: "SALES", manager: "7" });
    expect(scimError(() => readScimUser({ userName: "taro" }))).toMatchObject({ scimType: "invalidValue" });
    expect(kanaReading(undefined, "やまだ")).toBe("やまだ");
    expect(kanaReading(undefined, "Yamada")).toBe(UNKNOWN_KANA);
    expect(kanaReading("ヤマダ", "山田")).toBe("ヤマダ");
  });
});
