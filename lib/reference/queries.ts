import { cache } from "react";
import { db } from "@/lib/db";
import { codeSubtree, nameLookup } from "@/lib/reference/codes";

// Reference data for pickers and labels. The code tables (regions, disciplines, industries) are written only by the
// seed and `npm run setup`, never by the running platform, so each instance may keep a read for a few minutes
// (shortLived) instead of re-reading thousands of rows on every list page; a re-seed shows within REFERENCE_TTL_MS.
// Nothing else is kept in process memory.

export type CodeOption = { code: string; name: string; parentCode: string | null };
export type RegionOption = CodeOption & { level: "PROVINCE" | "CITY" | "COUNTY" };

export const REFERENCE_TTL_MS = 5 * 60 * 1000;

/** `load(key)` remembered per key for `ttlMs`; a failed read is forgotten at once. */
export function shortLived<T>(load: (key: string) => Promise<T>, ttlMs = REFERENCE_TTL_MS): (key: string) => Promise<T> {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  return (key) => {
    const now = Date.now();
    const hit = kept.get(key);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = load(key);
    kept.set(key, { at: now, value });
    value.catch(() => kept.delete(key));
    return value;
  };
}

const disciplines = shortLived(() =>
  db.discipline.findMany({ select: { code: true, name: true, parentCode: true }, orderBy: { code: "asc" } }));
const industries = shortLived(() =>
  db.industry.findMany({ select: { code: true, name: true, parentCode: true }, orderBy: { code: "asc" } }));
const regions = shortLived((provinceCode) =>
  db.region.findMany({
    where: provinceCode ? { provinceCode } : {},
    select: { code: true, name: true, parentCode: true, level: true },
    orderBy: { code: "asc" },
  }));
const provinces = shortLived(() =>
  db.region.findMany({ where: { level: "PROVINCE" }, select: { code: true, name: true }, orderBy: { code: "asc" } }));

const zones = shortLived(() => db.region.findMany({ where: { level: "PROVINCE" }, select: { provinceCode: true, zone: true } }));

// Callers get the shared arrays: they only read them (filter and map make copies).
export const disciplineOptions = cache(async (): Promise<CodeOption[]> => disciplines(""));

export const industryOptions = cache(async (): Promise<CodeOption[]> => industries(""));

/** Regions of one province (or all when omitted), provinces first then by code. */
export const regionOptions = cache(async (provinceCode?: string): Promise<RegionOption[]> => regions(provinceCode ?? ""));

/** Each province's zone (东部, 中部, 西部, 东北), for the national figures. */
export const provinceZones = cache(async () => zones(""));

/** The provinces (and 兵团), for filters. */
export const provinceOptions = cache(async (): Promise<{ code: string; name: string }[]> => provinces(""));

/** Code → name of every region, discipline or industry (a few thousand rows, kept like the options above). */
const nameTables = shortLived(async (table) => {
  const args = { select: { code: true, name: true } } as const;
  const rows = table === "discipline" ? await db.discipline.findMany(args)
    : table === "industry" ? await db.industry.findMany(args)
    : await db.region.findMany(args);
  return new Map(rows.map((r) => [r.code, r.name]));
});

/** Full names like "四川省 成都市 蒲江县" for a set of region codes. */
export async function regionPaths(codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  const out = new Map<string, string>();
  if (!wanted.length) return out;
  const name = await nameTables("region");
  for (const c of wanted) {
    const parts = [c.slice(0, 2), c.length >= 4 ? c.slice(0, 4) : null, c.length === 6 ? c : null]
      .filter((p): p is string => !!p && name.has(p))
      .map((p) => name.get(p)!);
    out.set(c, [...new Set(parts)].join(" "));
  }
  return out;
}

type CodeTable = "discipline" | "industry" | "region";

/** Code → name for these codes of one table; a code not in the table names itself. */
export async function codeNames(table: CodeTable, codes: Iterable<string>): Promise<(code: string) => string> {
  if (![...codes].some(Boolean)) return nameLookup([]);
  return nameLookup(await nameTables(table));
}

/** A discipline (or industry) and every one under it, for list filters (lib/reference/codes codeSubtree). */
export async function withSubtree(table: "discipline" | "industry", code: string): Promise<string[]> {
  return codeSubtree(table === "discipline" ? await disciplineOptions() : await industryOptions(), code);
}
