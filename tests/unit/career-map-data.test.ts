import { describe, it, expect } from "vitest";
import { careerPaths, jobFamilies, roles } from "../../db/seed/data/career-map";
import { levelGuide } from "../../db/seed/data/level-guide";
import { skillAdjacency, skillCategories, skills } from "../../db/seed/data/skills";

const FAMILY_SLUGS = [
  "customer-support",
  "sales",
  "customer-success",
  "marketing",
  "product",
  "hr",
  "bizdev",
  "legal",
  "community",
  "consulting",
];

const skillSlugs = new Set(skills.map((s) => s.slug));
const roleSlugs = new Set(roles.map((r) => r.slug));

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

function nonEmpty(text: string): boolean {
  return text.trim().length > 0;
}

describe("career map data", () => {
  it("has exactly the ten job families, with unique slugs and both names", () => {
    expect(jobFamilies.map((f) => f.slug).sort()).toEqual([...FAMILY_SLUGS].sort());
    expect(duplicates(jobFamilies.map((f) => f.slug))).toEqual([]);
    for (const f of jobFamilies) {
      expect(nonEmpty(f.ja), f.slug).toBe(true);
      expect(nonEmpty(f.en), f.slug).toBe(true);
    }
  });

  it("has unique kebab-case role slugs, each in an existing family with a valid track", () => {
    expect(duplicates(roles.map((r) => r.slug))).toEqual([]);
    const families = new Set(jobFamilies.map((f) => f.slug));
    for (const r of roles) {
      expect(r.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(families.has(r.family), `${r.slug} → family ${r.family}`).toBe(true);
      expect(["management", "specialist", "cross_functional"]).toContain(r.track);
    }
    // every family has at least one role, and every family outside CS has a management role
    for (const family of FAMILY_SLUGS) {
      const inFamily = roles.filter((r) => r.family === family);
      expect(inFamily.length, family).toBeGreaterThan(0);
      expect(inFamily.some((r) => r.track === "management"), family).toBe(true);
    }
  });

  it("names and describes every role in both languages", () => {
    for (const r of roles) {
      for (const text of [r.ja, r.en, r.descriptionJa, r.descriptionEn]) {
        expect(nonEmpty(text), r.slug).toBe(true);
      }
    }
  });

  it("gives every role levels 1–4 in order, with standard years, key experiences and qualifications", () => {
    for (const r of roles) {
      expect(r.levels.map((l) => l.level), r.slug).toEqual([1, 2, 3, 4]);
      for (const l of r.levels) {
        const where = `${r.slug} L${l.level}`;
        expect(l.standardYears, where).toBeGreaterThan(0);
        // stored as numeric(3,1): at most one decimal, below 100
        expect(Number.isInteger(l.standardYears * 10), where).toBe(true);
        expect(l.standardYears, where).toBeLessThan(100);
        expect(l.keyExperiences.length, where).toBeGreaterThanOrEqual(2);
        expect(l.keyExperiences.length, where).toBeLessThanOrEqual(4);
        for (const item of [...l.keyExperiences, ...l.qualifications]) {
          expect(nonEmpty(item.ja), where).toBe(true);
          expect(nonEmpty(item.en), where).toBe(true);
        }
      }
    }
  });

  it("expects 4–8 existing skills per role level, each once, at levels 1–4", () => {
    for (const r of roles) {
      for (const l of r.levels) {
        const where = `${r.slug} L${l.level}`;
        expect(l.skills.length, where).toBeGreaterThanOrEqual(4);
        expect(l.skills.length, where).toBeLessThanOrEqual(8);
        // (role level, skill) is the primary key of role_level_skills
        expect(duplicates(l.skills.map((s) => s.skill)), where).toEqual([]);
        for (const s of l.skills) {
          expect(skillSlugs.has(s.skill), `${where}: unknown skill ${s.skill}`).toBe(true);
          expect([1, 2, 3, 4], `${where}: ${s.skill}`).toContain(s.level);
        }
      }
    }
  });

  it("has valid career paths: existing endpoints, no self path, no duplicate, notes in both languages", () => {
    expect(careerPaths.length).toBeGreaterThanOrEqual(40);
    expect(duplicates(careerPaths.map((p) => `${p.from}→${p.to}`))).toEqual([]);
    for (const p of careerPaths) {
      const where = `${p.from}→${p.to}`;
      expect(roleSlugs.has(p.from), `${where}: unknown from`).toBe(true);
      expect(roleSlugs.has(p.to), `${where}: unknown to`).toBe(true);
      expect(p.from, where).not.toBe(p.to);
      expect(["promotion", "specialist", "cross_functional"]).toContain(p.kind);
      expect(nonEmpty(p.noteJa), where).toBe(true);
      expect(nonEmpty(p.noteEn), where).toBe(true);
    }
  });

  it("uses path kinds consistently with the roles they join", () => {
    const byslug = new Map(roles.map((r) => [r.slug, r]));
    for (const p of careerPaths) {
      const from = byslug.get(p.from);
      const to = byslug.get(p.to);
      if (!from || !to) continue; // reported by the previous test
      const where = `${p.from}→${p.to}`;
      if (p.kind === "specialist") {
        expect(to.family, where).toBe("customer-support");
        expect(to.track, where).toBe("specialist");
      }
      if (p.kind === "promotion") expect(from.family, where).toBe(to.family);
      if (p.kind === "cross_functional") {
        expect(from.family !== to.family || from.family === "customer-support", where).toBe(true);
      }
    }
  });

  it("contains the CS ladder, the CS specialist paths and the moves out of CS", () => {
    const has = (from: string, to: string) => careerPaths.some((p) => p.from === from && p.to === to);
    const chain = ["cs-operator", "cs-leader", "cs-supervisor", "cs-manager", "cs-center-head"];
    for (let i = 0; i + 1 < chain.length; i++) expect(has(chain[i]!, chain[i + 1]!), `${chain[i]}→${chain[i + 1]}`).toBe(true);
    const specialists = ["cs-qa", "cs-trainer", "cs-ojt-supporter", "cs-knowledge-manager", "cs-wfm-analyst"];
    for (const from of ["cs-operator", "cs-leader"]) {
      for (const to of specialists) expect(has(from, to), `${from}→${to}`).toBe(true);
    }
    const counterparts: [string, string][] = [
      ["cs-qa", "product-qa"],
      ["cs-trainer", "hr-people-development"],
      ["cs-ojt-supporter", "hr-people-development"],
      ["cs-knowledge-manager", "legal-support"],
      ["cs-knowledge-manager", "product-manager"],
      ["cs-wfm-analyst", "bizdev"],
      ["cs-supervisor", "hrbp"],
      ["cs-manager", "hrbp"],
    ];
    for (const [from, to] of counterparts) expect(has(from, to), `${from}→${to}`).toBe(true);
    const destinations = [
      "inside-sales",
      "field-sales",
      "consultant",
      "customer-success-manager",
      "marketing-planner",
      "recruiter",
      "hrbp",
      "product-qa",
      "product-manager",
      "bizdev",
      "legal-support",
      "brand-manager",
      "community-manager",
    ];
    for (const from of ["cs-operator", "cs-leader", "cs-supervisor"]) {
      for (const to of destinations) expect(has(from, to), `${from}→${to}`).toBe(true);
    }
    // every management role outside CS is reached by a promotion inside its family
    for (const r of roles.filter((x) => x.track === "management" && x.family !== "customer-support")) {
      expect(
        careerPaths.some((p) => p.to === r.slug && p.kind === "promotion"),
        `promotion into ${r.slug}`,
      ).toBe(true);
    }
  });

  it("reaches every role from cs-operator", () => {
    const next = new Map<string, string[]>();
    for (const p of careerPaths) next.set(p.from, [...(next.get(p.from) ?? []), p.to]);
    const reached = new Set<string>(["cs-operator"]);
    const queue = ["cs-operator"];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const to of next.get(current) ?? []) {
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    expect([...roleSlugs].filter((slug) => !reached.has(slug))).toEqual([]);
  });
});

describe("skills data", () => {
  it("has at least 150 skills in at least 10 categories, including the CS core ones", () => {
    expect(skills.length).toBeGreaterThanOrEqual(150);
    expect(skillCategories.length).toBeGreaterThanOrEqual(10);
    const categories = skillCategories.map((c) => c.slug);
    for (const slug of [
      "customer-interaction",
      "product-knowledge",
      "tech-support",
      "quality",
      "operations-wfm",
      "people-development",
      "management",
      "data-digital",
      "planning-projects",
      "transversal",
    ]) {
      expect(categories).toContain(slug);
    }
    expect(duplicates(categories)).toEqual([]);
  });

  it("has unique skill slugs, each in an existing category and named in both languages", () => {
    expect(duplicates(skills.map((s) => s.slug))).toEqual([]);
    const categories = new Set(skillCategories.map((c) => c.slug));
    for (const s of skills) {
      expect(categories.has(s.category), `${s.slug} → ${s.category}`).toBe(true);
      expect(nonEmpty(s.ja), s.slug).toBe(true);
      expect(nonEmpty(s.en), s.slug).toBe(true);
    }
  });

  it("has a valid adjacency: existing endpoints, no self-edge, no duplicate pair, weight in (0,1]", () => {
    const pairs: string[] = [];
    for (const [a, b, weight] of skillAdjacency) {
      const where = `${a}–${b}`;
      expect(skillSlugs.has(a), `${where}: unknown ${a}`).toBe(true);
      expect(skillSlugs.has(b), `${where}: unknown ${b}`).toBe(true);
      expect(a, where).not.toBe(b);
      expect(weight, where).toBeGreaterThan(0);
      expect(weight, where).toBeLessThanOrEqual(1);
      pairs.push([a, b].sort().join("|"));
    }
    expect(duplicates(pairs)).toEqual([]);
  });
});

describe("level guide data", () => {
  it("has levels 1–4 in order with non-empty texts", () => {
    expect(levelGuide.map((g) => g.level)).toEqual([1, 2, 3, 4]);
    for (const g of levelGuide) {
      for (const text of [g.titleJa, g.titleEn, g.descriptionJa, g.descriptionEn]) {
        expect(nonEmpty(text), `level ${g.level}`).toBe(true);
      }
    }
  });
});
