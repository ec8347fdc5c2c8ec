import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ancestorsOf, type ParentLinks, treeOrder, wouldCreateCycle } from "../../server/services/organisation/department-tree";
import { addMembershipInput, changePostInput, createDepartmentInput, createPersonInput } from "../../server/services/organisation/organisation.schemas";

// 1 ─ 2 ─ 3
//   └ 4
// 5
const links: ParentLinks = new Map([
  [1, null],
  [2, 1],
  [3, 2],
  [4, 1],
  [5, null],
]);

describe("department tree", () => {
  it("lists a department's ancestors nearest first", () => {
    expect(ancestorsOf(links, 3)).toEqual([2, 1]);
    expect(ancestorsOf(links, 1)).toEqual([]);
  });

  it.each([
    ["under itself", 2, 2, true],
    ["under its child", 1, 2, true],
    ["under its grandchild", 1, 3, true],
    ["to the top", 3, null, false],
    ["under a sibling", 4, 2, false],
    ["under its own parent again", 3, 2, false],
    ["under another tree", 1, 5, false],
  ])("moving a department %s: loop %s", (_case, departmentId, parentId, expected) => {
    expect(wouldCreateCycle(links, departmentId, parentId)).toBe(expected);
  });

  it("ends on a loop already in the data instead of running forever", () => {
    const looped: ParentLinks = new Map([
      [1, 2],
      [2, 1],
      [3, null],
    ]);
    expect(ancestorsOf(looped, 1)).toEqual([2]);
    expect(wouldCreateCycle(looped, 3, 1)).toBe(false);
    expect(treeOrder([...looped].map(([id, parentId]) => ({ id, parentId }))).map((node) => node.id)).toEqual([3, 1, 2]);
  });

  it("orders parents before their children, with depths", () => {
    const ordered = treeOrder([...links].map(([id, parentId]) => ({ id, parentId })));
    expect(ordered.map((node) => [node.id, node.depth])).toEqual([
      [1, 0],
      [2, 1],
      [3, 2],
      [4, 1],
      [5, 0],
    ]);
  });

  it("never accepts a move that leaves a department above itself (random trees)", () => {
    const tree = fc.array(fc.nat(), { minLength: 1, maxLength: 30 }).map((parents) => new Map(parents.map((parent, index) => [index + 1, index === 0 || parent % (index + 1) === 0 ? null : (parent % index) + 1] as const)));
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(), (tree, a, b) => {
        const departmentId = (a % tree.size) + 1;
        const parentId = (b % tree.size) + 1;
        if (wouldCreateCycle(tree, departmentId, parentId)) return;
        const moved = new Map(tree).set(departmentId, parentId);
        expect(ancestorsOf(moved, departmentId)).not.toContain(departmentId);
        expect(ancestorsOf(moved, parentId)).not.toContain(parentId);
      }),
    );
  });
});

describe("organisation forms' validation", () => {
  const person = {
    employeeNumber: "00123",
    familyName: "佐藤",
    givenName: "花",
    familyNameKana: "サトウ",
    givenNameKana: "はな",
    romanizedName: "Hana Sato",
    email: "hana.sato@kakezan.example",
    hiredOn: "2026-04-01",
    departmentId: 1,
    roleId: 2,
    level: 1,
  };
  const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.error?.issues ?? []).map((issue) => issue.path.join("."));

  it("accepts a person with kana readings in hiragana or katakana (kept in katakana), a leading-zero number and no manager", () => {
    expect(createPersonInput.parse(person)).toMatchObject({ employeeNumber: "00123", managerId: null, businessName: "", familyNameKana: "サトウ", givenNameKana: "ハナ" });
  });

  it.each([
    ["a reading in kanji", { familyNameKana: "佐藤" }, "familyNameKana"],
    ["a reading in Latin letters", { givenNameKana: "Hana" }, "givenNameKana"],
    ["an e-mail without a domain", { email: "hana.sato" }, "email"],
    ["an empty family name", { familyName: "  " }, "familyName"],
    ["an employee number with spaces", { employeeNumber: "12 3" }, "employeeNumber"],
    ["level 5", { level: 5 }, "level"],
  ])("refuses %s", (_case, change, field) => {
    expect(issuesOf(createPersonInput.safeParse({ ...person, ...change }))).toEqual([field]);
  });

  it("refuses a concurrent post ending before it starts, or over 100% of the time", () => {
    const post = { personId: 1, departmentId: 2, roleId: 3, timePercent: 30, startOn: "2026-04-01" };
    expect(addMembershipInput.parse(post).endOn).toBeNull();
    expect(issuesOf(addMembershipInput.safeParse({ ...post, endOn: "2026-03-31" }))).toEqual(["endOn"]);
    expect(issuesOf(addMembershipInput.safeParse({ ...post, timePercent: 0 }))).toEqual(["timePercent"]);
    expect(issuesOf(addMembershipInput.safeParse({ ...post, timePercent: 101 }))).toEqual(["timePercent"]);
  });

  it("records only the organisation's own kinds of move from a form, and department codes other systems can join on", () => {
    const move = { personId: 1, departmentId: 2, roleId: 3, level: 2, managerId: null };
    for (const kind of ["transfer", "promotion", "reorganisation"]) expect(changePostInput.safeParse({ ...move, kind }).success).toBe(true);
    expect(changePostInput.safeParse({ ...move, kind: "project" }).success).toBe(false);
    expect(createDepartmentInput.safeParse({ code: "QA-01", nameJa: "品質保証", nameEn: "QA", parentId: null }).success).toBe(true);
    expect(issuesOf(createDepartmentInput.safeParse({ code: "品質", nameJa: "品質保証", nameEn: "QA", parentId: null }))).toEqual(["code"]);
  });
});
