import { describe, expect, it } from "vitest";
import { parseCsv } from "../../server/services/import/import.decode";
import { guessMapping } from "../../server/services/import/import.headers";
import { departmentCodeForPath, planImport, type Snapshot } from "../../server/services/import/import.plan";

const person = (id: number, employeeNumber: string, departmentId: number, managerId: number | null) => ({
  id,
  employeeNumber,
  familyName: "佐藤",
  givenName: "一郎",
  familyNameKana: "サトウ",
  givenNameKana: "イチロウ",
  businessName: null,
  romanizedName: "Ichiro Sato",
  email: `${employeeNumber}@example.com`,
  hiredOn: "2010-04-01",
  departmentId,
  roleId: 1,
  level: 4,
  managerId,
  active: true,
});

const snapshot: Snapshot = {
  departments: [
    { id: 1, code: "HQ", nameJa: "本社", parentId: null, headId: 10 },
    { id: 2, code: "SALES", nameJa: "営業部", parentId: 1, headId: null },
  ],
  roles: [{ id: 1, slug: "sales", nameJa: "営業", nameEn: "Sales" }],
  skills: [],
  people: [person(10, "9001", 1, null)],
  memberships: [],
  personSkills: [],
};

const header = "社員番号,氏名,フリガナ,ローマ字,メールアドレス,入社日,部署,職種,等級";
const plan = (rows: string[], extraHeader = "") => {
  const table = parseCsv(new TextEncoder().encode([header + extraHeader, ...rows].join("\n")));
  return planImport(table, guessMapping(table.headers), snapshot);
};

describe("import plan", () => {
  it("creates the departments a path names that the tree lacks, below the ones it has", () => {
    const result = plan(["1001,山田 太郎,ヤマダ タロウ,Taro Yamada,t@example.com,2024/04/01,本社/営業部/第二課/A班,営業,2"]);
    expect(result.errors).toEqual([]);
    expect(result.departments).toEqual([
      { key: "本社/営業部/第二課", code: departmentCodeForPath(["本社", "営業部", "第二課"]), nameJa: "第二課", parent: { id: 2 } },
      { key: "本社/営業部/第二課/A班", code: departmentCodeForPath(["本社", "営業部", "第二課", "A班"]), nameJa: "A班", parent: { newKey: "本社/営業部/第二課" } },
    ]);
    expect(result.counts).toMatchObject({ creates: 3, errors: 0 });
  });

  it("without a manager column, the manager is the nearest department head above the person", () => {
    const result = plan(["1001,山田 太郎,ヤマダ タロウ,Taro Yamada,t@example.com,2024/04/01,本社/営業部,営業,2"]);
    expect(result.people[0]?.managerNumber).toBe("9001");
  });

  it("reports every bad row with its row number, column, value and reason", () => {
    const result = plan(
      [
        "1001,山田 太郎,ヤマダ タロウ,Taro Yamada,t@example.com,2024/02/30,本社,営業,2,",
        "1002,山田 花子,山田 花子,Hanako Yamada,h@example.com,2024/04/01,本社,営業,2,",
        "1003,鈴木 一,スズキ ハジメ,Hajime Suzuki,9001@example.com,2024/04/01,本社,課長,2,",
        "1004,鈴木 二,スズキ ジ,Ji Suzuki,j@example.com,2024/04/01,本社,営業,2,1005",
        "1005,鈴木 三,スズキ サン,San Suzuki,s@example.com,2024/04/01,本社,営業,2,1004",
      ],
      ",上長社員番号",
    );
    expect(result.errors).toEqual([
      { line: 2, column: "入社日", value: "2024/02/30", code: "invalidDate" },
      { line: 3, column: "フリガナ", value: "山田 花子", code: "invalidKana" },
      { line: 4, column: "職種", value: "課長", code: "unknownRole" },
      { line: 5, column: "上長社員番号", value: "1005", code: "managerCycle" },
      { line: 6, column: "上長社員番号", value: "1004", code: "managerCycle" },
    ]);
  });
});
