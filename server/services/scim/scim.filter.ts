import { ScimError } from "./scim.errors";

/*
 * The part of the SCIM filter grammar (RFC 7644 §3.4.2.2) identity providers send when they look
 * a user or group up before creating it: `attribute op "value"` comparisons joined by `and`.
 * Anything else is refused as `invalidFilter` rather than silently ignored, so a provider never
 * takes an unfiltered list for a match.
 */

export type ScimComparison = { attribute: string; operator: "eq" | "ne" | "co" | "sw" | "ew" | "pr"; value: string | boolean | null };

const comparison = /^([A-Za-z][\w.:-]*)\s+(eq|ne|co|sw|ew)\s+("(?:[^"\\]|\\.)*"|true|false|null|-?\d+)\s*/i;
const present = /^([A-Za-z][\w.:-]*)\s+pr\s*/i;

function literal(token: string): string | boolean | null {
  if (token.startsWith('"')) return JSON.parse(token) as string;
  const lower = token.toLowerCase();
  if (lower === "true") return true;
  if (lower === "false") return false;
  if (lower === "null") return null;
  return token;
}

/** The comparisons of a filter, all of which must hold. */
export function parseScimFilter(filter: string): ScimComparison[] {
  const comparisons: ScimComparison[] = [];
  let rest = filter.trim();
  if (!rest) throw new ScimError(400, "The filter is empty.", "invalidFilter");
  for (;;) {
    const matched = comparison.exec(rest);
    const presence = matched ? null : present.exec(rest);
    if (matched) {
      comparisons.push({ attribute: matched[1]!, operator: matched[2]!.toLowerCase() as ScimComparison["operator"], value: literal(matched[3]!) });
      rest = rest.slice(matched[0].length);
    } else if (presence) {
      comparisons.push({ attribute: presence[1]!, operator: "pr", value: null });
      rest = rest.slice(presence[0].length);
    } else {
      throw new ScimError(400, `The filter "${filter}" is not supported: use attribute eq "value", joined by and.`, "invalidFilter");
    }
    if (!rest) return comparisons;
    const joined = /^and\s+/i.exec(rest);
    if (!joined) throw new ScimError(400, `The filter "${filter}" is not supported: only "and" joins comparisons.`, "invalidFilter");
    rest = rest.slice(joined[0].length);
  }
}

/** Whether one value satisfies a comparison (strings compare case-insensitively, as SCIM's caseExact=false attributes do). */
export function satisfies(actual: unknown, comparisonToTest: Pick<ScimComparison, "operator" | "value">): boolean {
  const { operator, value } = comparisonToTest;
  if (operator === "pr") return actual !== undefined && actual !== null && actual !== "";
  if (typeof value === "boolean" || value === null || typeof actual === "boolean") {
    const equal = String(actual).toLowerCase() === String(value).toLowerCase();
    return operator === "ne" ? !equal : operator === "eq" && equal;
  }
  const left = String(actual ?? "").toLowerCase();
  const right = value.toLowerCase();
  switch (operator) {
    case "eq":
      return left === right;
    case "ne":
      return left !== right;
    case "co":
      return left.includes(right);
    case "sw":
      return left.startsWith(right);
    case "ew":
      return left.endsWith(right);
  }
}
