import { and, gte, isNull, lte, or } from "drizzle-orm";
import { memberships } from "@/db/schema";

/** Concurrent posts (兼務) held on this day (YYYY-MM-DD, Japan time): started, and not yet ended. */
export const currentMembership = (today: string) => and(lte(memberships.startOn, today), or(isNull(memberships.endOn), gte(memberships.endOn, today)));
