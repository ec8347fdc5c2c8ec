import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";
import { people } from "./people";

/** A career conversation (キャリア面談 / 1on1): the part both the report and the manager see. */
export const careerConversations = pgTable(
  "career_conversations",
  {
    id: id(),
    personId: integer()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    /** The manager who held it (stays the author after the person moves on). */
    managerId: integer()
      .notNull()
      .references(() => people.id),
    heldOn: date({ mode: "string" }).notNull(),
    sharedNotes: text().notNull().default(""),
    nextOn: date({ mode: "string" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.personId, t.heldOn), index().on(t.managerId)],
);
export type CareerConversation = typeof careerConversations.$inferSelect;

/**
 * The manager's private notes, in a table of their own so that no query for the report can
 * select them by accident. Readable by their author only.
 */
export const conversationPrivateNotes = pgTable(
  "conversation_private_notes",
  {
    conversationId: integer()
      .primaryKey()
      .references(() => careerConversations.id, { onDelete: "cascade" }),
    authorId: integer()
      .notNull()
      .references(() => people.id),
    notes: text().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.authorId)],
);

/** Agreed next steps, each with an owner and a due date. */
export const conversationSteps = pgTable(
  "conversation_steps",
  {
    id: id(),
    conversationId: integer()
      .notNull()
      .references(() => careerConversations.id, { onDelete: "cascade" }),
    description: text().notNull(),
    ownerId: integer()
      .notNull()
      .references(() => people.id),
    dueOn: date({ mode: "string" }),
    doneAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [index().on(t.conversationId), index().on(t.ownerId)],
);
