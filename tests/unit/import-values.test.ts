import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText, parseCsv } from "../../server/services/import/import.decode";
import { detectSourceSystem, guessMapping, missingFields } from "../../server/services/import/import.headers";
import { cleanCell, hasLeft, normaliseKana, parseDate, parseLevel, postKind, splitDepartmentPath, splitList, splitName } from "../../server/services/import/import.values";

describe("import values", () => {
  it.each([
    ["2024/04/01", "2024-04-01"],
    ["2024-4-1", "2024-04-01"],
    ["20240401", "2024-04-01"],
    ["2024年4月1日", "2024-04-01"],
    ["令和6年4月1日", "2024-04-01"],
    ["R6.4.1", "2024-04-01"],
    ["令和元年5月1日", "2019-05-01"],
    ["平成31年4月30日", "2019-04-30"],
    ["Ｈ３０．４．１", "2018-04-01"],
    ["２０２４／０４／０１", "2024-04-01"],
  ])("reads %s as %s", (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  it.each(["2024/02/30", "令和元年4月30日", "20241301", "昨日", ""])("refuses %s", (raw) => {
    expect(parseDate(raw)).toBeNull();
  });

  it("stores readings in full-width katakana whether typed in hiragana, half-width or full-width", () => {
    expect(normaliseKana("やまだ")).toBe("ヤマダ");
    expect(normaliseKana("ﾔﾏﾀﾞ")).toBe("ヤマダ");
    expect(normaliseKana("ヤマダ")).toBe("ヤマダ");
    expect(normaliseKana("山田")).toBeNull();
  });

  it("splits whole names at the first space, full-width or not", () => {
    expect(splitName("山田　太郎")).toEqual({ family: "山田", given: "太郎" });
    expect(splitName("ﾔﾏﾀﾞ ﾀﾛｳ")).toEqual({ family: "ヤマダ", given: "タロウ" });
    expect(splitName("山田太郎")).toBeNull();
  });

  it("reads department paths, lists, post kinds, statuses and levels", () => {
    expect(splitDepartmentPath("本社/営業部/第一課")).toEqual(["本社", "営業部", "第一課"]);
    expect(splitDepartmentPath("本社 ＞ 営業部")).toEqual(["本社", "営業部"]);
    expect(splitList("営業部;開発部\n人事部")).toEqual(["営業部", "開発部", "人事部"]);
    expect(postKind("兼務")).toBe("concurrent");
    expect(postKind("主務")).toBe("primary");
    expect(postKind("派遣")).toBeNull();
    expect(hasLeft("退職")).toBe(true);
    expect(hasLeft("在籍")).toBe(false);
    expect(parseLevel("３")).toBe(3);
    expect(parseLevel("G2")).toBe(2);
    expect(parseLevel("5")).toBe(5);
    expect(parseLevel("課長")).toBeNull();
    expect(cleanCell(" ＡＢＣ　１ ")).toBe("ABC 1");
  });
});

describe("import files", () => {
  const csv = "社員番号,氏名\r\n0001,山田 太郎\r\n";

  it("detects UTF-8 with and without BOM and CP932 without being told", () => {
    expect(decodeText(new TextEncoder().encode(csv))).toEqual({ encoding: "utf-8", text: csv });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]))).toEqual({ encoding: "utf-8-bom", text: csv });
    expect(decodeText(iconv.encode(csv, "cp932"))).toEqual({ encoding: "cp932", text: csv });
    // CP932's own characters (NEC and IBM extensions) come through.
    expect(decodeText(iconv.encode("①髙﨑", "cp932")).text).toBe("①髙﨑");
  });

  it("marks the row whose bytes decode in neither encoding, keeping the others", () => {
    const good = iconv.encode("社員番号,氏名\r\n0001,山田 太郎\r\n", "cp932");
    const table = parseCsv(new Uint8Array([...good, 0x30, 0x30, 0x30, 0x32, 0x2c, 0x82, 0xff, 0x0d, 0x0a]));
    expect(table.encoding).toBe("cp932");
    expect(table.rows.map((row) => [row.line, row.brokenEncoding])).toEqual([
      [2, false],
      [3, true],
    ]);
  });

  it("parses quoted cells with commas and newlines, numbering rows as the file does", () => {
    const table = parseCsv(new TextEncoder().encode('社員番号,兼務部署\n0001,"営業部\n開発部"\n\n0002,"a, b"\n'));
    expect(table.rows.map((row) => [row.line, row.cells])).toEqual([
      [2, ["0001", "営業部\n開発部"]],
      [3, ["0002", "a, b"]],
    ]);
  });
});

describe("import headers", () => {
  it("maps each HR system's headers and tells the systems apart", () => {
    const smartHr = ["社員番号", "姓", "名", "姓（ヨミガナ）", "名（ヨミガナ）", "ビジネスネーム（姓）", "入社年月日", "部署", "メールアドレス"];
    expect(detectSourceSystem(smartHr)).toBe("smarthr");
    expect(guessMapping(smartHr)).toMatchObject({ employeeNumber: "社員番号", familyName: "姓", givenNameKana: "名（ヨミガナ）", hiredOn: "入社年月日", departmentPath: "部署" });
    expect(detectSourceSystem(["従業員番号", "氏名", "氏名（カナ）", "部門コード"])).toBe("freee");
    expect(detectSourceSystem(["社員番号", "氏名", "フリガナ", "所属1", "所属2"])).toBe("kaonavi");
    expect(guessMapping(["所属1", "所属2", "level3"])).toEqual({ departmentLevel1: "所属1", departmentLevel2: "所属2", departmentLevel3: "level3" });
    expect(detectSourceSystem(["社員コード", "姓", "名", "セイ", "メイ"])).toBe("hrmos");
    expect(detectSourceSystem(["Employee ID", "Name"])).toBe("generic");
    expect(guessMapping(["Employee ID", "E-mail"])).toEqual({ employeeNumber: "Employee ID", email: "E-mail" });
  });

  it("names what a mapping lacks", () => {
    expect(missingFields({ employeeNumber: "社員番号" })).toEqual(["email", "hiredOn", "role", "level", "romanizedName", "fullName", "fullNameKana", "departmentPath"]);
  });
});
