import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { demoPersonas } from "@/db/seed/personas";
import { departments, people, roles } from "@/db/schema";
import { AppError } from "@/server/errors";
import { createSessionForPerson, type NewSession } from "./session.service";
import { personNameColumns } from "../people/person-name.columns";

export type DemoPersonaCard = {
  key: string;
  personId: number;
  familyName: string;
  givenName: string;
  romanizedName: string;
  department: { ja: string; en: string };
  role: { ja: string; en: string };
};

function assertDemoEnabled(enabled: boolean): void {
  // Demo sign-in skips authentication entirely: it must be impossible unless explicitly turned on.
  if (!enabled) throw new AppError("FORBIDDEN", "demoSignInDisabled");
}

/** The demo personas (one per role), for the one-click demo sign-in page. */
export async function listDemoPersonas(db: Database, options: { enabled: boolean }): Promise<DemoPersonaCard[]> {
  assertDemoEnabled(options.enabled);
  const numbers = demoPersonas.map((persona) => persona.employeeNumber);
  const rows = await db
    .select({
      ...personNameColumns,
      employeeNumber: people.employeeNumber,
      departmentJa: departments.nameJa,
      departmentEn: departments.nameEn,
      roleJa: roles.nameJa,
      roleEn: roles.nameEn,
    })
    .from(people)
    .innerJoin(departments, eq(departments.id, people.departmentId))
    .innerJoin(roles, eq(roles.id, people.roleId))
    .where(inArray(people.employeeNumber, numbers))
    .orderBy(asc(people.id));
  const byNumber = new Map(rows.map((row) => [row.employeeNumber, row]));
  return demoPersonas.flatMap((persona) => {
    const row = byNumber.get(persona.employeeNumber);
    if (!row) return [];
    return [
      {
        key: persona.key,
        personId: row.id,
        familyName: row.familyName,
        givenName: row.givenName,
        romanizedName: row.romanizedName,
        department: { ja: row.departmentJa, en: row.departmentEn },
        role: { ja: row.roleJa, en: row.roleEn },
      },
    ];
  });
}

/** Signs in as a demo persona: only personas on the list, only in demo mode. */
export async function startDemoSession(db: Database, personId: number, options: { enabled: boolean }): Promise<NewSession> {
  const personas = await listDemoPersonas(db, options);
  if (!personas.some((persona) => persona.personId === personId)) throw new AppError("NOT_FOUND");
  return createSessionForPerson(db, personId);
}
