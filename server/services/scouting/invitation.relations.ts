import { and, eq, ne, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { opportunities, people, scoutInvites } from "@/db/schema";

/** The invited person, joined on `scoutInvites.personId` (a query may also join the sender as `people`). */
export const invitee = alias(people, "invitee");

/**
 * Sealed invitations: an invitation reaches its invitee — notified, listed, answerable — only while
 * they are open to scouting, and a pending one only while its posting is open. Checked when it is
 * delivered and read, never when it is sent, so the sender learns nothing of the opt-in. For a query
 * over `scoutInvites` joined to `invitee` and to its `opportunities`.
 */
export const reachesInvitee: SQL = and(eq(invitee.openToScouting, true), or(ne(scoutInvites.status, "pending"), eq(opportunities.status, "open")))!;
