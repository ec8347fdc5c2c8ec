import { and, desc, eq, inArray } from "drizzle-orm";
import type { Database, Executor } from "@/db/client";
import { careerConversations, conversationPrivateNotes, conversationSteps, people } from "@/db/schema";
import type { Actor } from "@/server/auth/actor";
import { canHoldConversationWith, canListConversationsOf, canReadConversation, canReadPrivateNotes } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { type ConversationView, type RecordConversationInput, recordConversationInput } from "./conversation.schemas";
import { personNameColumns } from "../people/person-name.columns";


async function personRelation(db: Executor, personId: number) {
  const [person] = await db
    .select({ id: people.id, managerId: people.managerId })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.active, true)));
  return person ?? null;
}

/**
 * The direct manager records a career conversation: shared notes, next steps with owners and
 * due dates, the next date — and, kept apart, their private notes.
 */
export async function recordConversation(db: Database, actor: Actor, rawInput: RecordConversationInput): Promise<{ id: number }> {
  const input = recordConversationInput.parse(rawInput);
  return db.transaction(async (tx) => {
    const person = await personRelation(tx, input.personId);
    if (!person || !canHoldConversationWith(actor, person)) throw new AppError("NOT_FOUND");
    if (input.steps.some((step) => step.ownerId !== person.id && step.ownerId !== actor.personId)) {
      throw new AppError("BAD_REQUEST", "stepOwnerNotInConversation");
    }
    const [conversation] = await tx
      .insert(careerConversations)
      .values({ personId: person.id, managerId: actor.personId, heldOn: input.heldOn, sharedNotes: input.sharedNotes, nextOn: input.nextOn })
      .returning({ id: careerConversations.id });
    const id = conversation!.id;
    if (input.privateNotes) await tx.insert(conversationPrivateNotes).values({ conversationId: id, authorId: actor.personId, notes: input.privateNotes });
    if (input.steps.length > 0) {
      await tx.insert(conversationSteps).values(input.steps.map((step) => ({ conversationId: id, description: step.description, ownerId: step.ownerId, dueOn: step.dueOn })));
    }
    await writeAudit(tx, { actorId: actor.personId, action: "conversation.record", entityType: "person", entityId: person.id, data: { conversationId: id } });
    return { id };
  });
}

/**
 * A person's conversations as the actor may see them, newest first. Private notes are selected
 * only for the actor's own notes (in the query, not filtered afterwards).
 */
export async function conversationsOf(db: Executor, actor: Actor, personId: number): Promise<ConversationView[]> {
  const person = await personRelation(db, personId);
  if (!person) throw new AppError("NOT_FOUND");
  const rows = await db
    .select({ id: careerConversations.id, managerId: careerConversations.managerId, heldOn: careerConversations.heldOn, sharedNotes: careerConversations.sharedNotes, nextOn: careerConversations.nextOn, manager: personNameColumns })
    .from(careerConversations)
    .innerJoin(people, eq(people.id, careerConversations.managerId))
    .where(eq(careerConversations.personId, personId))
    .orderBy(desc(careerConversations.heldOn), desc(careerConversations.id));
  const visible = rows.filter((row) => canReadConversation(actor, person, row));
  if (visible.length === 0 && !canListConversationsOf(actor, person)) throw new AppError("NOT_FOUND");
  if (visible.length === 0) return [];
  const ids = visible.map((row) => row.id);
  const [notes, steps] = await Promise.all([
    db
      .select({ conversationId: conversationPrivateNotes.conversationId, authorId: conversationPrivateNotes.authorId, notes: conversationPrivateNotes.notes })
      .from(conversationPrivateNotes)
      .where(and(inArray(conversationPrivateNotes.conversationId, ids), eq(conversationPrivateNotes.authorId, actor.personId))),
    db
      .select({ id: conversationSteps.id, conversationId: conversationSteps.conversationId, description: conversationSteps.description, dueOn: conversationSteps.dueOn, doneAt: conversationSteps.doneAt, owner: personNameColumns })
      .from(conversationSteps)
      .innerJoin(people, eq(people.id, conversationSteps.ownerId))
      .where(inArray(conversationSteps.conversationId, ids))
      .orderBy(conversationSteps.id),
  ]);
  return visible.map((row) => {
    const note = notes.find((candidate) => candidate.conversationId === row.id);
    return {
      id: row.id,
      personId,
      manager: row.manager,
      heldOn: row.heldOn,
      sharedNotes: row.sharedNotes,
      nextOn: row.nextOn,
      privateNotes: note && canReadPrivateNotes(actor, note) ? note.notes : null,
      steps: steps.filter((step) => step.conversationId === row.id).map(({ conversationId: _conversationId, ...step }) => step),
    };
  });
}

/** Ticks a next step off (or back on): its owner, or the manager who held the conversation. */
export async function setStepDone(db: Database, actor: Actor, input: { stepId: number; done: boolean }, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    const [step] = await tx
      .select({ id: conversationSteps.id, ownerId: conversationSteps.ownerId, managerId: careerConversations.managerId, personId: careerConversations.personId })
      .from(conversationSteps)
      .innerJoin(careerConversations, eq(careerConversations.id, conversationSteps.conversationId))
      .where(eq(conversationSteps.id, input.stepId))
      .for("update", { of: conversationSteps });
    if (!step || (step.ownerId !== actor.personId && step.managerId !== actor.personId)) throw new AppError("NOT_FOUND");
    await tx.update(conversationSteps).set({ doneAt: input.done ? now : null }).where(eq(conversationSteps.id, step.id));
    await writeAudit(tx, { actorId: actor.personId, action: input.done ? "conversation.step_done" : "conversation.step_reopened", entityType: "person", entityId: step.personId, data: { stepId: step.id } });
  });
}
