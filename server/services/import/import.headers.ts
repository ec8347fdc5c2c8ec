import { cleanCell } from "./import.values";

/*
 * Which column of an HR system's export holds which Kakezan field. Headers are matched by their
 * known synonyms (SmartHR, freee人事労務, kaonavi, HRMOS and English exports), full-width and
 * spacing folded; the administrator may correct the mapping, which is remembered per source.
 */

export const importFields = [
  "employeeNumber",
  "familyName",
  "givenName",
  "fullName",
  "familyNameKana",
  "givenNameKana",
  "fullNameKana",
  "businessName",
  "romanizedName",
  "email",
  "hiredOn",
  "departmentCode",
  "departmentPath",
  "postKind",
  "concurrentDepartments",
  "role",
  "level",
  "managerNumber",
  "status",
  "skills",
] as const;
export type ImportField = (typeof importFields)[number];

export function isImportField(field: string): field is ImportField {
  return (importFields as readonly string[]).includes(field);
}

/** A department given as one column per level of the tree (level1 … levelN, 所属1 … 所属N). */
export const DEPARTMENT_LEVEL_PREFIX = "departmentLevel";

/** Kakezan field (or `departmentLevelN`) → the file's header. */
export type ColumnMapping = Record<string, string>;

const synonyms: Record<ImportField, string[]> = {
  employeeNumber: ["社員番号", "社員コード", "従業員番号", "従業員コード", "社員No", "社員ID", "employee id", "employee number", "employee no", "employee code"],
  familyName: ["姓", "氏", "苗字", "戸籍上の姓", "last name", "family name", "surname"],
  givenName: ["名", "名前", "戸籍上の名", "first name", "given name"],
  fullName: ["氏名", "社員名", "従業員名", "フルネーム", "name", "full name"],
  familyNameKana: ["姓(ヨミガナ)", "姓(カナ)", "姓(フリガナ)", "セイ", "せい", "姓カナ", "last name kana"],
  givenNameKana: ["名(ヨミガナ)", "名(カナ)", "名(フリガナ)", "メイ", "めい", "名カナ", "first name kana"],
  fullNameKana: ["氏名(カナ)", "氏名(フリガナ)", "フリガナ", "ふりがな", "カナ氏名", "氏名カナ", "name kana"],
  businessName: ["ビジネスネーム", "通称", "通称名", "business name"],
  romanizedName: ["氏名(英字)", "氏名(ローマ字)", "ローマ字", "英語表記", "英字氏名", "romanized name", "english name", "name (english)"],
  email: ["メールアドレス", "社用メールアドレス", "業務用メールアドレス", "メール", "e-mail", "email", "email address", "work email"],
  hiredOn: ["入社日", "入社年月日", "入社年月", "雇用開始日", "hire date", "hired on", "joined on", "start date"],
  departmentCode: ["部署コード", "部門コード", "所属コード", "組織コード", "department code"],
  departmentPath: ["部署", "部門", "所属", "所属部署", "組織", "部署パス", "所属組織", "department", "department path"],
  postKind: ["主務/兼務", "主務・兼務", "所属区分", "兼務区分", "post kind", "primary/concurrent"],
  concurrentDepartments: ["兼務部署", "兼務先", "兼務部門", "兼務", "concurrent departments"],
  role: ["職種", "職務", "ロール", "役割", "job role", "role", "job"],
  level: ["等級", "グレード", "職能等級", "レベル", "grade", "level"],
  managerNumber: ["上長社員番号", "上長の社員番号", "上長社員コード", "上司社員番号", "評価者社員番号", "上長", "manager employee id", "manager id", "manager"],
  status: ["在籍状況", "在籍区分", "雇用状態", "ステータス", "status", "employment status"],
  skills: ["スキル", "保有スキル", "skills"],
};

function key(header: string): string {
  return cleanCell(header).toLowerCase().replace(/[\s_]/g, "");
}

const byKey = new Map<string, ImportField>(Object.entries(synonyms).flatMap(([field, names]) => names.map((name) => [key(name), field as ImportField] as const)));

const LEVEL_HEADER = /^(?:level|所属|部署|部門|組織|階層|第)\s*(\d{1,2})(?:階層)?$/i;

/** The field a header is known to hold, or null. */
export function fieldForHeader(header: string): string | null {
  const known = byKey.get(key(header));
  if (known) return known;
  const level = LEVEL_HEADER.exec(cleanCell(header).replace(/\s/g, ""));
  return level ? `${DEPARTMENT_LEVEL_PREFIX}${Number(level[1])}` : null;
}

/** The mapping guessed from the headers: each field to the first header known to hold it. */
export function guessMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const field = fieldForHeader(header);
    if (field && !(field in mapping)) mapping[field] = header;
  }
  return mapping;
}

/** The department level columns in order (level1 first). */
export function departmentLevelFields(mapping: ColumnMapping): string[] {
  return Object.keys(mapping)
    .filter((field) => field.startsWith(DEPARTMENT_LEVEL_PREFIX))
    .sort((a, b) => Number(a.slice(DEPARTMENT_LEVEL_PREFIX.length)) - Number(b.slice(DEPARTMENT_LEVEL_PREFIX.length)));
}

export const sourceSystems = ["smarthr", "freee", "kaonavi", "hrmos", "generic"] as const;
export type SourceSystem = (typeof sourceSystems)[number];

/** Headers only one system writes, which tell the source apart (the administrator may override it). */
const signatures: [SourceSystem, string[]][] = [
  ["smarthr", ["姓(ヨミガナ)", "名(ヨミガナ)", "入社年月日"]],
  ["freee", ["従業員番号", "氏名(カナ)", "部門コード"]],
  ["kaonavi", ["社員番号", "フリガナ", "所属1"]],
  ["hrmos", ["社員コード", "セイ", "メイ"]],
];

export function detectSourceSystem(headers: string[]): SourceSystem {
  const present = new Set(headers.map(key));
  let best: [SourceSystem, number] = ["generic", 0];
  for (const [system, names] of signatures) {
    const score = names.filter((name) => present.has(key(name))).length;
    if (score > best[1]) best = [system, score];
  }
  return best[1] >= 2 ? best[0] : "generic";
}

/** What a mapping must name for people to be imported: who, how named, where and as what. */
export function missingFields(mapping: ColumnMapping): ImportField[] {
  const has = (field: string) => field in mapping;
  const missing: ImportField[] = [];
  for (const field of ["employeeNumber", "email", "hiredOn", "role", "level", "romanizedName"] as const) if (!has(field)) missing.push(field);
  if (!has("fullName") && !(has("familyName") && has("givenName"))) missing.push("fullName");
  if (!has("fullNameKana") && !(has("familyNameKana") && has("givenNameKana"))) missing.push("fullNameKana");
  if (!has("departmentCode") && !has("departmentPath") && departmentLevelFields(mapping).length === 0) missing.push("departmentPath");
  return missing;
}
