import type { Database } from "@/db/client";
import type { Locale } from "@/server/i18n";
import { csvDocument } from "@/server/services/common/csv";
import { type ExportTable, exportTables, type PeopleExport, type SkillsExport, type WillsExport } from "@/server/services/exports/data-export.schemas";
import { japanDate } from "@/server/services/workflow/business-days";
import { handleCsvDownload } from "./csv-download";

type Bilingual = { ja: string; en: string };
/** The file's language: its locale and its messages (`translate("will.horizon.now")`). */
type Language = { locale: Locale; translate: (key: string) => string };
type Column<Row> = [id: string, value: (row: Row, language: Language) => string];
type Rows<T extends ExportTable> = { people: PeopleExport; skills: SkillsExport; wills: WillsExport }[T][number];

const day = (value: Date | null) => (value ? japanDate(value) : "");
const names = (list: Bilingual[], locale: Locale) => list.map((entry) => entry[locale]).join("; ");
const personColumns: Column<{ employeeNumber: string; familyName: string; givenName: string; romanizedName: string }>[] = [
  ["employeeNumber", (row) => row.employeeNumber],
  ["familyName", (row) => row.familyName],
  ["givenName", (row) => row.givenName],
  ["romanizedName", (row) => row.romanizedName],
];

/** Each export's columns: the header is `exports.columns.<id>` in the file's language. */
const columns: { [T in ExportTable]: Column<Rows<T>>[] } = {
  people: [
    ...personColumns,
    ["familyNameKana", (row) => row.familyNameKana],
    ["givenNameKana", (row) => row.givenNameKana],
    ["email", (row) => row.email],
    ["department", (row, { locale }) => row.department[locale]],
    ["role", (row, { locale }) => row.role[locale]],
    ["level", (row) => String(row.level)],
    ["managerEmployeeNumber", (row) => row.managerEmployeeNumber ?? ""],
    ["hiredOn", (row) => row.hiredOn],
    ["hr", (row, { translate }) => translate(row.isHr ? "exports.yes" : "exports.no")],
    ["admin", (row, { translate }) => translate(row.isAdmin ? "exports.yes" : "exports.no")],
    ["active", (row, { translate }) => translate(row.active ? "exports.yes" : "exports.no")],
    ["leftOn", (row) => row.leftOn ?? ""],
  ],
  skills: [
    ...personColumns,
    ["skill", (row, { locale }) => row.skill[locale]],
    ["skillLevel", (row) => String(row.level)],
    ["evidence", (row) => row.evidence],
    ["verifiedBy", (row) => row.verifiedByEmployeeNumber ?? ""],
    ["verifiedOn", (row) => day(row.verifiedAt)],
  ],
  wills: [
    ...personColumns,
    ["statement", (row) => row.statement],
    ["horizon", (row, { translate }) => translate(`will.horizon.${row.horizon}`)],
    ["openness", (row, { translate }) => translate(`will.openness.${row.openness}`)],
    ["targetRoles", (row, { locale }) => names(row.targetRoles, locale)],
    ["desiredSkills", (row, { locale }) => names(row.desiredSkills, locale)],
    ["updatedOn", (row) => day(row.updatedAt)],
  ],
};

function isExportTable(value: string): value is ExportTable {
  return (exportTables as readonly string[]).includes(value);
}

/**
 * A company-wide export as CSV (admin): `GET /api/exports/<people|skills|wills>?locale=ja|en`,
 * through the `dataExport` procedures, written by the report CSV writer (BOM, formula-safe cells).
 */
export async function handleDataExportRequest(request: Request, db: Database, table: string, now = new Date()): Promise<Response> {
  return handleCsvDownload(request, db, "export.csv", async ({ caller, locale, translate }) => {
    if (!isExportTable(table)) return null;
    const rows: unknown[] = await caller.dataExport[table]();
    const spec = columns[table] as Column<unknown>[];
    const language: Language = { locale, translate: (key) => translate(key as "exports.yes") };
    const header = spec.map(([id]) => language.translate(`exports.columns.${id}`));
    return {
      body: csvDocument([header, ...rows.map((row) => spec.map(([, value]) => value(row, language)))]),
      fileName: `kakezan-${table}-${day(now)}.csv`,
    };
  });
}
