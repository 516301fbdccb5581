import type { Tx } from "@/lib/db";
import type { Zone } from "@/lib/generated/prisma/enums";
import type { NameBook, ParentOf } from "@/lib/matching/types";
import { nameLookup } from "@/lib/reference/codes";

// Code tables and regions for retrieval, scoring and explanations. Reference data changes only with a release
// (seeded codes), so an in-process cache is safe across instances: nothing here is per-user state. It is reloaded
// after TTL_MS, and concurrent first requests share one load.

export type CodeTables = {
  disciplineParent: ParentOf;
  industryParent: ParentOf;
  disciplineName: Map<string, string>;
  industryName: Map<string, string>;
  children: Map<string, string[]>; // discipline → its children
  industryChildren: Map<string, string[]>; // industry section → its divisions
};

export type RegionTable = { name: Map<string, string>; zone: Map<string, Zone> };

const TTL_MS = 10 * 60_000;

type Entry<T> = { at: number; value: Promise<T> };

/** A value loaded at most once per TTL; a failed load is forgotten so the next call retries. */
function cache<T>(load: (tx: Tx) => Promise<T>) {
  let entry: Entry<T> | null = null;
  const get = (tx: Tx): Promise<T> => {
    if (entry && Date.now() - entry.at < TTL_MS) return entry.value;
    const value = load(tx);
    const mine: Entry<T> = { at: Date.now(), value };
    entry = mine;
    value.catch(() => {
      if (entry === mine) entry = null;
    });
    return value;
  };
  return { get, clear: () => void (entry = null) };
}

function childrenOf(rows: { code: string; parentCode: string | null }[]): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const d of rows) if (d.parentCode) children.set(d.parentCode, [...(children.get(d.parentCode) ?? []), d.code]);
  return children;
}

const tablesCache = cache(async (tx): Promise<CodeTables> => {
  const [disciplines, industries] = await Promise.all([
    tx.discipline.findMany({ select: { code: true, name: true, parentCode: true } }),
    tx.industry.findMany({ select: { code: true, name: true, parentCode: true } }),
  ]);
  const dParent = new Map(disciplines.map((d) => [d.code, d.parentCode]));
  const iParent = new Map(industries.map((d) => [d.code, d.parentCode]));
  return {
    disciplineParent: (c) => dParent.get(c) ?? null,
    industryParent: (c) => iParent.get(c) ?? null,
    disciplineName: new Map(disciplines.map((d) => [d.code, d.name])),
    industryName: new Map(industries.map((d) => [d.code, d.name])),
    children: childrenOf(disciplines),
    industryChildren: childrenOf(industries),
  };
});

const regionsCache = cache(async (tx): Promise<RegionTable> => {
  const rows = await tx.region.findMany({ select: { code: true, name: true, zone: true } });
  return { name: new Map(rows.map((r) => [r.code, r.name])), zone: new Map(rows.map((r) => [r.code, r.zone])) };
});

export function codeTables(tx: Tx): Promise<CodeTables> {
  return tablesCache.get(tx);
}

/** Every region's name and zone (about 3,200 rows, loaded once per TTL). */
export function regionTable(tx: Tx): Promise<RegionTable> {
  return regionsCache.get(tx);
}

/** Forget the cached reference data (tests that change code tables or regions). */
export function clearReferenceCache() {
  tablesCache.clear();
  regionsCache.clear();
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

/**
 * For one code, the codes lib/matching/parts.codeCloseness rates 0.8 (its parent and children) and 0.5 (its
 * siblings), so that SQL can estimate the discipline and industry parts without walking the tables.
 */
export function closeCodes(code: string, parentOf: ParentOf, children: Map<string, string[]>): { near: string[]; siblings: string[] } {
  const near: string[] = [];
  for (let c = parentOf(code); c; c = parentOf(c)) near.push(c);
  for (let i = 0, below = [...(children.get(code) ?? [])]; i < below.length; i++) {
    near.push(below[i]);
    below.push(...(children.get(below[i]) ?? []));
  }
  const parent = parentOf(code);
  const siblings = parent ? (children.get(parent) ?? []).filter((c) => c !== code) : [];
  return { near, siblings };
}

/** Names for explanations, from the cached tables. */
export async function nameBook(tx: Tx, t: CodeTables): Promise<NameBook> {
  const regions = await regionTable(tx);
  return {
    discipline: nameLookup(t.disciplineName),
    industry: nameLookup(t.industryName),
    region: nameLookup(regions.name),
  };
}
