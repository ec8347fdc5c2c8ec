import { sql } from "drizzle-orm";
import { applications } from "@/db/schema";

/**
 * Whether an application's open release step went to HR — past its deadline (the escalation job)
 * or with nobody left to ask (the organisation sync) — read with the application row, as the
 * workflow state's `releaseEscalated`. A decided step escalates nothing.
 */
export const releaseEscalated = sql<boolean>`exists (
  select 1 from approval_steps as open_release
  where open_release.application_id = ${applications.id} and open_release.step = 'manager_release'
    and open_release.decided_at is null and open_release.escalated_at is not null
)`.mapWith(Boolean);
