import { describe, expect, it } from "vitest";
import { supplyChainProblems } from "@/scripts/supply-chain";

const locked = (versions: Record<string, string>) => ({
  packages: Object.fromEntries(Object.entries(versions).map(([name, version]) => [`node_modules/${name}`, { version }])),
});

describe("supply-chain gate", () => {
  it("accepts exact pins that the lockfile agrees with", () => {
    const manifest = { dependencies: { next: "16.4.6" }, devDependencies: { vitest: "4.1.12", "@types/node": "20.19.43" } };
    expect(supplyChainProblems(manifest, locked({ next: "16.4.6", vitest: "4.1.12", "@types/node": "20.19.43" }))).toEqual([]);
  });

  it.each(["^1.2.3", "~1.2.3", "1.x", "*", "latest", ">=1.0.0", "github:owner/repo", "file:../lib"])("refuses the range %s", (range) => {
    const problems = supplyChainProblems({ dependencies: { lib: range } }, locked({ lib: "1.2.3" }));
    expect(problems).toEqual([`lib: "${range}" is not pinned to an exact version`]);
  });

  it("refuses a lockfile that disagrees with the pin", () => {
    expect(supplyChainProblems({ devDependencies: { lib: "1.2.3" } }, locked({ lib: "1.2.4" }))).toEqual([
      "lib: package.json pins 1.2.3 but package-lock.json has 1.2.4",
    ]);
    expect(supplyChainProblems({ dependencies: { lib: "1.2.3" } }, locked({}))).toEqual(["lib: package.json pins 1.2.3 but package-lock.json has nothing"]);
  });

  it("holds for this repository", async () => {
    const { readFileSync } = await import("node:fs");
    const manifest = JSON.parse(readFileSync("package.json", "utf8"));
    const lockfile = JSON.parse(readFileSync("package-lock.json", "utf8"));
    expect(supplyChainProblems(manifest, lockfile)).toEqual([]);
  });
});
