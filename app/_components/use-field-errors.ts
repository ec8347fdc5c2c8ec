import { errorWithin, type FieldErrors, fieldErrorsOf, type LocalFieldErrors, mergeFieldErrors } from "./field-errors";

export type FieldErrorReader = {
  /** The message about exactly this path, the form's own check first, e.g. `errorFor("motivation")`. */
  errorFor: (path: string) => string | undefined;
  /** The message about this path or anything inside it (`skills` also reports `skills.2.level`). */
  errorWithin: (path: string) => string | undefined;
  /** Only what the server said, e.g. to avoid repeating an inline message in the form's status line. */
  serverErrors: FieldErrors;
};

/**
 * The one way a form reads its field errors: the translated messages the server attached to a
 * tRPC error, plus the form's own checks (`{ motivation: missing && t("motivationMissing") }`).
 */
export function useFieldErrors(error: unknown, local?: LocalFieldErrors): FieldErrorReader {
  const serverErrors = fieldErrorsOf(error);
  const errors = mergeFieldErrors(serverErrors, local);
  return {
    errorFor: (path) => errors[path],
    errorWithin: (path) => errorWithin(errors, path),
    serverErrors,
  };
}
