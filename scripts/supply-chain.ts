/*
 * Supply-chain gate for CI. The npm registry reachable from CI has no audit endpoint, so
 * `npm audit` cannot gate here; instead every dependency must be pinned to one exact version
 * (what was tested is what ships), the lockfile must agree with package.json, and a CycloneDX
 * SBOM of the production dependencies is written for a deployer to audit with their own scanner.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
type Lockfile = { packages?: Record<string, { version?: string }> };

/** An exact semantic version: no range, tag, URL or path. */
const exactVersion = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** Every way the manifest and the lockfile fail the gate, one line each. */
export function supplyChainProblems(manifest: Manifest, lockfile: Lockfile): string[] {
  const declared = { ...manifest.dependencies, ...manifest.devDependencies };
  const problems: string[] = [];
  for (const [name, version] of Object.entries(declared)) {
    if (!exactVersion.test(version)) {
      problems.push(`${name}: "${version}" is not pinned to an exact version`);
      continue;
    }
    const locked = lockfile.packages?.[`node_modules/${name}`]?.version;
    if (locked !== version) problems.push(`${name}: package.json pins ${version} but package-lock.json has ${locked ?? "nothing"}`);
  }
  return problems;
}

function main() {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const read = (file: string) => JSON.parse(readFileSync(resolve(root, file), "utf8")) as unknown;
  const problems = supplyChainProblems(read("package.json") as Manifest, read("package-lock.json") as Lockfile);
  if (problems.length > 0) {
    console.error(`Supply-chain check failed:\n  ${problems.join("\n  ")}`);
    process.exit(1);
  }
  const out = resolve(root, process.env.SBOM_FILE ?? ".data/sbom/kakezan.cdx.json");
  const sbom = execFileSync("npm", ["sbom", "--sbom-format", "cyclonedx", "--omit", "dev"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const components = (JSON.parse(sbom) as { components?: unknown[] }).components?.length ?? 0;
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, sbom);
  console.log(`Every dependency is pinned; SBOM of ${components} production components written to ${out}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
