import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Comments that send the reader to a file must name one that exists: `lib/matching/terms` (a module),
// `lib/matching/parts.talentFit` (a module's export), `prisma/seed/factories.ts`, `../sample-files`, `CONTRIBUTING.md`.
const root = path.resolve(import.meta.dirname, "../..");
const TOP = ["app", "lib", "components", "prisma", "scripts", "tests", "bench"];
const SKIP = new Set(["node_modules", "generated", ".next", ".data", "test-results", "migrations"]);

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : files(rel);
    return /\.(tsx?|prisma|mjs)$/.test(e.name) ? [rel] : [];
  });
}

const COMMENT = /(?:^\s*(?:\/\/|\/?\*)|\s\/\/\s)(.*)$/;
const CITED = new RegExp(`(?<![\\w/.@-])((?:${TOP.join("|")})/[\\w./\\[\\]()-]*[\\w\\]/]|(?:\\.\\.?/)+[\\w./-]*\\w|[A-Z][A-Z-]+\\.md)(?![\\w#<-]|\\.\\w)`, "g");

/** Placeholders in usage examples, e.g. TEST_FILES="tests/integration/a.test.ts", or the area `foo` of CONTRIBUTING.md. */
const EXAMPLE = /\/[a-z]\.(test|spec)\.ts$|(^|[/-])foo([/.-]|$)/;

function resolves(cited: string, from: string): boolean {
  if (EXAMPLE.test(cited)) return true;
  const bare = cited.replace(/\.[a-z]\w*$/i, (ext) => ([".ts", ".tsx", ".md", ".prisma", ".json", ".csv", ".sql"].includes(ext) ? ext : ""));
  const tries = [cited, bare].flatMap((p) => [p, `${p}.ts`, `${p}.tsx`, `${p}/page.tsx`]);
  return tries.some((p) => existsSync(path.join(root, p)) || existsSync(path.join(root, path.dirname(from), p)));
}

describe("references in comments and the READMEs", () => {
  it("name files that exist", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const file of [...TOP.flatMap((d) => (existsSync(path.join(root, d)) ? files(d) : [])), "proxy.ts", "instrumentation.ts", "prisma.config.ts", "README.md", "CONTRIBUTING.md"]) {
      readFileSync(path.join(root, file), "utf8").split("\n").forEach((line, i) => {
        const comment = file.endsWith(".md") ? line : COMMENT.exec(line)?.[1];
        if (!comment) return;
        for (const [, cited] of comment.matchAll(CITED)) {
          checked += 1;
          if (!resolves(cited, file)) missing.push(`${file}:${i + 1} ${cited}`);
        }
      });
    }
    expect(checked).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });
});
