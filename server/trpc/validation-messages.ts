import type { ZodError } from "zod";
import type { serverTranslator } from "@/server/i18n";

type Translator = ReturnType<typeof serverTranslator>;
type Issue = ZodError["issues"][number];

function issueMessage(issue: Issue, t: Translator): string {
  switch (issue.code) {
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? t("validation.required") : t("validation.tooShort", { minimum });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.tooFewItems", { minimum });
      return t("validation.tooSmall", { minimum });
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return t("validation.tooLong", { maximum });
      if (issue.origin === "array" || issue.origin === "set") return t("validation.tooManyItems", { maximum });
      return t("validation.tooBig", { maximum });
    }
    case "invalid_type":
      return t("validation.invalidType");
    case "invalid_value":
      return t("validation.invalidOption");
    case "invalid_format":
      return t("validation.invalidFormat");
    case "unrecognized_keys":
      return t("validation.unknownField", { keys: issue.keys.join(", ") });
    default: {
      // A refinement names its message key (e.g. "outOfRange"); anything else is "not valid".
      const key = `validation.${issue.message}` as "validation.invalid";
      return issue.code === "custom" && t.has(key) ? t(key) : t("validation.invalid");
    }
  }
}

function fieldLabel(path: PropertyKey[], t: Translator): string | null {
  // A record's key (a department id in `departmentRotationTargets.17`) names no field: the record does.
  const last = [...path].reverse().find((segment) => typeof segment === "string" && !/^\d+$/.test(segment));
  if (typeof last !== "string") return null;
  const key = `fields.${last}` as "fields.query";
  return t.has(key) ? t(key) : last;
}

/** Translated, per-field messages for the client: `{ "profileStalenessDays": "…は 730 以下にしてください" }`. */
export function translateIssues(error: ZodError, t: Translator): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_";
    if (fieldErrors[path]) continue;
    const label = fieldLabel(issue.path, t);
    const message = issueMessage(issue, t);
    fieldErrors[path] = label ? t("validation.withField", { field: label, message }) : message;
  }
  return fieldErrors;
}
