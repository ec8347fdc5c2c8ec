import { randomUUID } from "node:crypto";
import { ZodError } from "zod";
import type { Database } from "@/db/client";
import { AppError } from "@/server/errors";
import { serverTranslator } from "@/server/i18n";
import { log, safeError } from "@/server/log";
import { MAX_PAGE_SIZE, resourceTypes, schemas, serviceProviderConfig } from "@/server/services/scim/scim.discovery";
import { ScimError } from "@/server/services/scim/scim.errors";
import { LIST_SCHEMA } from "@/server/services/scim/scim.mapping";
import { getScimGroup, listScimGroups } from "@/server/services/scim/scim-groups.service";
import { authenticateScimRequest } from "@/server/services/scim/scim-token.service";
import { createScimUser, deleteScimUser, getScimUser, listScimUsers, type Page, patchScimUser, replaceScimUser } from "@/server/services/scim/scim-users.service";

/*
 * The SCIM 2.0 endpoint, `/scim/v2/…` (RFC 7643/7644), for identity providers (Entra ID, Okta).
 * Every request needs `Authorization: Bearer <token>` (an administrator's SCIM token); errors are
 * SCIM error messages with their status.
 */

const SCIM_CONTENT_TYPE = "application/scim+json";

function scimJson(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), { status, headers: { "content-type": SCIM_CONTENT_TYPE, "cache-control": "no-store", ...headers } });
}

const errorResponse = (error: ScimError) => scimJson(error.status, error.toJSON(), error.status === 401 ? { "www-authenticate": 'Bearer realm="kakezan-scim"' } : {});

/** An organisation service's refusal, in SCIM terms (the English message as detail). */
function fromAppError(error: AppError): ScimError {
  const detail = serverTranslator("en")(`errors.${error.messageKey}` as "errors.notFound", error.params);
  switch (error.code) {
    case "CONFLICT":
      return new ScimError(409, detail, "uniqueness");
    case "NOT_FOUND":
      return new ScimError(404, detail);
    case "FORBIDDEN":
    case "UNAUTHORIZED":
      return new ScimError(403, detail);
    default:
      return new ScimError(400, detail, "invalidValue");
  }
}

function fromZodError(error: ZodError): ScimError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join(".")))].filter(Boolean);
  return new ScimError(400, `Invalid value for ${fields.join(", ") || "the resource"}.`, "invalidValue");
}

/** startIndex is 1-based; count is capped (RFC 7644 §3.4.2.4: out-of-range values are clamped, not refused). */
function pageOf(url: URL): Page {
  const number = (name: string, fallback: number) => {
    const value = url.searchParams.get(name);
    if (value === null || value.trim() === "") return fallback;
    if (!/^-?\d+$/.test(value.trim())) throw new ScimError(400, `${name} must be an integer.`, "invalidValue");
    return Number(value);
  };
  return { startIndex: Math.max(1, Math.min(number("startIndex", 1), 2_000_000_000)), count: Math.max(0, Math.min(number("count", 100), MAX_PAGE_SIZE)) };
}

const listResponse = (page: Page, result: { totalResults: number; resources: unknown[] }) => ({
  schemas: [LIST_SCHEMA],
  totalResults: result.totalResults,
  startIndex: page.startIndex,
  itemsPerPage: result.resources.length,
  Resources: result.resources,
});

/** A fixed list of discovery resources, or the one of them `id` names. */
function listOrOne(all: { id: string }[], id: string | undefined, notFound: () => ScimError): Response {
  if (id === undefined) return scimJson(200, listResponse({ startIndex: 1, count: all.length }, { totalResults: all.length, resources: all }));
  const one = all.find((candidate) => candidate.id === id);
  if (!one) throw notFound();
  return scimJson(200, one);
}

async function jsonBody(request: Request): Promise<Record<string, unknown>> {
  try {
    const body = (await request.json()) as unknown;
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // Refused below like any other non-object body.
  }
  throw new ScimError(400, "The body must be a JSON object.", "invalidSyntax");
}

/** The public base URL of the endpoint, for `location` and `$ref`. */
function baseUrlOf(url: URL): string {
  const configured = process.env.NEXTAUTH_URL?.replace(/\/+$/, "");
  return `${configured || url.origin}/scim/v2`;
}

/** One SCIM request; `path` is what follows `/scim/v2/`. */
export async function handleScimRequest(request: Request, db: Database, path: readonly string[]): Promise<Response> {
  const requestId = randomUUID();
  try {
    const actor = await authenticateScimRequest(db, request.headers.get("authorization"));
    if (!actor) throw new ScimError(401, "A valid bearer token is required.");
    const url = new URL(request.url);
    const baseUrl = baseUrlOf(url);
    const method = request.method.toUpperCase();
    const [resource, id, ...rest] = path;
    const notFound = () => new ScimError(404, `No resource at /${path.join("/")}.`);
    if (rest.length > 0) throw notFound();
    const filter = url.searchParams.get("filter");
    const withMembers = !(url.searchParams.get("excludedAttributes") ?? "").toLowerCase().split(",").includes("members");

    if (method === "GET" && resource === "ServiceProviderConfig" && id === undefined) return scimJson(200, serviceProviderConfig(baseUrl));
    if (method === "GET" && resource === "ResourceTypes") return listOrOne(resourceTypes(baseUrl), id, notFound);
    if (method === "GET" && resource === "Schemas") return listOrOne(schemas(baseUrl), id, notFound);
    if (resource === "Users") {
      if (id === undefined && method === "GET") {
        const page = pageOf(url);
        return scimJson(200, listResponse(page, await listScimUsers(db, baseUrl, filter, page)));
      }
      if (id === undefined && method === "POST") {
        const user = await createScimUser(db, actor, baseUrl, await jsonBody(request));
        return scimJson(201, user, { location: user.meta.location });
      }
      if (id !== undefined && method === "GET") return scimJson(200, await getScimUser(db, baseUrl, id));
      if (id !== undefined && method === "PUT") return scimJson(200, await replaceScimUser(db, actor, baseUrl, id, await jsonBody(request)));
      if (id !== undefined && method === "PATCH") return scimJson(200, await patchScimUser(db, actor, baseUrl, id, await jsonBody(request)));
      if (id !== undefined && method === "DELETE") {
        await deleteScimUser(db, actor, id);
        return scimJson(204, null);
      }
    }
    if (resource === "Groups") {
      if (method !== "GET") throw new ScimError(501, "Groups are departments and read-only: set a person's department with the enterprise extension's department.");
      if (id === undefined) {
        const page = pageOf(url);
        return scimJson(200, listResponse(page, await listScimGroups(db, baseUrl, filter, page, withMembers)));
      }
      return scimJson(200, await getScimGroup(db, baseUrl, id, withMembers));
    }
    throw notFound();
  } catch (error) {
    if (error instanceof ScimError) return errorResponse(error);
    if (error instanceof AppError) return errorResponse(fromAppError(error));
    if (error instanceof ZodError) return errorResponse(fromZodError(error));
    log.error({ requestId, path: "scim", error: safeError(error) }, "unexpected error");
    return errorResponse(new ScimError(500, `Unexpected error (reference ${requestId}).`));
  }
}
