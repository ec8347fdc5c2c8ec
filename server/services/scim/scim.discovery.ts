import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, KAKEZAN_SCHEMA, USER_SCHEMA } from "./scim.mapping";

/*
 * The discovery resources (RFC 7644 §4): what this server supports, for providers that read them
 * (Okta's and Entra ID's validators do).
 */

export const MAX_PAGE_SIZE = 200;

export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    documentationUri: "https://github.com/kakezan/kakezan#scim-provisioning",
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [{ type: "oauthbearertoken", name: "Bearer token", description: "A token an administrator creates on the SCIM page.", primary: true }],
    meta: { resourceType: "ServiceProviderConfig", location: `${baseUrl}/ServiceProviderConfig` },
  };
}

type Attribute = { name: string; type: "string" | "boolean" | "integer" | "complex" | "reference"; multiValued?: boolean; required?: boolean; uniqueness?: "server"; mutability?: "readOnly"; subAttributes?: Attribute[] };

const attribute = (spec: Attribute): Record<string, unknown> => ({
  name: spec.name,
  type: spec.type,
  multiValued: spec.multiValued ?? false,
  required: spec.required ?? false,
  caseExact: false,
  mutability: spec.mutability ?? "readWrite",
  returned: "default",
  uniqueness: spec.uniqueness ?? "none",
  ...(spec.subAttributes ? { subAttributes: spec.subAttributes.map(attribute) } : {}),
});

const schemaDefinitions = [
  {
    id: USER_SCHEMA,
    name: "User",
    description: "A person: userName is their e-mail address.",
    attributes: [
      { name: "userName", type: "string", required: true, uniqueness: "server" },
      { name: "name", type: "complex", subAttributes: [{ name: "familyName", type: "string", required: true }, { name: "givenName", type: "string", required: true }, { name: "formatted", type: "string" }] },
      { name: "displayName", type: "string" },
      { name: "title", type: "string" },
      { name: "emails", type: "complex", multiValued: true, subAttributes: [{ name: "value", type: "string" }, { name: "type", type: "string" }, { name: "primary", type: "boolean" }] },
      { name: "active", type: "boolean" },
    ],
  },
  {
    id: ENTERPRISE_SCHEMA,
    name: "EnterpriseUser",
    description: "Employee number, department (code or name) and manager (id or employee number).",
    attributes: [
      { name: "employeeNumber", type: "string", required: true, uniqueness: "server" },
      { name: "department", type: "string" },
      { name: "manager", type: "complex", subAttributes: [{ name: "value", type: "string" }, { name: "displayName", type: "string", mutability: "readOnly" }] },
    ],
  },
  {
    id: KAKEZAN_SCHEMA,
    name: "KakezanUser",
    description: "What no standard attribute holds: kana readings, the romanised name, the role (slug or name), the level (1–4), the hire date.",
    attributes: [
      { name: "familyNameKana", type: "string" },
      { name: "givenNameKana", type: "string" },
      { name: "romanizedName", type: "string" },
      { name: "role", type: "string" },
      { name: "level", type: "integer" },
      { name: "hiredOn", type: "string" },
    ],
  },
  {
    id: GROUP_SCHEMA,
    name: "Group",
    description: "A department (read-only): displayName is its English name, externalId its code.",
    attributes: [
      { name: "displayName", type: "string", mutability: "readOnly" },
      { name: "members", type: "complex", multiValued: true, mutability: "readOnly", subAttributes: [{ name: "value", type: "string" }, { name: "display", type: "string" }] },
    ],
  },
] satisfies { id: string; name: string; description: string; attributes: Attribute[] }[];

export function schemas(baseUrl: string) {
  return schemaDefinitions.map((definition) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    ...definition,
    attributes: definition.attributes.map(attribute),
    meta: { resourceType: "Schema", location: `${baseUrl}/Schemas/${definition.id}` },
  }));
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "User",
      name: "User",
      endpoint: "/Users",
      schema: USER_SCHEMA,
      schemaExtensions: [
        { schema: ENTERPRISE_SCHEMA, required: false },
        { schema: KAKEZAN_SCHEMA, required: false },
      ],
      meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
      id: "Group",
      name: "Group",
      endpoint: "/Groups",
      schema: GROUP_SCHEMA,
      meta: { resourceType: "ResourceType", location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}
