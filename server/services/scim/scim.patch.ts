import { invalidValue, ScimError } from "./scim.errors";
import { parseScimFilter, satisfies } from "./scim.filter";

/*
 * SCIM PATCH (RFC 7644 §3.5.2) applied to a resource as JSON, before it is read back into our
 * fields. Written for what the identity providers actually send:
 * - Entra ID: capitalised ops ("Replace", "Add", "Remove"), string booleans ("False"), extension
 *   attributes as URN-qualified paths (`urn:…:enterprise:2.0:User:department`), the manager as a
 *   bare id string, and filtered paths such as `emails[type eq "work"].value`;
 * - Okta: `{"op":"replace","value":{"active":false}}`, with no path and an object of attributes.
 */

export const PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

export type ScimResource = Record<string, unknown>;
type Operation = { op: "add" | "replace" | "remove"; path: string | null; value: unknown };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The operations of a PATCH body, with their ops lower-cased; a body of another shape is refused. */
export function readPatchOperations(body: unknown): Operation[] {
  if (!isObject(body)) throw new ScimError(400, "The body is not a PatchOp message.", "invalidSyntax");
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations) || operations.length === 0) throw new ScimError(400, "A PatchOp message needs Operations.", "invalidSyntax");
  return operations.map((operation: unknown) => {
    if (!isObject(operation) || typeof operation.op !== "string") throw new ScimError(400, "Each operation needs an op.", "invalidSyntax");
    const op = operation.op.toLowerCase();
    if (op !== "add" && op !== "replace" && op !== "remove") throw new ScimError(400, `Unknown op "${operation.op}".`, "invalidSyntax");
    const path = typeof operation.path === "string" && operation.path.trim() ? operation.path.trim() : null;
    if (op === "remove" && path === null) throw new ScimError(400, "A remove needs a path.", "noTarget");
    if (op !== "remove" && operation.value === undefined) throw invalidValue(`The ${op} operation has no value.`);
    return { op, path, value: operation.value };
  });
}

/** A path split into where it points: an extension (or the core resource), an attribute, an optional value filter and sub-attribute. */
type Target = { schema: string | null; attribute: string; filter: string | null; subAttribute: string | null };

function parsePath(path: string, extensions: readonly string[]): Target {
  let rest = path;
  let schema: string | null = null;
  const extension = extensions.find((urn) => rest.toLowerCase().startsWith(`${urn.toLowerCase()}:`));
  if (extension) {
    schema = extension;
    rest = rest.slice(extension.length + 1);
  } else if (rest.toLowerCase().startsWith("urn:")) {
    const core = /^urn:ietf:params:scim:schemas:core:2\.0:(User|Group):/i.exec(rest);
    if (!core) throw new ScimError(400, `The path "${path}" names an unknown schema.`, "invalidPath");
    rest = rest.slice(core[0].length);
  }
  const matched = /^([A-Za-z][\w-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w-]*))?$/.exec(rest);
  if (!matched) throw new ScimError(400, `The path "${path}" is not supported.`, "invalidPath");
  return { schema, attribute: matched[1]!, filter: matched[2] ?? null, subAttribute: matched[3] ?? null };
}

/** The attribute's key in `container`, matched case-insensitively as SCIM attribute names are. */
function keyOf(container: Record<string, unknown>, attribute: string): string {
  return Object.keys(container).find((key) => key.toLowerCase() === attribute.toLowerCase()) ?? attribute;
}

function containerFor(resource: ScimResource, schema: string | null): Record<string, unknown> {
  if (schema === null) return resource;
  const existing = resource[schema];
  if (isObject(existing)) return existing;
  const created: Record<string, unknown> = {};
  resource[schema] = created;
  return created;
}

function matchesFilter(element: unknown, filter: string): boolean {
  if (!isObject(element)) return false;
  return parseScimFilter(filter).every((comparison) => satisfies(element[keyOf(element, comparison.attribute)], comparison));
}

/** A value filter's equalities as the attributes of a new element (`type eq "work"` → `{type: "work"}`). */
function elementFromFilter(filter: string): Record<string, unknown> {
  return Object.fromEntries(parseScimFilter(filter).flatMap((comparison) => (comparison.operator === "eq" ? [[comparison.attribute, comparison.value]] : [])));
}

function applyAt(resource: ScimResource, op: Operation["op"], target: Target, value: unknown): void {
  const container = containerFor(resource, target.schema);
  const key = keyOf(container, target.attribute);
  if (target.filter !== null) {
    const list = Array.isArray(container[key]) ? (container[key] as unknown[]) : [];
    const matching = list.filter((element) => matchesFilter(element, target.filter!));
    if (op === "remove") {
      container[key] = target.subAttribute === null ? list.filter((element) => !matching.includes(element)) : list.map((element) => (matching.includes(element) && isObject(element) ? omit(element, target.subAttribute!) : element));
      return;
    }
    if (matching.length === 0) {
      const created = elementFromFilter(target.filter);
      if (target.subAttribute === null) {
        if (!isObject(value)) throw invalidValue(`The value for "${target.attribute}[${target.filter}]" must be an object.`);
        Object.assign(created, value);
      } else {
        created[target.subAttribute] = value;
      }
      container[key] = [...list, created];
      return;
    }
    for (const element of matching as Record<string, unknown>[]) {
      if (target.subAttribute === null) {
        if (!isObject(value)) throw invalidValue(`The value for "${target.attribute}[${target.filter}]" must be an object.`);
        Object.assign(element, value);
      } else {
        element[keyOf(element, target.subAttribute)] = value;
      }
    }
    return;
  }
  if (target.subAttribute !== null) {
    const parent = isObject(container[key]) ? (container[key] as Record<string, unknown>) : {};
    container[key] = parent;
    if (op === "remove") delete parent[keyOf(parent, target.subAttribute)];
    else parent[keyOf(parent, target.subAttribute)] = value;
    return;
  }
  if (op === "remove") {
    delete container[key];
  } else if (op === "add" && Array.isArray(container[key]) && Array.isArray(value)) {
    container[key] = [...(container[key] as unknown[]), ...value];
  } else if (isObject(container[key]) && isObject(value)) {
    // A complex attribute merges (RFC 7644 §3.5.2.1/3), except the manager, which names one person.
    container[key] = op === "replace" && target.attribute.toLowerCase() === "manager" ? value : { ...(container[key] as Record<string, unknown>), ...value };
  } else {
    container[key] = value;
  }
}

function omit(element: Record<string, unknown>, attribute: string) {
  const copy = { ...element };
  delete copy[keyOf(copy, attribute)];
  return copy;
}

/** The resource after the operations, in order; `extensions` are the schema URNs whose attributes a path may qualify. */
export function applyPatch(resource: ScimResource, body: unknown, extensions: readonly string[]): ScimResource {
  const patched = structuredClone(resource);
  for (const operation of readPatchOperations(body)) {
    if (operation.path !== null) {
      applyAt(patched, operation.op, parsePath(operation.path, extensions), operation.value);
      continue;
    }
    if (!isObject(operation.value)) throw invalidValue("An operation without a path needs an object of attributes as its value.");
    for (const [attribute, value] of Object.entries(operation.value)) {
      const extension = extensions.find((urn) => urn.toLowerCase() === attribute.toLowerCase());
      if (extension && isObject(value)) {
        for (const [inner, innerValue] of Object.entries(value)) applyAt(patched, operation.op, parsePath(`${extension}:${inner}`, extensions), innerValue);
      } else if (attribute.toLowerCase() !== "schemas") {
        applyAt(patched, operation.op, parsePath(attribute, extensions), value);
      }
    }
  }
  return patched;
}

/** A SCIM boolean as providers send it: true/false, or Entra's "True"/"False" strings. */
export function scimBoolean(value: unknown, attribute: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw invalidValue(`"${attribute}" must be true or false.`);
}
