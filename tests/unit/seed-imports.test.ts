import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A seed step uses only the steps before it: the seed modules' imports (types included) form no cycle.
const dir = path.resolve(import.meta.dirname, "../../prisma/seed");

function importGraph(): Map<string, string[]> {
  const modules = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
  return new Map(modules.map((m) => {
    const text = readFileSync(path.join(dir, `${m}.ts`), "utf8");
    return [m, [...text.matchAll(/\bfrom\s+"\.\/([\w-]+)"/g)].map((x) => x[1])];
  }));
}

/** Every cycle found by a depth-first walk, as the list of modules around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (m: string, trail: string[]) => {
    if (trail.includes(m)) return void found.push([...trail.slice(trail.indexOf(m)), m]);
    if (done.has(m)) return;
    for (const next of graph.get(m) ?? []) walk(next, [...trail, m]);
    done.add(m);
  };
  for (const m of graph.keys()) walk(m, []);
  return found;
}

describe("seed modules", () => {
  it("import each other without a cycle", () => {
    const graph = importGraph();
    expect(graph.get("demo-needs")).toContain("demo-matching");
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c", "a"]]);
  });
});
