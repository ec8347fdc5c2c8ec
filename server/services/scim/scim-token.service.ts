import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { asSystem } from "@/db/scope";
import { people, scimTokens } from "@/db/schema";
import { type Actor, actorForPerson } from "@/server/auth/actor";
import { canManageScimTokens } from "@/server/auth/policies";
import { AppError } from "@/server/errors";
import { writeAudit } from "../audit/audit.service";
import { type ScimTokenNameInput, type ScimTokenRow, scimTokenIdInput, scimTokenNameInput } from "./scim.schemas";

/*
 * Bearer tokens for the SCIM endpoint. The secret is shown once, when created or rotated; only its
 * SHA-256 is stored (a random 256-bit secret needs no slow hash). A request acts as the
 * administrator who made the token, so the organisation services' own checks and audit rows
 * apply; a token whose maker is no longer an active administrator stops working.
 */

const TOKEN_PREFIX = "kzscim_";

export const hashScimToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

function requireTokenAdmin(actor: Actor) {
  if (!canManageScimTokens(actor)) throw new AppError("FORBIDDEN");
}

export async function listScimTokens(db: Executor, actor: Actor): Promise<ScimTokenRow[]> {
  requireTokenAdmin(actor);
  return asSystem(db, (tx) =>
    tx
      .select({
        id: scimTokens.id,
        name: scimTokens.name,
        createdBy: people.romanizedName,
        createdAt: scimTokens.createdAt,
        lastUsedAt: scimTokens.lastUsedAt,
        revokedAt: scimTokens.revokedAt,
      })
      .from(scimTokens)
      .innerJoin(people, eq(people.id, scimTokens.createdById))
      .orderBy(scimTokens.revokedAt, desc(scimTokens.id)),
  );
}

async function issue(tx: Executor, actor: Actor, name: string) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const [row] = await tx.insert(scimTokens).values({ name, tokenHash: hashScimToken(token), createdById: actor.personId }).returning({ id: scimTokens.id });
  await writeAudit(tx, { actorId: actor.personId, action: "scim_token.create", entityType: "scim_token", entityId: row!.id, data: { name } });
  return { id: row!.id, token };
}

export async function createScimToken(db: Executor, actor: Actor, rawInput: ScimTokenNameInput): Promise<{ id: number; token: string }> {
  requireTokenAdmin(actor);
  const { name } = scimTokenNameInput.parse(rawInput);
  return asSystem(db, (tx) => issue(tx, actor, name));
}

async function revokeLive(tx: Executor, actor: Actor, tokenId: number) {
  const [revoked] = await tx
    .update(scimTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(scimTokens.id, tokenId), isNull(scimTokens.revokedAt)))
    .returning({ name: scimTokens.name });
  if (!revoked) throw new AppError("NOT_FOUND");
  await writeAudit(tx, { actorId: actor.personId, action: "scim_token.revoke", entityType: "scim_token", entityId: tokenId, data: { name: revoked.name } });
  return revoked;
}

/** Ends a live token: the next request with it is refused. */
export async function revokeScimToken(db: Executor, actor: Actor, rawInput: { tokenId: number }): Promise<{ id: number }> {
  requireTokenAdmin(actor);
  const { tokenId } = scimTokenIdInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    await revokeLive(tx, actor, tokenId);
    return { id: tokenId };
  });
}

/** Replaces a live token by a new one with the same name, made by the caller: the old one stops at once. */
export async function rotateScimToken(db: Executor, actor: Actor, rawInput: { tokenId: number }): Promise<{ id: number; token: string }> {
  requireTokenAdmin(actor);
  const { tokenId } = scimTokenIdInput.parse(rawInput);
  return asSystem(db, async (tx) => {
    const { name } = await revokeLive(tx, actor, tokenId);
    return issue(tx, actor, name);
  });
}

/**
 * The actor a SCIM request acts as: the maker of the live token in `Authorization: Bearer …`, if
 * they are still an active administrator; else null (401). Marks the token used.
 */
export async function authenticateScimRequest(db: Executor, authorization: string | null, now = new Date()): Promise<Actor | null> {
  const matched = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!matched?.[1]?.startsWith(TOKEN_PREFIX)) return null;
  const tokenHash = hashScimToken(matched[1]);
  const creatorId = await asSystem(db, async (tx) => {
    const [used] = await tx
      .update(scimTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(scimTokens.tokenHash, tokenHash), isNull(scimTokens.revokedAt)))
      .returning({ createdById: scimTokens.createdById });
    return used?.createdById ?? null;
  });
  if (creatorId === null) return null;
  const actor = await actorForPerson(db, creatorId);
  return actor && canManageScimTokens(actor) ? actor : null;
}
