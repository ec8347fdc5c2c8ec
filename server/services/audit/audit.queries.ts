import { and, count, desc, eq, gte, inArray, like, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, people } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { auditScopeOf, workflowAuditEntityTypes } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { personNameMatches } from "../people/person-name.columns";
import { normalizeSearchText } from "../text/normalize";
import { auditEntityTypes, auditExportLimit, type AuditFilters, auditFiltersSchema, type AuditListInput, auditListInput, auditPageSize } from "./audit.schemas";

const entryColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actor: {
    id: people.id,
    familyName: people.familyName,
    givenName: people.givenName,
    romanizedName: people.romanizedName,
    businessName: people.businessName,
  },
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  data: auditLog.data,
};

/** Midnight in Japan at the start of a day (YYYY-MM-DD), and of the day after. */
const startOfDayInJapan = (isoDate: string) => new Date(`${isoDate}T00:00:00+09:00`);
const startOfNextDayInJapan = (isoDate: string) => new Date(startOfDayInJapan(isoDate).getTime() + 86_400_000);

/**
 * What the viewer may read: admins every entry, HR the workflow's entity types; and for both, no
 * entry about an application not yet disclosed whose applicant is below them in the organisation
 * (its current manager or anyone above) — the audit trail tells a manager nothing the workflow does not.
 */
function readableBy(actor: Actor): SQL {
  const scope = auditScopeOf(actor);
  if (!scope) throw new AppError("FORBIDDEN");
  const me = actor.personId;
  const applicationHidden = sql`${auditLog.entityType} = 'application' and exists (
    select 1 from applications a
    where a.id = (case when ${auditLog.entityId} ~ '^[0-9]{1,9}$' then ${auditLog.entityId}::integer end)
      and a.disclosed_at is null
      and a.person_id <> ${me}
      and (a.current_manager_id = ${me} or a.person_id in (
        with recursive below(id) as (
          select id from people where manager_id = ${me}
          union
          select p.id from people p join below on p.manager_id = below.id
        )
        select id from below
      ))
  )`;
  return and(scope === "workflow" ? inArray(auditLog.entityType, [...workflowAuditEntityTypes]) : undefined, sql`not (${applicationHidden})`)!;
}

function matching(filters: AuditFilters): (SQL | undefined)[] {
  const actorQuery = filters.actor ? normalizeSearchText(filters.actor) : "";
  return [
    actorQuery
      ? inArray(
          auditLog.actorId,
          sql`(select ${people.id} from ${people} where ${or(personNameMatches(actorQuery), eq(people.employeeNumber, actorQuery))})`,
        )
      : undefined,
    filters.entityType ? eq(auditLog.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditLog.entityId, filters.entityId) : undefined,
    filters.action ? like(auditLog.action, `${filters.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    filters.fromDate ? gte(auditLog.at, startOfDayInJapan(filters.fromDate)) : undefined,
    filters.toDate ? lt(auditLog.at, startOfNextDayInJapan(filters.toDate)) : undefined,
  ];
}

async function entries(db: Executor, where: SQL | undefined, limit: number, offset: number) {
  const rows = await db
    .select(entryColumns)
    .from(auditLog)
    .leftJoin(people, eq(people.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .offset(offset);
  // A left join gives an actor of nulls for the system's own entries (jobs, escalations).
  return rows.map((row) => ({ ...row, actor: row.actor?.id == null ? null : row.actor }));
}

/** One page of the audit trail the viewer may read, newest first, with the filters applied. */
export async function listAudit(db: Executor, actor: Actor, rawInput: AuditListInput) {
  const input = auditListInput.parse(rawInput);
  const where = and(readableBy(actor), ...matching(input.filters));
  const [[totalRow], items] = await Promise.all([
    db.select({ total: count() }).from(auditLog).where(where),
    entries(db, where, auditPageSize, (input.page - 1) * auditPageSize),
  ]);
  const total = Number(totalRow?.total ?? 0);
  return {
    items,
    total,
    page: input.page,
    pages: Math.max(1, Math.ceil(total / auditPageSize)),
    entityTypes: auditScopeOf(actor) === "workflow" ? [...workflowAuditEntityTypes] : [...auditEntityTypes],
  };
}

/** The entries for a CSV export: the newest `auditExportLimit` within the filters, and whether more were left out. */
export async function exportAudit(db: Executor, actor: Actor, rawFilters: AuditFilters) {
  const filters = auditFiltersSchema.parse(rawFilters);
  const rows = await entries(db, and(readableBy(actor), ...matching(filters)), auditExportLimit + 1, 0);
  return { items: rows.slice(0, auditExportLimit), truncated: rows.length > auditExportLimit };
}
