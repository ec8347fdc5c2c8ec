import { z } from "zod";

/**
 * A calendar date (YYYY-MM-DD) in a range PostgreSQL and people can use. zod's ISO date alone
 * accepts year 0000, which the database rejects — that would surface as a server error.
 */
export const calendarDate = z.iso.date().refine((value) => value >= "1900-01-01" && value <= "2999-12-31", { message: "outOfRange" });
