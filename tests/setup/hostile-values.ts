import fc from "fast-check";

/** An object whose own (enumerable) key is `key`, even for `__proto__`, as JSON.parse makes it. */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Keys that pollute prototypes when code copies objects carelessly. */
export const pollutingKeys = ["__proto__", "constructor", "prototype"];

/** Texts that break careless code: control and invisible characters, odd Unicode, injections, sizes. */
export const hostileTexts = [
  "",
  " ",
  "\u3000",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "𠮷野家 🧑‍🤝‍🧑 𝕂𝕒𝕜𝕖𝕫𝕒𝕟",
  "e\u0301\u0301\u0301\u0301",
  "\u0301".repeat(10_000),
  "\u202eevil\u202c",
  "שלום عربى",
  "\u200b",
  "\u200b\u200c\u200d\ufeff",
  "ＡＢＣ１２３ｶﾀｶﾅ",
  "\r\n\t\u0085\u2028\u2029",
  "\u001b[31m\u0007",
  "' or 1=1 --",
  "'; drop table people; --",
  "\\",
  "abc\\",
  "%_\\%",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "${7*7}{{7*7}}",
  "../../../etc/passwd",
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "9999-12-31",
  "2026-11-20T25:00:00Z",
  ...pollutingKeys,
  "a".repeat(100_000),
  "😀".repeat(20_000),
  "あ".repeat(4_001),
];

/** Numbers at PostgreSQL's integer edges and the ones JSON cannot carry (superjson can). */
export const hostileNumbers = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  4,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_648,
  -2_147_483_649,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  1e308,
  -1e308,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

/** Values of the wrong shape: other types, polluting objects, deep nesting, long arrays. */
export const hostileShapes = (): unknown[] => [
  null,
  undefined,
  true,
  false,
  [],
  {},
  JSON.parse('{"__proto__": {"isAdmin": true, "isHr": true}}'),
  JSON.parse('{"constructor": {"prototype": {"isAdmin": true}}}'),
  Object.create(null),
  nested(500),
  Array.from({ length: 100_000 }, (_, index) => index),
  Array.from({ length: 1_000 }, () => "x"),
  new Date(Number.NaN),
];

/** One character that is more likely to break things than a random one. */
const hostileCharacter = fc.oneof(
  fc.constantFrom("\u0000", "\ud800", "\udfff", "\u200b", "\u202e", "\u0301", "'", "\\", "%", "_", "<", "\u3000"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);

/** A single hostile value: a listed one, a random string of odd characters or a random number. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...hostileTexts),
  fc.constantFrom(...hostileNumbers),
  fc.constantFrom(...hostileShapes()),
  fc.string({ unit: hostileCharacter, maxLength: 60 }),
  fc.integer(),
  fc.double(),
);

/**
 * Any value at all, built of hostile leaves under keys that are either the procedure's own (so
 * some inputs get past the first check) or polluting or random ones.
 */
export function hostileInput(knownKeys: string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...knownKeys, ...pollutingKeys), fc.string({ unit: hostileCharacter, maxLength: 8 }));
  return fc.oneof(hostileLeaf, fc.anything({ key, values: [hostileLeaf], maxDepth: 3, maxKeys: 6, withNullPrototype: true }));
}

type Path = (string | number)[];

/** The path of every value inside `value` (containers and leaves), the root first. */
export function pathsIn(value: unknown, at: Path = []): Path[] {
  const inside =
    value !== null && typeof value === "object"
      ? Object.entries(value).flatMap(([key, child]) => pathsIn(child, [...at, Array.isArray(value) ? Number(key) : key]))
      : [];
  return [at, ...inside];
}

/** How one value of a valid input is spoiled: replaced, removed, or given a hostile extra key. */
export type Spoiling = { pathIndex: number; how: "replace" | "remove" | "addKey"; key: string; value: unknown };

export const spoiling: fc.Arbitrary<Spoiling> = fc.record({
  pathIndex: fc.nat(),
  how: fc.constantFrom("replace", "remove", "addKey"),
  key: fc.oneof(fc.constantFrom(...pollutingKeys, "isAdmin", "personId", "id"), fc.string({ unit: hostileCharacter, maxLength: 8 })),
  value: hostileLeaf,
});

/** A copy of a valid input with one value spoiled as `spoil` says. */
export function spoil(valid: unknown, { pathIndex, how, key, value }: Spoiling): unknown {
  const copy = structuredClone(valid);
  const paths = pathsIn(copy);
  const path = paths[pathIndex % paths.length]!;
  if (path.length === 0) return how === "addKey" && isRecord(copy) ? withOwnKey(copy, key, value) : value;
  const parent = path.slice(0, -1).reduce<unknown>((node, step) => (node as Record<string, unknown>)[step], copy) as Record<string, unknown>;
  const last = path.at(-1)!;
  const target = parent[last];
  if (how === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (how === "addKey" && isRecord(target)) {
    withOwnKey(target, key, value);
  } else {
    withOwnKey(parent, String(last), value);
  }
  return copy;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
