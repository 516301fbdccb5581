import type { Tx } from "@/lib/db";
import type { NameBook, ParentOf } from "@/lib/matching/types";

// Code tables and region names for scoring and explanations. Reference data changes only with a release
// (seeded codes), so a short in-process cache is safe across instances: nothing here is per-user state.

type CodeTables = { disciplineParent: ParentOf; industryParent: ParentOf; disciplineName: Map<string, string>; industryName: Map<string, string>; children: Map<string, string[]> };

const TTL_MS = 10 * 60_000;
let cached: { at: number; tables: CodeTables } | null = null;

export async function codeTables(tx: Tx): Promise<CodeTables> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.tables;
  const [disciplines, industries] = await Promise.all([
    tx.discipline.findMany({ select: { code: true, name: true, parentCode: true } }),
    tx.industry.findMany({ select: { code: true, name: true, parentCode: true } }),
  ]);
  const dParent = new Map(disciplines.map((d) => [d.code, d.parentCode]));
  const iParent = new Map(industries.map((d) => [d.code, d.parentCode]));
  const children = new Map<string, string[]>();
  for (const d of disciplines) if (d.parentCode) children.set(d.parentCode, [...(children.get(d.parentCode) ?? []), d.code]);
  const tables: CodeTables = {
    disciplineParent: (c) => dParent.get(c) ?? null,
    industryParent: (c) => iParent.get(c) ?? null,
    disciplineName: new Map(disciplines.map((d) => [d.code, d.name])),
    industryName: new Map(industries.map((d) => [d.code, d.name])),
    children,
  };
  cached = { at: Date.now(), tables };
  return tables;
}

/** The need's disciplines with their parents, siblings and children: what retrieval treats as the same field. */
export function disciplineFamily(codes: string[], t: CodeTables): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    out.add(code);
    for (const child of t.children.get(code) ?? []) out.add(child);
    const parent = t.disciplineParent(code);
    if (parent) {
      out.add(parent);
      for (const sibling of t.children.get(parent) ?? []) out.add(sibling);
    }
  }
  return [...out];
}

/** Names for explanations; regions are looked up once for the codes given. */
export async function nameBook(tx: Tx, t: CodeTables, regionCodes: string[]): Promise<NameBook> {
  const wanted = new Set<string>();
  for (const c of regionCodes) {
    if (!c) continue;
    wanted.add(c);
    wanted.add(c.slice(0, 2));
    if (c.length >= 4) wanted.add(c.slice(0, 4));
  }
  const regions = await tx.region.findMany({ where: { code: { in: [...wanted] } }, select: { code: true, name: true } });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  return {
    discipline: (c) => t.disciplineName.get(c) ?? c,
    industry: (c) => t.industryName.get(c) ?? c,
    region: (c) => regionName.get(c) ?? c,
  };
}
