/**
 * Field errors as the server sends them: the tRPC error formatter turns a zod refusal into
 * `data.fieldErrors`, one translated message per field path ("motivation", "steps.0.dueOn").
 * Pure functions, so the mapping is tested without React.
 */
export type FieldErrors = Readonly<Record<string, string>>;

/** A client-side message for a field (e.g. "write a motivation first"), or nothing to say. */
export type LocalFieldErrors = Readonly<Record<string, string | false | null | undefined>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** The per-field messages of a refused request; none for any other error (or no error). */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isRecord(error) || !isRecord(error.data) || !isRecord(error.data.fieldErrors)) return {};
  return Object.fromEntries(Object.entries(error.data.fieldErrors).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** Server messages with the form's own checks on top: a local message wins for its field. */
export function mergeFieldErrors(server: FieldErrors, local: LocalFieldErrors = {}): FieldErrors {
  const merged: Record<string, string> = { ...server };
  for (const [field, message] of Object.entries(local)) if (message) merged[field] = message;
  return merged;
}

/**
 * The message about this field or anything inside it: a list of chosen roles shows the refusal of
 * its third item (`targetRoleIds.2`) beside the list, since the item has no control of its own.
 */
export function errorWithin(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([key]) => key.startsWith(`${path}.`))?.[1];
}
